/**
 * Temporal noise at the decoded frame's own resolution, for the content-type classifier (runs in the
 * probe, in the analysis worker). A camera sensor adds grain that changes every frame, so even the
 * still parts of camera footage differ a little from one frame to the next; renders, animation and
 * screen captures repeat their still parts exactly. Downscaled keyframes average that grain away, so
 * the probe keeps one window of native luma from a probe point's first frame and compares it with the
 * same window of the next frame, block by block: the quietest blocks are the still parts of the picture.
 * Cost: one copy and one pass over at most `WINDOW_W` x `WINDOW_H` pixels per probe point.
 */
import type { YuvPlanes } from '../../frames/frame-pixels.ts';

/** The native-resolution window compared between adjacent frames (centred in the frame). */
const WINDOW_W = 384;
const WINDOW_H = 216;
/** Block side for the per-block mean absolute difference. */
const BLOCK = 8;
/** Share of blocks, quietest first, whose mean makes the noise figure: the still part of the picture. */
const QUIET_SHARE = 0.25;

/** A copied window of native luma. */
export interface LumaWindow {
  x0: number;
  y0: number;
  width: number;
  height: number;
  luma: Uint8Array;
}

/** What a pair of adjacent frames says about temporal noise. */
export interface FrameNoise {
  /** Mean |difference| (code values) over the quietest quarter of 8x8 blocks: grain in still areas. */
  quiet: number;
  /** Share of pixels exactly equal in both frames (repeated content). */
  same: number;
  /** How strongly the first frame's luma edges keep to a pixel grid coarser than 1 px (`pixelGrid`). */
  grid: number;
}

function windowOf(p: YuvPlanes): { x0: number; y0: number; width: number; height: number } {
  const width = Math.min(WINDOW_W, p.width - (p.width % BLOCK));
  const height = Math.min(WINDOW_H, p.height - (p.height % BLOCK));
  return { x0: (p.width - width) >> 1, y0: (p.height - height) >> 1, width, height };
}

/** Copies the centred native-luma window of a frame (the decoder reuses its buffer). */
export function lumaWindow(p: YuvPlanes): LumaWindow {
  const w = windowOf(p);
  const luma = new Uint8Array(w.width * w.height);
  for (let y = 0; y < w.height; y++) {
    const from = p.y.offset + (w.y0 + y) * p.y.stride + w.x0;
    luma.set(p.data.subarray(from, from + w.width), y * w.width);
  }
  return { ...w, luma };
}

/** Temporal noise between a copied window and the same window of the next frame (null if sizes differ). */
export function frameNoise(a: LumaWindow, next: YuvPlanes): FrameNoise | null {
  const w = windowOf(next);
  if (w.width !== a.width || w.height !== a.height || w.width < BLOCK || w.height < BLOCK) return null;
  const bw = Math.floor(w.width / BLOCK), bh = Math.floor(w.height / BLOCK);
  const blocks = new Float64Array(bw * bh);
  let same = 0;
  for (let y = 0; y < bh * BLOCK; y++) {
    const row = next.y.offset + (w.y0 + y) * next.y.stride + w.x0;
    const brow = Math.floor(y / BLOCK) * bw;
    for (let x = 0; x < bw * BLOCK; x++) {
      const d = Math.abs(next.data[row + x]! - a.luma[y * a.width + x]!);
      if (d === 0) same++;
      blocks[brow + Math.floor(x / BLOCK)]! += d;
    }
  }
  blocks.sort();
  const k = Math.max(1, Math.round(QUIET_SHARE * blocks.length));
  let sum = 0;
  for (let i = 0; i < k; i++) sum += blocks[i]!;
  return { quiet: sum / k / (BLOCK * BLOCK), same: same / (bw * bh * BLOCK * BLOCK), grid: pixelGrid(a) };
}

/** Luma step (code values) between neighbours that counts as an edge for `pixelGrid`. */
const GRID_EDGE = 12;

/**
 * Pixel art scaled up by a whole factor s (retro and console games shown on a larger screen) changes
 * only every s-th pixel along a row: its horizontal edges fall on one phase modulo s. Returns the
 * largest excess, over s = 2..6, of the share of edges on the best phase above the 1/s that edges at
 * random positions give, scaled to 0..1 (0 no grid, 1 every edge on the grid).
 */
export function pixelGrid(a: LumaWindow): number {
  const phases = [0, 0, new Float64Array(2), new Float64Array(3), new Float64Array(4), new Float64Array(5), new Float64Array(6)] as const;
  let edges = 0;
  for (let y = 0; y < a.height; y += 2) {
    const row = y * a.width;
    for (let x = 1; x < a.width; x++) {
      if (Math.abs(a.luma[row + x]! - a.luma[row + x - 1]!) < GRID_EDGE) continue;
      edges++;
      // Phases are relative to the window; a grid keeps one phase whatever its origin.
      for (let s = 2; s <= 6; s++) (phases[s] as Float64Array)[x % s]!++;
    }
  }
  if (edges < 50) return 0;
  let best = 0;
  for (let s = 2; s <= 6; s++) {
    const share = Math.max(...(phases[s] as Float64Array)) / edges;
    best = Math.max(best, (share - 1 / s) / (1 - 1 / s));
  }
  return best;
}
