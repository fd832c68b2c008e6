import { describe, expect, it } from 'vitest';
import { cellMeans, LumaTrack, TRACK_COLS, TRACK_ROWS } from './luma-track.ts';

describe('cellMeans', () => {
  it('averages each cell of the grid, every pixel counted once', () => {
    // 4x2 plane onto a 2x1 grid: left half 10 and 30, right half 50 and 70.
    const data = Float32Array.from([10, 30, 50, 70, 10, 30, 50, 70]);
    expect(Array.from(cellMeans(data, 4, 2, 2, 1))).toEqual([20, 60]);
    // Uneven cells: 5 columns onto 2 cells are 2 and 3 pixels wide.
    expect(Array.from(cellMeans(Float32Array.from([0, 2, 4, 6, 8]), 5, 1, 2, 1))).toEqual([1, 6]);
  });

  it('reads every step-th row and column of each cell when asked to', () => {
    // 4x4 plane, one cell, step 2: pixels (0,0), (2,0), (0,2), (2,2).
    const data = Float32Array.from({ length: 16 }, (_, k) => k);
    expect(Array.from(cellMeans(data, 4, 4, 1, 1, 2))).toEqual([(0 + 2 + 8 + 10) / 4]);
  });
});

describe('LumaTrack', () => {
  const w = 48;
  const h = 32;
  const base = Float32Array.from({ length: w * h }, (_, k) => 40 + ((k % w) * 3) + 20 * Math.sin(Math.floor(k / w) * 0.5));
  const frame = (f: (v: number, k: number) => number) => ({ width: w, height: h, channels: 1, data: base.map(f) });

  it('keeps each frame’s mean, and a correlation with the previous frame that a gain leaves at 1 and a new layout lowers', () => {
    const t = new LumaTrack();
    t.add(0, frame((v) => v));
    t.add(0.04, frame((v) => 0.5 * v + 3));
    t.add(0.08, frame((v, k) => base[w * h - 1 - k]!));
    const [a, b, c] = t.frames;
    expect(Number.isNaN(a!.correlation)).toBe(true);
    expect(b!.mean).toBeCloseTo(0.5 * a!.mean + 3, 4);
    expect(b!.correlation).toBeCloseTo(1, 6);
    expect(c!.correlation).toBeLessThan(0);
    expect(TRACK_COLS * TRACK_ROWS).toBeGreaterThanOrEqual(48);
  });
});
