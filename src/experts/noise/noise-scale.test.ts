/**
 * The same grain read at every source size: a picture with white grain of one σ (in source pixels)
 * made at 360, 540, 720 and 1080 rows and read through the tier's analysis size (960x540 at most).
 * Area resampling averaged the grain down (720p read about 0.48 of the 360p value, 1080p 0.5); the
 * noise expert's sampled `yuv` plane keeps the source's own pixels.
 */
import { describe, expect, it } from 'vitest';
import { rng, runOn } from '../../testing/expert-harness.ts';
import { analysisPlaneOf, yuvFrame } from '../../testing/yuv-frame.ts';

function gaussian(seed: number): () => number {
  const r = rng(seed);
  return () => Math.sqrt(-2 * Math.log(Math.max(r(), 1e-12))) * Math.cos(2 * Math.PI * r());
}

/** A soft gradient with grain of σ `sigma` over the whole picture, or only over its left half. */
function grainy(h: number, sigma: number, leftOnly: boolean) {
  const n = gaussian(h);
  return yuvFrame((h * 16) / 9, h, (u, v) => 90 + 40 * v + 20 * u + (!leftOnly || u < 0.5 ? sigma * n() : 0));
}

const ROWS = [360, 540, 720, 1080];

describe('noise expert across source sizes', () => {
  it('reads whole-frame grain alike at 360p, 540p, 720p and 1080p (within 10 %)', { timeout: 60_000 }, async () => {
    const scores: number[] = [];
    for (const h of ROWS) scores.push((await runOn('noise', [analysisPlaneOf('noise', grainy(h, 8, false))])).score[0]!);
    for (const s of scores.slice(1)) expect(Math.abs(s / scores[0]! - 1), scores.join(', ')).toBeLessThan(0.1);
  });

  it('reads local grain over half the picture alike, and past the threshold, at every size', { timeout: 60_000 }, async () => {
    const scores: number[] = [];
    for (const h of ROWS) scores.push((await runOn('noise', [analysisPlaneOf('noise', grainy(h, 30, true))])).score[0]!);
    for (const s of scores) expect(s, scores.join(', ')).toBeGreaterThan(6);
    for (const s of scores.slice(1)) expect(Math.abs(s / scores[0]! - 1), scores.join(', ')).toBeLessThan(0.1);
  });
});
