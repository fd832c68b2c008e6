import { describe, expect, it } from 'vitest';
import { runOn } from '../../testing/expert-harness.ts';
import { flat, textureField, times, view } from '../../testing/temporal-fixtures.ts';

const W = 96;
const H = 64;
const field = textureField(400, 200, 3);

describe('freeze expert', () => {
  it('fires once a picture has been held for five frames, not on a single repeat (a cadence fault)', async () => {
    const steps = [0, 1, 1, 2, 3, 3, 3, 3, 3, 3, 4, 5];
    const frames = steps.map((k, i) => view(W, H, field, 3 * k, 0, 0.3, i + 1));
    const out = await runOn('freeze', frames, times(frames.length));
    const s = Array.from(out.score);
    // Frames 4..9 show one picture: 5, 6, 7 are its first repeats; from frame 8 it has been held five frames.
    for (const i of [0, 1, 2, 3, 4, 5, 6, 7, 10, 11]) expect(s[i]!, `frame ${i}`).toBeLessThan(0.05);
    for (const i of [8, 9]) expect(s[i]!, `frame ${i}`).toBeGreaterThan(0.9);
    expect(out.ph).toBe(4);
    expect(out.pw).toBe(6);
  });

  it('gives identical frames a full score from the fifth on', async () => {
    const a = view(W, H, field);
    const out = await runOn('freeze', [a, a, a, a, a, a], times(6));
    expect(out.score[3]!).toBeLessThan(0.05);
    expect(out.score[4]!).toBeCloseTo(1, 5);
    expect(out.score[5]!).toBeCloseTo(1, 5);
  });

  it('does not read timestamp gaps: a long interval over moving frames is not a freeze', async () => {
    const frames = Array.from({ length: 6 }, (_, i) => view(W, H, field, 4 * i, 0, 0.3, i + 1));
    const out = await runOn('freeze', frames, [0, 1, 2, 12, 13, 14].map((k) => k / 30));
    expect(Math.max(...out.score)).toBeLessThan(0.05);
  });

  it('leaves repeated flat frames to the black expert', async () => {
    const frames = Array.from({ length: 6 }, (_, i) => flat(W, H, 16, 0.5, i + 1));
    const out = await runOn('freeze', frames, times(6));
    expect(Math.max(...out.score)).toBeLessThan(0.05);
  });

  it('runs on a single frame', async () => {
    const out = await runOn('freeze', [view(W, H, field)], [0]);
    expect(out.score.length).toBe(1);
    expect(out.score[0]).toBe(0);
  });
});
