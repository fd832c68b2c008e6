import { describe, expect, it } from 'vitest';
import { planeFrom, rng, runOn } from '../../testing/expert-harness.ts';
import { readPlanes } from '../../testing/media.ts';
import { matlabY } from '../../testing/rgb-gray.ts';
import { pinvSymmetric } from './linalg.ts';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
// BasicSR's published value for baboon.png (MATLAB R2021a: 5.72957338).
const PUBLISHED = 5.7296;

describe('niqe expert', () => {
  it('matches the published value on baboon.png within 0.01', async () => {
    const y = matlabY(readPlanes(fixture('baboon.png'), { planes: 'rgb' })[0]!);
    const out = await runOn('niqe', [y]);
    expect(Math.abs(out.score[0]! - PUBLISHED)).toBeLessThan(0.01);
    expect([out.ph, out.pw]).toEqual([5, 5]);
    expect(Array.from(out.map).every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  });

  it('rates a blurred picture worse than the original', async () => {
    const sharp = readPlanes(fixture('baboon.png'), {})[0]!;
    const blurred = readPlanes(fixture('baboon.png'), { filter: 'gblur=sigma=6' })[0]!;
    const out = await runOn('niqe', [sharp, blurred]);
    expect(out.score[1]!).toBeGreaterThan(out.score[0]!);
  });

  it('gives a finite score on noise and keeps the map shape', async () => {
    const r = rng(5);
    const out = await runOn('niqe', [planeFrom(200, 300, () => 16 + 219 * r())]);
    expect(Number.isFinite(out.score[0]!)).toBe(true);
    expect([out.ph, out.pw]).toEqual([3, 2]);
  });

  it('pseudo-inverts a singular symmetric matrix', () => {
    // [[1,1],[1,1]] has pinv [[.25,.25],[.25,.25]].
    const p = pinvSymmetric({ rows: 2, cols: 2, data: Float64Array.from([1, 1, 1, 1]) });
    for (const v of p.data) expect(v).toBeCloseTo(0.25, 12);
  });
});
