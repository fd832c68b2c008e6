import { describe, expect, it } from 'vitest';
import { asYuv, planeFrom, rng, runOn, type Plane } from '../../testing/expert-harness.ts';

/** The expert reads the `yuv` plane; these tests give it luma with neutral chroma. */
const runBanding = (planes: Plane[]) => runOn('banding', planes.map(asYuv));

const W = 256;
const H = 128;

/** A smooth diagonal gradient of 8-bit values (what a clean sky looks like). */
const smooth = planeFrom(W, H, (x, y) => Math.round(60 + 0.35 * x + 0.2 * y));

function posterize(p: Plane, levels: number): Plane {
  const q = 256 / levels;
  return planeFrom(p.width, p.height, (x, y) => Math.floor(p.data[y * p.width + x]! / q) * q + q / 2);
}

describe('banding expert', () => {
  it('sees posterized gradients, more for coarser quantization, and not the smooth one', async () => {
    const out = await runBanding([smooth, posterize(smooth, 64), posterize(smooth, 32), posterize(smooth, 16)]);
    const s = Array.from(out.score);
    expect(s[0]!).toBeLessThan(1);
    expect(s[1]!).toBeGreaterThan(2.5);
    expect(s[2]!).toBeGreaterThan(s[1]!);
    expect(s[3]!).toBeGreaterThan(s[2]!);
  });

  it('does not fire on flat images, random texture or a single hard edge', async () => {
    const r = rng(2);
    const out = await runBanding([
      planeFrom(W, H, () => 100),
      planeFrom(W, H, () => 40 + 170 * r()),
      planeFrom(W, H, (x) => (x < 120 ? 20 : 230)),
    ]);
    for (const s of Array.from(out.score)) expect(s).toBeLessThan(0.5);
  });

  it('localizes the banded half in the 32-px map', async () => {
    const banded = posterize(smooth, 16);
    const half = planeFrom(W, H, (x, y) => (x >= 128 ? banded.data[y * W + x]! : smooth.data[y * W + x]!));
    const out = await runBanding([half]);
    expect(out.ph).toBe(4);
    expect(out.pw).toBe(8);
    const row = Array.from(out.map.subarray(8, 16));
    expect(Math.max(...row.slice(0, 3))).toBeLessThan(1);
    expect(Math.min(...row.slice(5))).toBeGreaterThan(2.5);
  });
  it('leaves the flat blocks of a shrunk codec grid (8 px read at 3/4, every 6 px) to blocking', async () => {
    const r = rng(5);
    const cols = Math.ceil(W / 6);
    // Neighbouring blocks differ by 4–10 code values (a step that counts), up or down at random.
    const level = Array.from({ length: cols * Math.ceil(H / 6) }, () => 100 + (4 + Math.floor(7 * r())) * (r() < 0.5 ? -1 : 1));
    const blocks = planeFrom(W, H, (x, y) => level[Math.floor(y / 6) * cols + Math.floor(x / 6)]!);
    const out = await runBanding([blocks]);
    expect(out.score[0]!).toBeLessThan(0.5);
  });

  it('still reads a staircase whose contours a 6-px grid folds onto two phases as banding', async () => {
    // Contours every 9 px fall on phases 0 and 3 of a 6-px grid by turns, as a shrunk frame's do.
    // A 10-px staircase spreads over phases 0, 4 and 2: no grid at any period. The 9-px one, with a
    // tenth more contours, must read at least about as high.
    const stairs = (step: number) => planeFrom(W, H, (x, y) => 60 + 5 * Math.floor(x / step) + 5 * Math.floor(y / step));
    const out = await runBanding([stairs(9), stairs(10)]);
    expect(out.score[1]!).toBeGreaterThan(2.5);
    expect(out.score[0]!).toBeGreaterThan(0.9 * out.score[1]!);
  });
});
