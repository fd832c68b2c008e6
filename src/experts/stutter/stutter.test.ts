import { describe, expect, it } from 'vitest';
import { runOn } from '../../testing/expert-harness.ts';
import { textureField, times, view } from '../../testing/temporal-fixtures.ts';

const W = 96;
const H = 64;
const field = textureField(600, 200, 11);
/** Frames of a steady pan, one per listed position (in pan steps). */
const pan = (steps: number[]) => steps.map((k, i) => view(W, H, field, 4 * k, 0, 0.3, i + 1));

describe('stutter expert', () => {
  it('marks the gap at the 4th frame of timestamps 0, 1/30, 2/30, 4/30, 5/30', async () => {
    const out = await runOn('stutter', pan([0, 1, 2, 4, 5]), [0, 1, 2, 4, 5].map((k) => k / 30));
    const s = Array.from(out.score);
    expect(s[3]!).toBeCloseTo(1, 3);
    for (const i of [0, 1, 2, 4]) expect(s[i]!).toBeLessThan(0.05);
    expect(out.map.length).toBe(5 * 4 * 6);
  });

  it('gives regular timestamps (with millisecond rounding) no stutter', async () => {
    const ts = times(8, 29.97).map((v) => Math.round(v * 1000) / 1000);
    const out = await runOn('stutter', pan([0, 1, 2, 3, 4, 5, 6, 7]), ts);
    expect(Math.max(...out.score)).toBeLessThan(0.05);
  });

  it('marks a doubled frame (repeat, then skip) with regular timestamps', async () => {
    const out = await runOn('stutter', pan([0, 1, 2, 2, 4, 5, 6]), times(7));
    const s = Array.from(out.score);
    expect(s[3]!).toBeGreaterThan(0.9);
    for (const i of [0, 1, 2, 4, 5, 6]) expect(s[i]!).toBeLessThan(0.05);
  });

  it('marks every repeat of pictures held 2, 3 or 4 frames in a moving scene', async () => {
    for (const hold of [2, 3, 4]) {
      const steps = Array.from({ length: 12 }, (_, i) => Math.floor(i / hold));
      const s = Array.from((await runOn('stutter', pan(steps), times(steps.length))).score);
      steps.forEach((k, i) => {
        const repeat = i > 0 && steps[i - 1] === k && k > 0;
        if (repeat) expect(s[i]!, `hold ${hold}, frame ${i}`).toBeGreaterThan(0.9);
        else expect(s[i]!, `hold ${hold}, frame ${i}`).toBeLessThan(0.05);
      });
    }
  });

  it('leaves a long hold after its third repeat to the freeze expert, and a still scene alone', async () => {
    const frozen = Array.from((await runOn('stutter', pan([0, 1, 2, 2, 2, 2, 2, 2, 3, 4]), times(10))).score);
    for (const i of [3, 4, 5]) expect(frozen[i]!).toBeGreaterThan(0.9);
    for (const i of [0, 1, 2, 6, 7, 8, 9]) expect(frozen[i]!).toBeLessThan(0.05);
    const still = await runOn('stutter', pan([0, 0, 0, 0, 0]), times(5));
    expect(Math.max(...still.score)).toBeLessThan(0.05);
  });

  it('does not call a timestamp gap over a still picture stutter (variable frame rate)', async () => {
    const out = await runOn('stutter', pan([0, 0, 0, 0, 0, 0]), [0, 1, 2, 9, 10, 11].map((k) => k / 30));
    expect(Math.max(...out.score)).toBeLessThan(0.05);
  });
});
