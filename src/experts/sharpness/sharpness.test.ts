import { describe, expect, it } from 'vitest';
import { planeFrom, rng, runOn } from '../../testing/expert-harness.ts';

function texture(seed: number) {
  const r = rng(seed);
  return planeFrom(128, 128, () => 40 + 170 * r());
}

function boxBlur(p: ReturnType<typeof texture>, radius: number) {
  let cur = p;
  for (let pass = 0; pass < 3; pass++) {
    cur = planeFrom(p.width, p.height, (x, y) => {
      let s = 0;
      let n = 0;
      for (let dy = -radius; dy <= radius; dy++)
        for (let dx = -radius; dx <= radius; dx++) {
          const xx = Math.min(p.width - 1, Math.max(0, x + dx));
          const yy = Math.min(p.height - 1, Math.max(0, y + dy));
          s += cur.data[yy * p.width + xx]!;
          n++;
        }
      return s / n;
    });
  }
  return cur;
}

describe('sharpness expert', () => {
  it('rates a blurred texture blurrier than the original, monotonically in blur radius', async () => {
    const sharp = texture(1);
    const out = await runOn('sharpness', [sharp, boxBlur(sharp, 1), boxBlur(sharp, 2), boxBlur(sharp, 4)]);
    const s = Array.from(out.score);
    expect(s[0]!).toBeLessThan(0.3);
    for (let i = 1; i < s.length; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
    expect(out.ph).toBe(4);
    expect(out.pw).toBe(4);
  });

  it('gives a flat image no edge energy and a finite score', async () => {
    const out = await runOn('sharpness', [planeFrom(64, 64, () => 128)]);
    expect(Number.isFinite(out.score[0]!)).toBe(true);
    expect(out.score[0]!).toBeGreaterThan(0.99);
  });
});
