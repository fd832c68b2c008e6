import { describe, expect, it } from 'vitest';
import type { Keyframe } from '../types.ts';
import { keyframeChange } from './keyframe-change.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A grey keyframe drawn by `f(x, y)` (0..255). */
function frame(f: (x: number, y: number) => number, w = 256, h = 144): Keyframe {
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgb.fill(Math.max(0, Math.min(255, Math.round(f(x, y)))), 3 * (y * w + x), 3 * (y * w + x) + 3);
  return { tS: 0, width: w, height: h, rgb };
}

/** A textured scene that pans by `shift` px, with an optional HUD strip (text-like stripes) along the top. */
function scene(shift: number, hud: boolean, seed = 5): Keyframe {
  const r = rng(seed);
  const tex = Array.from({ length: 64 * 64 }, () => r());
  return frame((x, y) => {
    if (hud && y < 16) return x % 3 === 0 ? 230 : 30;
    const u = (x + shift) & 63, v = y & 63;
    return 60 + 120 * tex[v * 64 + u]! + 40 * Math.sin((x + shift) / 9);
  });
}

describe('keyframe change', () => {
  it('finds a held overlay over a moving scene, and none without the overlay', () => {
    const withHud = keyframeChange([0, 37, 81, 130].map((s) => scene(s, true)))!;
    const without = keyframeChange([0, 37, 81, 130].map((s) => scene(s, false)))!;
    // The top 16 rows of 144 are the HUD: 4 of 36 block rows.
    expect(withHud.heldDetail).toBeCloseTo(4 / 36, 2);
    expect(without.heldDetail).toBe(0);
    expect(withHud.moved).toBeGreaterThan(0.6);
    expect(without.moved).toBeGreaterThan(withHud.moved);
  });

  it('counts a still textured picture as held but not moved, and a flat one as neither', () => {
    const still = keyframeChange([scene(0, false), scene(0, false), scene(0, false)])!;
    expect(still.heldDetail).toBe(1);
    expect(still.moved).toBe(0);
    const flat = keyframeChange([frame(() => 90), frame(() => 90), frame(() => 90)])!;
    expect(flat).toEqual({ heldDetail: 0, moved: 0 });
  });

  it('needs three keyframes of one size', () => {
    expect(keyframeChange([scene(0, true), scene(5, true)])).toBeNull();
    expect(keyframeChange([scene(0, true), scene(5, true), frame(() => 0, 128, 72)])).toBeNull();
  });
});
