import { describe, expect, it } from 'vitest';
import { planeFrom, runOn } from '../../testing/expert-harness.ts';

describe('overexposure expert', () => {
  it('measures the clipped fraction of the area', async () => {
    const out = await runOn('overexposure', [
      planeFrom(128, 64, () => 128),
      planeFrom(128, 64, () => 255),
      planeFrom(128, 64, (x) => (x < 32 ? 240 : 100)),
      planeFrom(128, 64, () => 5),
    ]);
    const s = Array.from(out.score);
    expect(s[0]!).toBe(0);
    expect(s[1]!).toBeCloseTo(1, 5);
    expect(s[2]!).toBeCloseTo(0.25, 3);
    expect(s[3]!).toBe(0);
  });

  it('grows as highlights approach clipping and marks the clipped patch', async () => {
    const out = await runOn('overexposure', [planeFrom(64, 64, () => 215), planeFrom(64, 64, () => 230), planeFrom(64, 64, (x, y) => (x >= 32 && y < 32 ? 250 : 60))]);
    expect(out.score[0]!).toBe(0);
    expect(out.score[1]!).toBeGreaterThan(0.2);
    expect(out.score[1]!).toBeLessThan(0.8);
    expect(Array.from(out.map.subarray(8, 12))).toEqual([0, 1, 0, 0]);
  });
});
