import { describe, expect, it } from 'vitest';
import { runOn } from '../../testing/expert-harness.ts';
import { brighten, flat, textureField, view } from '../../testing/temporal-fixtures.ts';

const W = 96;
const H = 64;
const N = 8;
const field = textureField(400, 300, 7);
const mean = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0) / v.length;

describe('flicker expert', () => {
  it('measures ±10 alternating brightness on static content as about 10', async () => {
    const frames = Array.from({ length: N }, (_, i) => brighten(view(W, H, field, 0, 0, 0.5, i + 1), i % 2 ? 10 : -10));
    const s = Array.from((await runOn('flicker', frames)).score);
    expect(Math.abs(s[0]!) + Math.abs(s[1]!)).toBe(0);
    for (const v of s.slice(3)) expect(v).toBeGreaterThan(8);
  });

  it('grows with the flicker amplitude', async () => {
    const levels = [0, 2, 4, 8];
    const scores: number[] = [];
    for (const a of levels) {
      const frames = Array.from({ length: N }, (_, i) => brighten(view(W, H, field, 2 * i, 0, 0.5, i + 1), i % 2 ? a : -a));
      scores.push(mean((await runOn('flicker', frames)).score));
    }
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeGreaterThan(scores[i - 1]!);
    expect(scores[0]!).toBeLessThan(0.3);
  });

  it('does not call a camera pan, a back-and-forth shake or a fade flicker', async () => {
    const pan = Array.from({ length: N }, (_, i) => view(W, H, field, 5 * i, 2 * i, 0.5, i + 1));
    const shake = Array.from({ length: N }, (_, i) => view(W, H, field, i % 2 ? 6 : 0, 0, 0.5, i + 1));
    const fade = Array.from({ length: N }, (_, i) => brighten(view(W, H, field, 0, 0, 0.5, i + 1), -8 * i));
    for (const frames of [pan, shake, fade]) expect(mean((await runOn('flicker', frames)).score)).toBeLessThan(0.5);
  });

  it('does not call a single black frame flicker', async () => {
    const frames = Array.from({ length: N }, (_, i) => (i === 4 ? flat(W, H, 16, 1, 9) : view(W, H, field, i, 0, 0.5, i + 1)));
    expect(Math.max(...(await runOn('flicker', frames)).score)).toBeLessThan(0.5);
  });
});
