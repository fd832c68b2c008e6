import { describe, expect, it } from 'vitest';
import sharpness from '../experts/sharpness/meta.json' with { type: 'json' };
import type { ExpertMeta } from '../experts/types.ts';
import { ExpertResults } from './expert-results.ts';
import { fuseStage, reachOf } from './fuse-stage.ts';

const blur = sharpness as unknown as ExpertMeta;

function series(values: [number, number][]): ExpertResults {
  const r = new ExpertResults(blur);
  for (const [t, v] of values) r.add(t, v, new Float32Array(1), 1, 1, true);
  return r;
}

describe('reachOf', () => {
  it('is 1 for analysis times spread over the whole video', () => {
    expect(reachOf([1, 3, 5, 7, 9], 2)).toBeCloseTo(1);
  });

  it('is the share reached when the times bunch in the first part of the video', () => {
    // A 10-s video (4 times, 2.5-s interval) read only up to 5.71 s: reached up to 6.96 s.
    expect(reachOf([0.79, 2.42, 4.04, 5.71], 2.5)).toBeCloseTo(6.96 / 10, 2);
  });
});

describe('fuseStage', () => {
  it('scores two samples of a two-part video alike (the clamped mean, not the median)', () => {
    // Sharp shots read 0.35, soft ones 0.7: one sample sees 5 soft frames of 12, the other 7.
    const sample = (soft: number) => series(Array.from({ length: 12 }, (_, i) => [i + 0.5, i < soft ? 0.7 : 0.35] as [number, number]));
    const w = new Map([['sharpness', 1]]);
    const a = fuseStage([sample(5)], w, [], 1, 1).score;
    const b = fuseStage([sample(7)], w, [], 1, 1).score;
    // The median would read 0.35 against 0.7: a gap of more than half the scale.
    expect(Math.abs(a - b)).toBeLessThan(20);
    expect(a).toBeGreaterThan(b);
  });

  it('is less confident when the analysis times reach only part of the video', () => {
    const w = new Map([['sharpness', 1]]);
    const spread = fuseStage([series([[1, 0.4], [3, 0.4], [5, 0.4], [7, 0.4], [9, 0.4]])], w, [1, 3, 5, 7, 9], 2, 1);
    const bunched = fuseStage([series([[0.2, 0.4], [0.6, 0.4], [1, 0.4], [1.4, 0.4], [1.8, 0.4]])], w, [0.2, 0.6, 1, 1.4, 1.8], 2, 1);
    expect(bunched.score).toBeCloseTo(spread.score);
    expect(bunched.confidence).toBeLessThan(spread.confidence * 0.5);
  });
});
