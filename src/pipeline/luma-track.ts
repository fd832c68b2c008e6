/**
 * The luma track: every temporal-stream frame's mean luma and how well its layout of brightness (the
 * means of a coarse grid of cells) follows the previous frame's, kept for the whole run (three
 * numbers a frame), so the localizer can read how the picture's exposure moves over time
 * (src/localize/exposure-steps.ts) beside what the experts flag.
 */
import type { FloatPlanes } from '../frames/frame-planes.ts';
import { correlation } from '../util/correlation.ts';

/** Columns and rows of the grid a frame's luma is averaged onto, and the sampling step within it. */
export const TRACK_COLS = 12;
export const TRACK_ROWS = 8;
export const TRACK_STEP = 2;

/** One frame of the track. */
export interface TrackFrame {
  tS: number;
  /** Mean luma of the frame (full-range code values). */
  mean: number;
  /**
   * Pearson correlation of the grid cells' means with the previous frame's (NaN for the first frame):
   * near 1 while the picture keeps its layout, whatever its gain; low across a cut.
   */
  correlation: number;
}

/** The per-frame luma of a run's temporal stream, in time order. */
export class LumaTrack {
  readonly frames: TrackFrame[] = [];
  private last: Float32Array | undefined;

  /** Adds the next frame's luma (a single-channel plane, 0..255). */
  add(tS: number, luma: FloatPlanes): void {
    const cells = cellMeans(luma.data, luma.width, luma.height, TRACK_COLS, TRACK_ROWS, TRACK_STEP);
    let s = 0;
    for (const v of cells) s += v;
    this.frames.push({ tS, mean: s / cells.length, correlation: this.last ? correlation(this.last, cells) : Number.NaN });
    this.last = cells;
  }
}

/**
 * Means of a `cols` × `rows` grid over a `w` × `h` plane, read on every `step`-th row and column (the
 * track reads every other: a cell of the 320x180 temporal frame still averages about 140 pixels, from a
 * quarter of the pixels). Cell edges fall at whole pixels (⌊i·w/cols⌋), so every sampled pixel counts
 * once; a cell keeps at least its first pixel.
 */
export function cellMeans(data: Float32Array, w: number, h: number, cols: number, rows: number, step = 1): Float32Array {
  const out = new Float32Array(cols * rows);
  for (let r = 0; r < rows; r++) {
    const y0 = Math.floor((r * h) / rows);
    const y1 = Math.min(h, Math.max(y0 + 1, Math.floor(((r + 1) * h) / rows)));
    for (let c = 0; c < cols; c++) {
      const x0 = Math.floor((c * w) / cols);
      const x1 = Math.min(w, Math.max(x0 + 1, Math.floor(((c + 1) * w) / cols)));
      let s = 0;
      let n = 0;
      for (let y = y0; y < y1; y += step) {
        const row = y * w;
        for (let x = row + x0, end = row + x1; x < end; x += step) (s += data[x]!), n++;
      }
      out[r * cols + c] = s / Math.max(1, n);
    }
  }
  return out;
}
