/**
 * The plane making as it was before its rows were computed once each (scatter-added vertical pass,
 * per-call chroma planes): kept unchanged as the reference that the planes' tests and
 * `bench/planes-speed.ts` compare the current code with, value for value and in speed. Not used by the app.
 */
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import type { FloatPlanes, LumaRange } from '../frames/frame-planes.ts';

interface Taps {
  /** First source index per output index. */
  start: Int32Array;
  /** Number of taps per output index. */
  count: Int32Array;
  /** Weights, `maxTaps` per output index. */
  weights: Float32Array;
  maxTaps: number;
}

const tapCache = new Map<string, Taps>();

function taps(src: number, dst: number): Taps {
  const key = `${src}>${dst}`;
  const hit = tapCache.get(key);
  if (hit) return hit;
  const scale = src / dst;
  const maxTaps = Math.ceil(scale) + 1;
  const start = new Int32Array(dst);
  const count = new Int32Array(dst);
  const weights = new Float32Array(dst * maxTaps);
  for (let o = 0; o < dst; o++) {
    const a = o * scale;
    const b = Math.min(src, (o + 1) * scale);
    const i0 = Math.floor(a);
    const i1 = Math.min(src - 1, Math.ceil(b) - 1);
    start[o] = i0;
    count[o] = i1 - i0 + 1;
    for (let i = i0; i <= i1; i++) {
      const w = Math.min(b, i + 1) - Math.max(a, i);
      weights[o * maxTaps + (i - i0)] = w / (b - a);
    }
  }
  const t = { start, count, weights, maxTaps };
  if (tapCache.size > 64) tapCache.clear();
  tapCache.set(key, t);
  return t;
}

/**
 * Resamples an 8-bit plane (with row stride) to `dw` x `dh`, writing floats into `out` at `offset`.
 * When the size is unchanged it only converts.
 */
export function refResamplePlane(
  src: Uint8Array,
  srcOffset: number,
  stride: number,
  sw: number,
  sh: number,
  dw: number,
  dh: number,
  out: Float32Array,
  offset = 0,
): void {
  const fx = sw / dw;
  const fy = sh / dh;
  if (Number.isInteger(fx) && Number.isInteger(fy) && (fx > 1 || fy > 1)) {
    boxIntegerFactor(src, srcOffset, stride, dw, dh, fx, fy, out, offset);
    return;
  }
  if (dw === sw && dh === sh) {
    for (let y = 0; y < sh; y++) {
      const row = srcOffset + y * stride;
      const o = offset + y * dw;
      for (let x = 0; x < sw; x++) out[o + x] = src[row + x]!;
    }
    return;
  }
  const tx = taps(sw, dw);
  const ty = taps(sh, dh);
  // Horizontal pass into a row buffer per needed source row, then vertical accumulation.
  const rowBuf = new Float32Array(dw);
  out.fill(0, offset, offset + dw * dh);
  for (let y = 0; y < sh; y++) {
    horizontalPass(src, srcOffset + y * stride, tx, rowBuf);
    // Scatter this source row into the output rows that cover it.
    const oy0 = Math.floor((y * dh) / sh);
    const oy1 = Math.min(dh - 1, Math.floor(((y + 1) * dh - 1) / sh));
    for (let oy = oy0; oy <= oy1; oy++) {
      const k = y - ty.start[oy]!;
      if (k < 0 || k >= ty.count[oy]!) continue;
      const w = ty.weights[oy * ty.maxTaps + k]!;
      if (w === 0) continue;
      const o = offset + oy * dw;
      for (let x = 0; x < dw; x++) out[o + x]! += rowBuf[x]! * w;
    }
  }
}

/**
 * One source row's horizontal pass. The usual two or three taps are written out (the sum is taken in
 * the same order as the general loop, so the values are the same to the bit), the rest loop.
 */
function horizontalPass(src: Uint8Array, row: number, tx: Taps, rowBuf: Float32Array): void {
  const { start, count, weights, maxTaps } = tx;
  const dw = rowBuf.length;
  for (let o = 0, wb = 0; o < dw; o++, wb += maxTaps) {
    const i = row + start[o]!;
    const n = count[o]!;
    if (n === 2) rowBuf[o] = src[i]! * weights[wb]! + src[i + 1]! * weights[wb + 1]!;
    else if (n === 3) rowBuf[o] = src[i]! * weights[wb]! + src[i + 1]! * weights[wb + 1]! + src[i + 2]! * weights[wb + 2]!;
    else {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += src[i + k]! * weights[wb + k]!;
      rowBuf[o] = acc;
    }
  }
}

/**
 * Resamples a float plane of `w` columns vertically from `sh` to `dh` rows (area weights), adding
 * source rows in the order `resamplePlane` does, so a horizontal pass followed by this one gives the
 * same values as one `resamplePlane` call.
 */
export function refResampleRows(src: Float32Array, w: number, sh: number, dh: number, out: Float32Array): void {
  if (sh === dh) {
    out.set(src.subarray(0, w * sh));
    return;
  }
  const ty = taps(sh, dh);
  for (let oy = 0; oy < dh; oy++) {
    const o = oy * w;
    const base = oy * ty.maxTaps;
    // Two rows (the usual case when shrinking by less than 2), summed as the loop below sums them.
    if (ty.count[oy] === 2 && ty.weights[base] !== 0 && ty.weights[base + 1] !== 0) {
      const w0 = ty.weights[base]!;
      const w1 = ty.weights[base + 1]!;
      const r0 = ty.start[oy]! * w;
      const r1 = r0 + w;
      for (let x = 0; x < w; x++) out[o + x] = Math.fround(src[r0 + x]! * w0) + src[r1 + x]! * w1;
      continue;
    }
    out.fill(0, o, o + w);
    for (let k = 0; k < ty.count[oy]!; k++) {
      const wt = ty.weights[base + k]!;
      if (wt === 0) continue;
      const r = (ty.start[oy]! + k) * w;
      for (let x = 0; x < w; x++) out[o + x]! += src[r + x]! * wt;
    }
  }
}

/** Exact box average for integer factors: one pass, no weights. */
function boxIntegerFactor(src: Uint8Array, srcOffset: number, stride: number, dw: number, dh: number, fx: number, fy: number, out: Float32Array, offset: number): void {
  const norm = 1 / (fx * fy);
  if (fx === 2 && fy === 2) {
    // The common halving, written out: integer sums, so any order gives the same value.
    for (let oy = 0; oy < dh; oy++) {
      const r0 = srcOffset + 2 * oy * stride;
      const r1 = r0 + stride;
      const o = offset + oy * dw;
      for (let ox = 0, a = r0, b = r1; ox < dw; ox++, a += 2, b += 2) out[o + ox] = (src[a]! + src[a + 1]! + src[b]! + src[b + 1]!) * norm;
    }
    return;
  }
  const acc = new Float32Array(dw);
  for (let oy = 0; oy < dh; oy++) {
    acc.fill(0);
    for (let k = 0; k < fy; k++) {
      const row = srcOffset + (oy * fy + k) * stride;
      for (let ox = 0, sx = row; ox < dw; ox++) {
        let s = 0;
        for (let j = 0; j < fx; j++) s += src[sx++]!;
        acc[ox]! += s;
      }
    }
    const o = offset + oy * dw;
    for (let ox = 0; ox < dw; ox++) out[o + ox] = acc[ox]! * norm;
  }
}


/** Converts luma between ranges in place. */
function refConvertRange(data: Float32Array, from: LumaRange, to: LumaRange): Float32Array {
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
export function refLumaAt(f: YuvPlanes, w: number, h: number, range: LumaRange = 'full', out?: Float32Array): FloatPlanes {
  const data = out ?? new Float32Array(w * h);
  refResamplePlane(f.data, f.y.offset, f.y.stride, f.width, f.height, w, h, data);
  refConvertRange(data, f.fullRange ? 'full' : 'limited', range);
  return { width: w, height: h, channels: 1, data };
}

/**
 * Luma at width `w` with every source row kept (for line-based experts), full range, and the same
 * luma resampled to (w, h) in `range`: the rows' horizontal pass serves both, so this costs one
 * resample instead of two. Equal to `refLumaAt(f, w, f.height)` and `refLumaAt(f, w, h, range)`. `out`
 * gives arrays to write either into.
 */
export function refLumaRowsAndAt(f: YuvPlanes, w: number, h: number, range: LumaRange, out: { rows?: Float32Array; luma?: Float32Array } = {}): { rows: FloatPlanes; luma: FloatPlanes } {
  const native = out.rows ?? new Float32Array(w * f.height);
  refResamplePlane(f.data, f.y.offset, f.y.stride, f.width, f.height, w, f.height, native);
  const data = out.luma ?? new Float32Array(w * h);
  refResampleRows(native, w, f.height, h, data);
  const from = f.fullRange ? 'full' : 'limited';
  refConvertRange(data, from, range);
  refConvertRange(native, from, 'full');
  return { rows: { width: w, height: f.height, channels: 1, data: native }, luma: { width: w, height: h, channels: 1, data } };
}

/**
 * Luma with half-size chroma below it, in one plane of (w, h + ⌊h/2⌋): `luma` (this frame's full-range
 * luma at (w, h)) on top, then Cb in columns [0, ⌊w/2⌋) and Cr in [⌊w/2⌋, 2⌊w/2⌋) (limited-range code
 * values). Costs two resamples of a quarter of the pixels, far less than RGB. `out`: a zeroed array
 * of w·(h + ⌊h/2⌋) to write into.
 */
export function refYuvAt(f: YuvPlanes, luma: FloatPlanes, out?: Float32Array): FloatPlanes {
  const { width: w, height: h } = luma;
  const cw = Math.floor(w / 2);
  const ch = Math.floor(h / 2);
  // A given `out` must be zeroed, as a new array is: an odd width leaves the chroma rows' last column unwritten.
  const data = out ?? new Float32Array(w * (h + ch));
  data.set(luma.data);
  const part = new Float32Array(cw * ch);
  for (const [plane, x0] of [[f.u, 0], [f.v, cw]] as const) {
    refResamplePlane(f.data, plane.offset, plane.stride, plane.width, plane.height, cw, ch, part);
    for (let y = 0; y < ch; y++) data.set(part.subarray(y * cw, (y + 1) * cw), (h + y) * w + x0);
  }
  return { width: w, height: h + ch, channels: 1, data };
}

/**
 * RGB [3, h, w] at (w, h) from resampled Y, U, V (BT.601 matrix, the frame's own range).
 * `limitedLuma`, when given, is this frame's limited-range luma at (w, h), reused instead of resampled;
 * `out`, an array of 3·w·h to write into.
 */
export function refRgbAt(f: YuvPlanes, w: number, h: number, limitedLuma?: FloatPlanes, out?: Float32Array): FloatPlanes {
  const n = w * h;
  // Limited-range Y whatever the source, so one conversion formula serves both ranges.
  const y = limitedLuma && limitedLuma.width === w && limitedLuma.height === h ? limitedLuma.data : refLumaAt(f, w, h, 'limited').data;
  const u = new Float32Array(n);
  const v = new Float32Array(n);
  refResamplePlane(f.data, f.u.offset, f.u.stride, f.u.width, f.u.height, w, h, u);
  refResamplePlane(f.data, f.v.offset, f.v.stride, f.v.width, f.v.height, w, h, v);
  const data = out ?? new Float32Array(3 * n);
  // Full-range chroma spans 0..255 instead of 16..240: scale it onto the limited-range formula.
  const chroma = f.fullRange ? 224 / 255 : 1;
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

