import { describe, expect, it } from 'vitest';
import { runOn } from '../../testing/expert-harness.ts';
import { flat, textureField, times, view } from '../../testing/temporal-fixtures.ts';

const W = 96;
const H = 64;
const field = textureField(400, 200, 3);

describe('freeze expert', () => {
  it('fires on a repeated frame (with encoder-like noise) and not on a moving pattern', async () => {
    const frames = [
      view(W, H, field, 0, 0, 0.3, 1),
      view(W, H, field, 3, 0, 0.3, 2),
      view(W, H, field, 3, 0, 0.3, 3), // repeat of frame 1, fresh noise
      view(W, H, field, 6, 0, 0.3, 4),
      view(W, H, field, 9, 0, 0.3, 5),
    ];
    const out = await runOn('freeze', frames, times(frames.length));
    const s = Array.from(out.score);
    expect(s[0]).toBe(0);
    expect(s[2]!).toBeGreaterThan(0.9);
    for (const i of [1, 3, 4]) expect(s[i]!).toBeLessThan(0.05);
    expect(out.ph).toBe(4);
    expect(out.pw).toBe(6);
  });

  it('gives two identical frames a full score', async () => {
    const a = view(W, H, field);
    const out = await runOn('freeze', [a, a], times(2));
    expect(out.score[1]!).toBeCloseTo(1, 5);
  });

  it('counts a frame held for several intervals as frozen, a single skipped interval as not', async () => {
    const frames = Array.from({ length: 6 }, (_, i) => view(W, H, field, 4 * i, 0, 0.3, i + 1));
    const out = await runOn('freeze', frames, [0, 1, 2, 6, 7, 9].map((k) => k / 30));
    const s = Array.from(out.score);
    expect(s[3]!).toBeCloseTo(1, 3);
    expect(s[5]!).toBeLessThan(0.05);
  });

  it('leaves repeated flat frames to the black expert', async () => {
    const out = await runOn('freeze', [flat(W, H, 16, 0.5, 1), flat(W, H, 16, 0.5, 2)], times(2));
    expect(out.score[1]!).toBeLessThan(0.05);
  });

  it('runs on a single frame', async () => {
    const out = await runOn('freeze', [view(W, H, field)], [0]);
    expect(out.score.length).toBe(1);
    expect(out.score[0]).toBe(0);
  });
});
