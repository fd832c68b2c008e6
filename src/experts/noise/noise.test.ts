import { describe, expect, it } from 'vitest';
import { planeFrom, rng, runOn, type Plane } from '../../testing/expert-harness.ts';

function gaussian(seed: number): () => number {
  const r = rng(seed);
  return () => Math.sqrt(-2 * Math.log(Math.max(r(), 1e-12))) * Math.cos(2 * Math.PI * r());
}

function withNoise(p: Plane, sigma: number, seed = 1): Plane {
  const n = gaussian(seed);
  return planeFrom(p.width, p.height, (x, y) => Math.min(255, Math.max(0, p.data[y * p.width + x]! + sigma * n())));
}

/** Half flat sky-like gradient, half strong random texture. */
function scene(): Plane {
  const r = rng(4);
  return planeFrom(256, 192, (x, y) => (x < 128 ? 90 + 0.3 * y : 40 + 170 * r()));
}

describe('noise expert', () => {
  it('reads zero on a flat image and about σ on flat noise', async () => {
    const flat = planeFrom(192, 192, () => 120);
    const out = await runOn('noise', [flat, withNoise(flat, 5), withNoise(flat, 10), withNoise(flat, 20)]);
    const s = Array.from(out.score);
    expect(s[0]!).toBeLessThan(0.1);
    expect(s[1]!).toBeGreaterThan(3.5);
    expect(s[1]!).toBeLessThan(6.5);
    expect(s[2]!).toBeGreaterThan(7.5);
    expect(s[2]!).toBeLessThan(12.5);
    expect(s[3]!).toBeGreaterThan(15);
    expect(s[3]!).toBeLessThan(25);
  });

  it('does not take texture for noise, but sees noise added to a textured scene', async () => {
    const clean = scene();
    const out = await runOn('noise', [clean, withNoise(clean, 8)]);
    expect(out.score[0]!).toBeLessThan(1);
    expect(out.score[1]!).toBeGreaterThan(5);
    // The map is per 64-px patch: 3 × 4.
    expect(out.ph).toBe(3);
    expect(out.pw).toBe(4);
  });

  it('ignores areas clipped to white', async () => {
    const out = await runOn('noise', [planeFrom(128, 128, () => 255)]);
    expect(out.score[0]!).toBe(0);
    expect(Math.max(...out.map)).toBe(0);
  });
});
