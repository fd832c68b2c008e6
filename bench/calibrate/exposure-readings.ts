/**
 * Candidate over-exposure readings on one full-range luma plane (0..255, row-major), for the
 * prototype in detail-loss.ts (`--readings exposure`). `current` mirrors the overexposure expert's
 * frame reading (src/experts/overexposure/model.ts: clipped plateaus × bright-shoulder gate + darkest
 * level); the others split it into its parts, so a reading that follows the full-reference target
 * along the exposure ladders can be chosen on one group of sources and judged on the other.
 */

/** Full-range levels between which a pixel turns clipped (as the expert's ramp). */
const CLIP_LO = 247;
const CLIP_HI = 251;

const ramp = (v: number, lo: number, hi: number) => Math.min(1, Math.max(0, (v - lo) / (hi - lo)));

/** Maximum over a k×k window (odd k, windows cut at the picture's edge, as an ONNX MaxPool with pads). */
function localMax(x: Float32Array, w: number, h: number, k: number): Float32Array {
  const r = (k - 1) / 2;
  const rows = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let i = 0; i < w; i++) {
      let m = -Infinity;
      for (let d = Math.max(0, i - r); d <= Math.min(w - 1, i + r); d++) m = Math.max(m, x[y * w + d]!);
      rows[y * w + i] = m;
    }
  }
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let i = 0; i < w; i++) {
      let m = -Infinity;
      for (let d = Math.max(0, y - r); d <= Math.min(h - 1, y + r); d++) m = Math.max(m, rows[d * w + i]!);
      out[y * w + i] = m;
    }
  }
  return out;
}

/** What the readings of one frame are. */
export interface ExposureReadings {
  /** The expert's frame reading: plateau share × shoulder gate + darkest level. */
  current: number;
  /** Share of the frame inside flat clipped plateaus (5×5 all clipped). */
  plateau: number;
  /** Share of the unclipped ring pixels around the plateaus that are bright (1 without a ring). */
  shoulder: number;
  /** The darkest 1 % of 2×2 cells, 0..1. */
  lo: number;
  /** Plateau share × gate, without the darkest level. */
  gated: number;
  /** Share of pixels at or above the clip ramp's foot (no flatness asked). */
  clipped: number;
  /** Median level of the picture, 0..1. */
  median: number;
}

/** Readings of one frame. */
export function exposureReadings(y: Uint8Array, w: number, h: number): ExposureReadings {
  const n = w * h;
  const unclipped = new Float32Array(n);
  let clippedCount = 0;
  for (let i = 0; i < n; i++) {
    unclipped[i] = 1 - ramp(y[i]!, CLIP_LO, CLIP_HI);
    if (y[i]! >= CLIP_LO) clippedCount++;
  }
  const notPlateau = localMax(unclipped, w, h, 5);
  const plateau = Float32Array.from(notPlateau, (v) => 1 - v);
  const near = localMax(plateau, w, h, 9);
  let plateauSum = 0, ringSum = 0, ringBright = 0;
  for (let i = 0; i < n; i++) {
    plateauSum += plateau[i]!;
    const ring = near[i]! * unclipped[i]!;
    ringSum += ring;
    ringBright += ring * ramp(y[i]!, 150, 215);
  }
  const shoulder = ringSum > 0 ? ringBright / ringSum : 1;
  const share = plateauSum / n;
  // Darkest and median level from 2×2 cell means.
  const cells: number[] = [];
  for (let r = 0; r + 1 < h; r += 2) for (let c = 0; c + 1 < w; c += 2) cells.push((y[r * w + c]! + y[r * w + c + 1]! + y[(r + 1) * w + c]! + y[(r + 1) * w + c + 1]!) / 4);
  cells.sort((a, b) => a - b);
  const k = Math.max(1, Math.ceil(cells.length * 0.01));
  let lo = 0;
  for (let i = 0; i < k; i++) lo += cells[i]!;
  lo /= k * 255;
  const gated = share * ramp(shoulder, 0.35, 0.55);
  return { current: gated + lo, plateau: share, shoulder, lo, gated, clipped: clippedCount / n, median: cells[cells.length >> 1]! / 255 };
}
