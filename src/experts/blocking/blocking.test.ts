import { describe, expect, it } from 'vitest';
import { planeFrom, rng, runOn, type Plane } from '../../testing/expert-harness.ts';

const W = 256;
const H = 192;

/** A smooth, non-periodic "natural" field: a few random low-frequency waves plus fine random grain. */
function natural(seed: number): Plane {
  const r = rng(seed);
  const waves = Array.from({ length: 6 }, () => ({ fx: r() * 0.08, fy: r() * 0.08, ph: r() * 6.28, a: 10 + 20 * r() }));
  return planeFrom(W, H, (x, y) => 120 + waves.reduce((s, w) => s + w.a * Math.sin(w.fx * x + w.fy * y + w.ph), 0) + 6 * (r() - 0.5));
}

/** Each block of `size` px (fractional sizes allowed) shifted by `offset` takes its mean value from `base`, quantized coarsely. */
function blocky(base: Plane, size: number, offset = 0): Plane {
  const bx = (x: number) => Math.floor((x + offset) / size);
  const sums = new Map<string, [number, number]>();
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const k = `${bx(x)},${bx(y)}`;
      const s = sums.get(k) ?? [0, 0];
      s[0] += base.data[y * W + x]!;
      s[1] += 1;
      sums.set(k, s);
    }
  return planeFrom(W, H, (x, y) => {
    const [s, n] = sums.get(`${bx(x)},${bx(y)}`)!;
    return Math.round(s / n / 4) * 4;
  });
}

describe('blocking expert', () => {
  it('finds block grids of 8, 6, 12 and 5.33 px and shifted grids', async () => {
    const base = natural(3);
    const grids = [blocky(base, 8), blocky(base, 6), blocky(base, 12), blocky(base, 16 / 3), blocky(base, 8, 3)];
    const out = await runOn('blocking', [base, ...grids]);
    const [clean, ...blocks] = Array.from(out.score);
    expect(clean!).toBeLessThan(3);
    // Modulation depth in percent: coarse blocks on a smooth field are far beyond the scale's top (30).
    for (const b of blocks) expect(b).toBeGreaterThan(30);
  });

  it('does not fire on flat images, smooth gradients, lone sharp edges or random texture', async () => {
    const r = rng(5);
    const inputs = [
      planeFrom(W, H, () => 128),
      planeFrom(W, H, (x, y) => 40 + 0.6 * x + 0.2 * y),
      planeFrom(W, H, (x) => (x < 100 ? 30 : 220)),
      planeFrom(W, H, (x, y) => (x < 100 || y > 150 ? 30 : 220) + 8 * (r() - 0.5)),
      planeFrom(W, H, () => 40 + 170 * r()),
    ];
    const out = await runOn('blocking', inputs);
    for (const s of Array.from(out.score)) {
      expect(Number.isFinite(s)).toBe(true);
      expect(s).toBeLessThan(3);
    }
  });

  it('maps per 64-px patch and marks the blocky half', async () => {
    const base = natural(9);
    const grid = blocky(base, 8);
    const half = planeFrom(W, H, (x, y) => (x < 128 ? base.data[y * W + x]! : grid.data[y * W + x]!));
    const out = await runOn('blocking', [half]);
    expect(out.ph).toBe(3);
    expect(out.pw).toBe(4);
    const left = (out.map[0]! + out.map[4]! + out.map[8]!) / 3;
    const right = (out.map[3]! + out.map[7]! + out.map[11]!) / 3;
    expect(right).toBeGreaterThan(left + 20);
  });
});
