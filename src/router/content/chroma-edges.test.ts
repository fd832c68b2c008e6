import { describe, expect, it } from 'vitest';
import type { Keyframe } from '../types.ts';
import { chromaEdgeRatio } from './chroma-edges.ts';

/** A keyframe drawn by `f(x, y)` → [r, g, b]. */
function frame(f: (x: number, y: number) => [number, number, number], w = 256, h = 144): Keyframe {
  const rgb = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) rgb.set(f(x, y), 3 * (y * w + x));
  return { tS: 0, width: w, height: h, rgb };
}

describe('chroma edge ratio', () => {
  it('is negative when brightness carries the detail and positive when colour does', () => {
    // Grey stripes: luma edges, no colour edges.
    const grey = chromaEdgeRatio(frame((x) => (x % 16 < 8 ? [40, 40, 40] : [200, 200, 200])));
    // Red and green of about the same luma side by side: colour edges, almost no luma edges.
    const colour = chromaEdgeRatio(frame((x) => (x % 16 < 8 ? [200, 40, 40] : [0, 118, 0])));
    expect(grey).toBeLessThan(-1);
    expect(colour).toBeGreaterThan(1);
  });

  it('is 0 for a flat picture and for a keyframe too small to have gradients', () => {
    expect(chromaEdgeRatio(frame(() => [90, 120, 30]))).toBe(0);
    expect(chromaEdgeRatio(frame(() => [90, 120, 30], 1, 1))).toBe(0);
  });

  it('reads a large keyframe with a stride and gives the same answer for the same pattern', () => {
    const small = chromaEdgeRatio(frame((x) => (x % 32 < 16 ? [200, 40, 40] : [0, 118, 0]), 320, 180));
    const large = chromaEdgeRatio(frame((x) => (Math.floor(x / 2) % 32 < 16 ? [200, 40, 40] : [0, 118, 0]), 640, 360));
    expect(large).toBeCloseTo(small, 5);
  });
});
