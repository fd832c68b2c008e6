/**
 * The heaviest spatial expert graphs, built from their model.ts now, give the stored outputs equal to
 * the bit on five 960x540 frames made from the committed photograph (graph-bits.ts): a graph rewritten
 * to run faster must compute exactly what it computed before.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BIT_EXPERTS, BITS_FILE, bitFrames, bitOutputs, decodeBits, firstBitDifference, type StoredBits } from './graph-bits.ts';

const stored = JSON.parse(readFileSync(BITS_FILE, 'utf8')) as StoredBits;

describe('expert graphs equal to the bit to their stored outputs on real frames', () => {
  const frames = bitFrames();

  it('the frames carry what the experts look for (the stored scores are not all zero)', () => {
    for (const id of BIT_EXPERTS) expect(Math.max(...decodeBits(stored[id]!.score!.base64)), id).toBeGreaterThan(0);
  });

  for (const id of BIT_EXPERTS) {
    it(`${id}: every output equal to the bit`, async () => {
      const out = await bitOutputs(id, frames);
      expect(Object.keys(out).sort()).toEqual(Object.keys(stored[id]!).sort());
      for (const [name, t] of Object.entries(out)) {
        const ref = stored[id]![name]!;
        expect(t.dims, name).toEqual(ref.dims);
        const want = decodeBits(ref.base64);
        const at = firstBitDifference(t.data, want);
        expect(at, `${name}[${at}]: ${t.data[at]} vs ${want[at]}`).toBe(-1);
      }
    }, 60_000);
  }

  it('the comparison fails on a changed bit, a sign of zero or a length', () => {
    expect(firstBitDifference([1, Number.NaN, 0], [1, Number.NaN, 0])).toBe(-1);
    expect(firstBitDifference([1, 2], [1, Math.fround(2 + 2 ** -22)])).toBe(1);
    expect(firstBitDifference([0], [-0])).toBe(0);
    expect(firstBitDifference([1], [1, 2])).toBe(0);
  });
});
