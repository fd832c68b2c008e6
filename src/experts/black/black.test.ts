import { describe, expect, it } from 'vitest';
import { planeFrom, runOn } from '../../testing/expert-harness.ts';
import { flat, textureField, view } from '../../testing/temporal-fixtures.ts';

const W = 96;
const H = 64;

describe('black expert', () => {
  it('detects limited- and full-range black frames with noise', async () => {
    const out = await runOn('black', [flat(W, H, 16, 1.5, 1), flat(W, H, 0, 1, 2), flat(W, H, 20, 2, 3)]);
    for (const s of out.score) expect(s).toBeGreaterThan(0.95);
    expect(Math.min(...out.map)).toBeGreaterThan(0.9);
  });

  it('does not call a dark but textured frame, a mid-grey frame or a letterboxed frame black', async () => {
    const field = textureField(200, 200, 5);
    const darkTexture = planeFrom(W, H, (x, y) => Math.max(0, (field(x, y) - 128) * 0.8 + 24));
    const grey = flat(W, H, 60, 1, 4);
    const normal = view(W, H, field);
    const letterbox = planeFrom(W, H, (x, y) => (y < 16 || y >= 48 ? 16 : normal.data[y * W + x]!));
    const out = await runOn('black', [darkTexture, grey, normal, letterbox]);
    for (const s of out.score) expect(s).toBeLessThan(0.05);
    expect(Math.max(...out.map)).toBeLessThan(0.05);
  });
});
