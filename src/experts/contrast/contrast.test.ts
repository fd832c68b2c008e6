import { describe, expect, it } from 'vitest';
import { planeFrom, runOn } from '../../testing/expert-harness.ts';

describe('contrast expert', () => {
  it('is the luma standard deviation: 0 when flat, the amplitude for a ±a checkerboard', async () => {
    const checker = (a: number) => planeFrom(128, 64, (x, y) => 128 + (((x >> 3) + (y >> 3)) % 2 ? a : -a));
    const out = await runOn('contrast', [planeFrom(128, 64, () => 90), checker(10), checker(50)]);
    const s = Array.from(out.score);
    expect(s[0]!).toBeCloseTo(0, 2);
    expect(s[1]!).toBeCloseTo(10, 2);
    expect(s[2]!).toBeCloseTo(50, 2);
  });

  it('maps local contrast per 32-px patch', async () => {
    const out = await runOn('contrast', [planeFrom(64, 64, (x, y) => (x < 32 ? 100 : 100 + (y % 2 ? 20 : -20)))]);
    expect(out.ph).toBe(2);
    expect(out.pw).toBe(2);
    expect(out.map[0]!).toBeCloseTo(0, 2);
    expect(out.map[1]!).toBeCloseTo(20, 2);
  });
});
