import { describe, expect, it } from 'vitest';
import { innerBox, pictureStructure } from './picture-structure.ts';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function plane(w: number, h: number, f: (x: number, y: number) => number): Float32Array {
  const l = new Float32Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) l[y * w + x] = Math.max(0, Math.min(255, f(x, y)));
  return l;
}

/** A cel: flat areas of a few shades with hard borders (a disc and a band). */
const cel = (x: number, y: number) => ((x - 128) ** 2 + (y - 72) ** 2 < 40 ** 2 ? 200 : y > 110 ? 70 : 140);

describe('picture structure', () => {
  it('finds letterbox bars and reads the picture inside them', () => {
    const w = 256, h = 144;
    const r = rng(1);
    const boxed = plane(w, h, (x, y) => (y < 18 || y >= 126 ? 2 : 90 + 60 * r()));
    expect(innerBox(boxed, w, h)).toEqual({ top: 18, bottom: 126, left: 0, right: w });
    const s = pictureStructure(boxed, w, h);
    expect(s.letterbox).toBeCloseTo(36 / 144, 6);
    // The bars are flat, but they are not part of the picture.
    expect(s.flatBlocks).toBe(0);
    expect(s.lumaMedian).toBeGreaterThan(0.4);
    // An all-dark frame is a dark picture, not bars.
    const night = pictureStructure(plane(w, h, () => 10), w, h);
    expect(night.letterbox).toBe(0);
    expect(night.lumaMedian).toBeCloseTo(10 / 255, 6);
  });

  it('tells a flat cel with step edges from the same picture with camera grain and soft edges', () => {
    const w = 256, h = 144;
    const r = rng(7);
    const drawn = pictureStructure(plane(w, h, cel), w, h);
    // Soft edges (a 5-px box blur of the cel) and ±3 grain.
    const soft = (x: number, y: number) => {
      let s = 0;
      for (let dy = -2; dy <= 2; dy++) for (let dx = -2; dx <= 2; dx++) s += cel(x + dx, y + dy);
      return s / 25 + (r() - 0.5) * 6;
    };
    const camera = pictureStructure(plane(w, h, soft), w, h);
    expect(drawn.flatBlocks).toBeGreaterThan(0.8);
    expect(camera.flatBlocks).toBeLessThan(0.05);
    expect(drawn.blockNoise).toBe(0);
    expect(camera.blockNoise).toBeGreaterThan(0.8);
    expect(drawn.runLength).toBeGreaterThan(5);
    expect(camera.runLength).toBeLessThan(1.5);
    expect(drawn.stepEdges).toBeGreaterThan(0.8);
    expect(camera.stepEdges).toBeLessThan(0.2);
  });

  it('reads drawn edges as steeper than edges spread over a few pixels', () => {
    const w = 256, h = 144;
    // Vertical stripes 32 px wide, 30 and 230: a hard step, and the same step as a 5-px ramp.
    const hard = (x: number) => ((x >> 5) % 2 ? 230 : 30);
    const ramp = (x: number) => {
      let s = 0;
      for (let d = -2; d <= 2; d++) s += hard(x + d);
      return s / 5;
    };
    const drawn = pictureStructure(plane(w, h, (x) => hard(x)), w, h);
    const soft = pictureStructure(plane(w, h, (x) => ramp(x)), w, h);
    expect(drawn.edgeSharpness).toBeCloseTo(1, 1);
    expect(soft.edgeSharpness).toBeLessThan(0.6);
    // No edges to judge: neutral.
    expect(pictureStructure(plane(w, h, () => 90), w, h).edgeSharpness).toBe(1);
  });
});
