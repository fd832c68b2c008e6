/**
 * Synthetic frame sequences for the temporal experts' unit tests: a smooth random texture that
 * can be panned by whole pixels, brightness offsets and small deterministic noise.
 */
import { planeFrom, rng, type Plane } from './expert-harness.ts';

/** A smooth random texture (sum of a few sinusoids) large enough to pan across. */
export function textureField(width: number, height: number, seed: number): (x: number, y: number) => number {
  const r = rng(seed);
  const waves = Array.from({ length: 6 }, () => ({ fx: 0.02 + 0.2 * r(), fy: 0.02 + 0.2 * r(), ph: 6.28 * r(), a: 10 + 20 * r() }));
  return (x, y) => 128 + waves.reduce((s, w) => s + w.a * Math.sin(w.fx * x + w.fy * y + w.ph), 0) / 2;
}

/** A frame of the texture seen from offset (dx, dy), plus uniform noise of ±`noise`. */
export function view(width: number, height: number, field: (x: number, y: number) => number, dx = 0, dy = 0, noise = 0, seed = 1): Plane {
  const r = rng(seed);
  return planeFrom(width, height, (x, y) => clamp255(field(x + dx, y + dy) + noise * (2 * r() - 1)));
}

/** The plane with `delta` added to every pixel (clamped to 0..255). */
export function brighten(p: Plane, delta: number): Plane {
  return { width: p.width, height: p.height, data: p.data.map((v) => clamp255(v + delta)) };
}

/** A uniform plane with ±`noise` uniform noise. */
export function flat(width: number, height: number, level: number, noise = 0, seed = 1): Plane {
  const r = rng(seed);
  return planeFrom(width, height, () => clamp255(level + noise * (2 * r() - 1)));
}

/** Regular timestamps at `fps`. */
export function times(n: number, fps = 30): number[] {
  return Array.from({ length: n }, (_, i) => i / fps);
}

function clamp255(v: number): number {
  return Math.max(0, Math.min(255, v));
}
