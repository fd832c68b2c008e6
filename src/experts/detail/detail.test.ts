import { describe, expect, it } from 'vitest';
import { detailReadings } from '../../../bench/calibrate/detail-readings.ts';
import { planeFrom, rng, runOn, type Plane } from '../../testing/expert-harness.ts';

/** A texture of 8-px-scale blobs with pixel grain, integer code values (as a decoder gives). */
function texture(seed: number, w: number, h: number, grain: number): Plane {
  const r = rng(seed);
  const coarse = Array.from({ length: Math.ceil(h / 6) * Math.ceil(w / 6) }, () => 60 + 120 * r());
  const cw = Math.ceil(w / 6);
  return planeFrom(w, h, (x, y) => Math.round(Math.min(255, Math.max(0, coarse[Math.floor(y / 6) * cw + Math.floor(x / 6)]! + grain * (r() - 0.5)))));
}

/** The same picture with every 8×8 block replaced by its mean plus a fraction of its residual (a coder dropping detail). */
function flattened(p: Plane, keep: number): Plane {
  const out = new Float32Array(p.data.length);
  for (let by = 0; by + 8 <= p.height; by += 8)
    for (let bx = 0; bx + 8 <= p.width; bx += 8) {
      let s = 0;
      for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) s += p.data[(by + j) * p.width + bx + i]!;
      const m = s / 64;
      for (let j = 0; j < 8; j++) for (let i = 0; i < 8; i++) {
        const k = (by + j) * p.width + bx + i;
        out[k] = Math.round(m + keep * (p.data[k]! - m));
      }
    }
  return { width: p.width, height: p.height, data: out };
}

const asBytes = (p: Plane) => Uint8Array.from(p.data);

describe('texture-detail expert', () => {
  it('computes what the prototype (bench/calibrate/detail-readings.ts) computes, frame by frame', async () => {
    const sharp = texture(7, 132, 100, 40);
    const frames = [sharp, flattened(sharp, 0.5), flattened(sharp, 0.15), texture(11, 132, 100, 8)];
    const out = await runOn('detail', frames);
    frames.forEach((f, i) => expect(out.score[i]!).toBeCloseTo(detailReadings(asBytes(f), f.width, f.height).ratioMedian, 3));
    // The map covers the frame's whole 8×8 grid (132 × 100: 16 × 12 blocks); the border ring has no
    // eight neighbours and takes the frame's score, as untextured blocks do.
    expect(out.ph).toBe(12);
    expect(out.pw).toBe(16);
    const m = out.map.subarray(0, 12 * 16);
    expect(m[0]).toBe(out.score[0]);
    expect(m[12 * 16 - 1]).toBe(out.score[0]);
    expect(new Set(m.subarray(16 + 1, 2 * 16 - 1)).size).toBeGreaterThan(3);
  });

  it('reads less detail as a coder keeps less of each block', async () => {
    const sharp = texture(3, 96, 96, 40);
    const out = await runOn('detail', [sharp, flattened(sharp, 0.5), flattened(sharp, 0.1)]);
    expect(out.score[1]!).toBeLessThan(out.score[0]!);
    expect(out.score[2]!).toBeLessThan(out.score[1]!);
  });

  it('gives a flat frame no textured block and the best reading', async () => {
    const out = await runOn('detail', [planeFrom(64, 64, () => 128)]);
    expect(out.score[0]!).toBe(1);
  });
});
