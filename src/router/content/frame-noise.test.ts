import { describe, expect, it } from 'vitest';
import type { YuvPlanes } from '../../frames/frame-pixels.ts';
import { frameNoise, lumaWindow, pixelGrid } from './frame-noise.ts';

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** 8-bit planes whose luma is `f(x, y)` (chroma grey). */
function planes(w: number, h: number, f: (x: number, y: number) => number): YuvPlanes {
  const cw = w >> 1, ch = h >> 1;
  const data = new Uint8Array(w * h + 2 * cw * ch).fill(128);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = Math.max(0, Math.min(255, Math.round(f(x, y))));
  return { fullRange: false, width: w, height: h, data, y: { offset: 0, stride: w }, u: { offset: w * h, stride: cw, width: cw, height: ch }, v: { offset: w * h + cw * ch, stride: cw, width: cw, height: ch } };
}

const scene = (x: number, y: number) => 60 + 0.2 * x + 40 * Math.sin(y / 17) + (x > 300 && x < 340 ? 80 : 0);

describe('temporal noise at native resolution', () => {
  it('reads a repeated frame as all pixels equal and no noise', () => {
    const a = planes(640, 360, scene);
    const n = frameNoise(lumaWindow(a), planes(640, 360, scene))!;
    expect(n.same).toBe(1);
    expect(n.quiet).toBe(0);
  });

  it('measures grain that changes every frame, even where the picture is still', () => {
    const r = rng(3);
    const a = planes(640, 360, (x, y) => scene(x, y) + (r() - 0.5) * 8);
    const b = planes(640, 360, (x, y) => scene(x, y) + (r() - 0.5) * 8);
    const n = frameNoise(lumaWindow(a), b)!;
    // Two independent uniform ±4 values differ by 8/3 on average (rounded to integers here).
    expect(n.quiet).toBeGreaterThan(1.8);
    expect(n.quiet).toBeLessThan(3.5);
    expect(n.same).toBeLessThan(0.3);
  });

  it('takes the still part of a picture where something moves, and copies its window', () => {
    const a = planes(640, 360, scene);
    const win = lumaWindow(a);
    // The decoder reuses its buffer: the copied window must not change with it.
    a.data.fill(0);
    const moved = planes(640, 360, (x, y) => (x > 200 && x < 280 ? scene(x + 9, y) + 30 : scene(x, y)));
    const n = frameNoise(win, moved)!;
    expect(n.quiet).toBe(0);
    expect(n.same).toBeLessThan(0.95);
    expect(n.same).toBeGreaterThan(0.5);
    expect(frameNoise(win, planes(320, 180, scene))).toBeNull();
  });

  it('finds the pixel grid of pixel art scaled up, and none in a picture at its own size', () => {
    const r = rng(9);
    const art = Array.from({ length: 100 * 60 }, () => Math.floor(r() * 6) * 40);
    const scaled = planes(600, 360, (x, y) => art[Math.floor(y / 6) * 100 + Math.floor(x / 6)]!);
    const native = planes(600, 360, (x, y) => art[(y % 60) * 100 + (x % 100)]!);
    expect(pixelGrid(lumaWindow(planes(640, 360, (x, y) => art[Math.floor(y / 3) * 100 + (Math.floor(x / 3) % 100)]!)))).toBeGreaterThan(0.9);
    expect(pixelGrid(lumaWindow(scaled))).toBeGreaterThan(0.9);
    expect(pixelGrid(lumaWindow(native))).toBeLessThan(0.1);
  });
});
