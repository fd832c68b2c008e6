/**
 * Every expert graph, built from its model.ts now, gives the stored reference outputs on the fixed
 * synthetic inputs (graph-reference.ts): a change made for speed must keep the math. Floating-point
 * reordering (a pool split in two stages, a fused step) moves values by a few units in the last place;
 * the tolerance, 1e-4 of the value plus 1e-4 of the output's mean magnitude, is far below any
 * expert's threshold or event floor, yet a changed constant or op shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentOutputs, expertMetas, REFERENCE_FILE, type ReferenceOutputs } from './graph-reference.ts';

const reference = JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')) as ReferenceOutputs;

/**
 * Largest |a − b| / (|b| + mean |b|) over two arrays, and where. A NaN matches only a NaN (stored as
 * null: NIQE's features of a flat patch are NaN, and its post-processing leaves those patches out).
 */
export function worstDeviation(a: ArrayLike<number>, b: ArrayLike<number | null>): { rel: number; at: number } {
  let scale = 0;
  for (let i = 0; i < b.length; i++) scale += Number.isFinite(b[i]) ? Math.abs(b[i]!) : 0;
  scale = scale / Math.max(1, b.length) + 1e-6;
  let worst = { rel: 0, at: -1 };
  for (let i = 0; i < b.length; i++) {
    const ref = b[i] ?? Number.NaN;
    if (Number.isNaN(ref) && Number.isNaN(a[i]!)) continue;
    const d = Math.abs(a[i]! - ref);
    const rel = Number.isNaN(d) ? Infinity : d / (Math.abs(ref) + scale);
    if (rel > worst.rel) worst = { rel, at: i };
  }
  return worst;
}

describe('expert graphs against their stored reference outputs', () => {
  it('has a reference for every expert', () => {
    expect(Object.keys(reference).sort()).toEqual(expertMetas().map((m) => m.id));
  });

  for (const meta of expertMetas()) {
    it(`${meta.id}: same outputs (within 1e-4)`, async () => {
      const out = await currentOutputs(meta);
      const ref = reference[meta.id];
      expect(ref, 'no stored reference').toBeDefined();
      expect(Object.keys(out).sort()).toEqual(Object.keys(ref!).sort());
      for (const [name, t] of Object.entries(out)) {
        expect(t.dims, name).toEqual(ref![name]!.dims);
        const { rel, at } = worstDeviation(t.data, ref![name]!.data);
        expect(rel, `${name}[${at}]: ${t.data[at]} vs ${ref![name]!.data[at]}`).toBeLessThanOrEqual(1e-4);
      }
    });
  }

  it('the comparison fails on a changed value', () => {
    expect(worstDeviation([1, 2, 3], [1, 2, 3]).rel).toBe(0);
    expect(worstDeviation([1, 2, 3.01], [1, 2, 3]).rel).toBeGreaterThan(1e-4);
    expect(worstDeviation([0, Number.NaN], [0, 1]).rel).toBe(Infinity);
    expect(worstDeviation([0, 1], [0, null]).rel).toBe(Infinity);
    expect(worstDeviation([0, Number.NaN], [0, null]).rel).toBe(0);
  });
});
