import { describe, expect, it } from 'vitest';
import { planeFrom, runOn } from '../../testing/expert-harness.ts';

describe('underexposure expert', () => {
  it('measures the crushed fraction of the area', async () => {
    const out = await runOn('underexposure', [
      planeFrom(128, 64, () => 128),
      planeFrom(128, 64, () => 0),
      planeFrom(128, 64, (x) => (x < 32 ? 16 : 100)),
      planeFrom(128, 64, () => 250),
    ]);
    const s = Array.from(out.score);
    expect(s[0]!).toBe(0);
    expect(s[1]!).toBeCloseTo(1, 5);
    expect(s[2]!).toBeCloseTo(0.25, 3);
    expect(s[3]!).toBe(0);
  });

  it('grows as shadows sink towards black and marks the dark patch', async () => {
    const out = await runOn('underexposure', [planeFrom(64, 64, () => 40), planeFrom(64, 64, () => 24), planeFrom(64, 64, (x, y) => (x < 32 && y >= 32 ? 8 : 160))]);
    expect(out.score[0]!).toBe(0);
    expect(out.score[1]!).toBeGreaterThan(0.2);
    expect(out.score[1]!).toBeLessThan(0.8);
    expect(Array.from(out.map.subarray(8, 12))).toEqual([0, 0, 1, 0]);
  });
});
