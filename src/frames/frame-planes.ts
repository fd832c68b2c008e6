/**
 * Turns one frame's 8-bit YUV planes into the float planes the experts read: analysis-size luma
 * (and RGB when an expert needs colour), row-preserving luma for line-based experts, and small luma
 * for the temporal stream.
 */
import type { YuvPlanes } from './frame-pixels.ts';
import { reducePlane } from './reduce-plane.ts';
import { areaRows, resampleInto, resamplePlane, resampleRows } from './resample.ts';

/** A float plane stack [C, H, W]. */
export interface FloatPlanes {
  width: number;
  height: number;
  channels: number;
  data: Float32Array;
}

/** Luma range of a plane: full 0..255, or BT.601 limited 16..235. */
export type LumaRange = 'full' | 'limited';

/** Converts luma between ranges in place. */
export function convertRange(data: Float32Array, from: LumaRange, to: LumaRange): Float32Array {
  if (from === to) return data;
  if (to === 'full') {
    const k = 255 / 219;
    for (let i = 0; i < data.length; i++) {
      const v = (data[i]! - 16) * k;
      data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  } else {
    const k = 219 / 255;
    for (let i = 0; i < data.length; i++) data[i] = 16 + data[i]! * k;
  }
  return data;
}

/** Luma resampled to (w, h), in the requested range (full by default); written into `out` when given (w·h values). */
export function lumaAt(f: YuvPlanes, w: number, h: number, range: LumaRange = 'full', out?: Float32Array): FloatPlanes {
  const data = out ?? new Float32Array(w * h);
  resamplePlane(f.data, f.y.offset, f.y.stride, f.width, f.height, w, h, data);
  convertRange(data, f.fullRange ? 'full' : 'limited', range);
  return { width: w, height: h, channels: 1, data };
}

/**
 * Luma at width `w` with every source row kept (for line-based experts), full range, and the same
 * luma resampled to (w, h) in `range`: the rows' horizontal pass serves both, so this costs one
 * resample instead of two. Equal to `lumaAt(f, w, f.height)` and `lumaAt(f, w, h, range)`. `out`
 * gives arrays to write either into.
 */
export function lumaRowsAndAt(f: YuvPlanes, w: number, h: number, range: LumaRange, out: { rows?: Float32Array; luma?: Float32Array } = {}): { rows: FloatPlanes; luma: FloatPlanes } {
  const native = out.rows ?? new Float32Array(w * f.height);
  resamplePlane(f.data, f.y.offset, f.y.stride, f.width, f.height, w, f.height, native);
  const data = out.luma ?? new Float32Array(w * h);
  resampleRows(native, w, f.height, h, data);
  const from = f.fullRange ? 'full' : 'limited';
  convertRange(data, from, range);
  convertRange(native, from, 'full');
  return { rows: { width: w, height: f.height, channels: 1, data: native }, luma: { width: w, height: h, channels: 1, data } };
}

/**
 * Luma with half-size chroma below it, in one plane of (w, h + ⌊h/2⌋): `luma` (this frame's full-range
 * luma at (w, h)) on top, then Cb in columns [0, ⌊w/2⌋) and Cr in [⌊w/2⌋, 2⌊w/2⌋) (limited-range code
 * values). Costs two resamples of a quarter of the pixels, far less than RGB. `out`: a zeroed array
 * of w·(h + ⌊h/2⌋) to write into.
 */
export function yuvAt(f: YuvPlanes, luma: FloatPlanes, out?: Float32Array): FloatPlanes {
  const { width: w, height: h } = luma;
  const cw = Math.floor(w / 2);
  const ch = Math.floor(h / 2);
  // A given `out` must be zeroed, as a new array is: an odd width leaves the chroma rows' last column unwritten.
  const data = out ?? new Float32Array(w * (h + ch));
  data.set(luma.data);
  // Each chroma plane resampled straight into its columns of the rows below the luma.
  for (const [plane, x0] of [[f.u, 0], [f.v, cw]] as const) resampleInto(f.data, plane.offset, plane.stride, plane.width, plane.height, cw, ch, data, h * w + x0, w);
  return { width: w, height: h + ch, channels: 1, data };
}

/** Small full-range luma for the every-frame temporal stream (fast, approximate reduction); into `out` when given. */
export function smallLumaAt(f: YuvPlanes, w: number, h: number, out?: Float32Array): FloatPlanes {
  const data = out ?? new Float32Array(w * h);
  // The range conversion is done in the reduction's own pass.
  reducePlane(f.data, f.y.offset, f.y.stride, f.width, f.height, w, h, data, !f.fullRange);
  return { width: w, height: h, channels: 1, data };
}

let chromaScratch = new Float32Array(0);

/**
 * RGB [3, h, w] at (w, h) from resampled Y, U, V (BT.601 matrix, the frame's own range).
 * `limitedLuma`, when given, is this frame's limited-range luma at (w, h), reused instead of resampled;
 * `out`, an array of 3·w·h to write into.
 */
export function rgbAt(f: YuvPlanes, w: number, h: number, limitedLuma?: FloatPlanes, out?: Float32Array): FloatPlanes {
  const n = w * h;
  // Limited-range Y whatever the source, so one conversion formula serves both ranges.
  const y = limitedLuma && limitedLuma.width === w && limitedLuma.height === h ? limitedLuma.data : lumaAt(f, w, h, 'limited').data;
  const data = out ?? new Float32Array(3 * n);
  // Full-range chroma spans 0..255 instead of 16..240: scale it onto the limited-range formula.
  const chroma = f.fullRange ? 224 / 255 : 1;
  const uRows = areaRows(f.data, f.u.offset, f.u.stride, f.u.width, f.u.height, w, h);
  const vRows = areaRows(f.data, f.v.offset, f.v.stride, f.v.width, f.v.height, w, h);
  if (uRows && vRows) {
    // Chroma one row at a time, converted as it comes: no chroma planes written and read back.
    if (chromaScratch.length < 2 * w) chromaScratch = new Float32Array(2 * w);
    // One row of U followed by one row of V.
    const uv = chromaScratch;
    for (let r = 0; r < h; r++) {
      uRows(r, uv, 0);
      vRows(r, uv, w);
      for (let x = 0, i = r * w; x < w; x++, i++) {
        const yy = 1.164 * (y[i]! - 16);
        const cb = (uv[x]! - 128) * chroma;
        const cr = (uv[w + x]! - 128) * chroma;
        writeRgb(data, n, i, yy, cb, cr);
      }
    }
    return { width: w, height: h, channels: 3, data };
  }
  // Chroma at (w, h) in arrays kept between frames (every value is written before it is read).
  if (chromaScratch.length < 2 * n) chromaScratch = new Float32Array(2 * n);
  const u = chromaScratch.subarray(0, n);
  const v = chromaScratch.subarray(n, 2 * n);
  resamplePlane(f.data, f.u.offset, f.u.stride, f.u.width, f.u.height, w, h, u);
  resamplePlane(f.data, f.v.offset, f.v.stride, f.v.width, f.v.height, w, h, v);
  for (let i = 0; i < n; i++) {
    const yy = 1.164 * (y[i]! - 16);
    const cb = (u[i]! - 128) * chroma;
    const cr = (v[i]! - 128) * chroma;
    writeRgb(data, n, i, yy, cb, cr);
  }
  return { width: w, height: h, channels: 3, data };
}

/** Writes pixel i of a planar RGB stack from scaled luma and limited-range chroma (BT.601). */
function writeRgb(data: Float32Array, n: number, i: number, yy: number, cb: number, cr: number): void {
  data[i] = clamp(yy + 1.596 * cr);
  data[n + i] = clamp(yy - 0.392 * cb - 0.813 * cr);
  data[2 * n + i] = clamp(yy + 2.017 * cb);
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * RGB [3, rows.length, cols.length] read at native-resolution pixel positions (row and column lists),
 * for models that take original pixels such as fragment mosaics.
 */
export function rgbAtPoints(f: YuvPlanes, rows: number[], cols: number[]): FloatPlanes {
  const h = rows.length;
  const w = cols.length;
  const n = w * h;
  const data = new Float32Array(3 * n);
  const sx = f.u.width < f.width ? 2 : 1;
  const sy = f.u.height < f.height ? 2 : 1;
  for (let r = 0; r < h; r++) {
    const y = Math.min(f.height - 1, rows[r]!);
    const yRow = f.y.offset + y * f.y.stride;
    const uRow = f.u.offset + Math.floor(y / sy) * f.u.stride;
    const vRow = f.v.offset + Math.floor(y / sy) * f.v.stride;
    for (let c = 0; c < w; c++) {
      const x = Math.min(f.width - 1, cols[c]!);
      const cx = Math.floor(x / sx);
      const yv = f.data[yRow + x]!;
      const yy = f.fullRange ? yv : 1.164 * (yv - 16);
      const k = f.fullRange ? 224 / 255 : 1;
      const cb = (f.data[uRow + cx]! - 128) * k;
      const cr = (f.data[vRow + cx]! - 128) * k;
      const i = r * w + c;
      writeRgb(data, n, i, yy, cb, cr);
    }
  }
  return { width: w, height: h, channels: 3, data };
}
