/**
 * Area resampling of 8-bit planes into float planes. Separable: each output pixel averages the source
 * span it covers (exact box weights at fractional edges), which keeps codec block edges and noise
 * statistics faithful when the factor is not an integer.
 */

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
export function resamplePlane(
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
export function resampleRows(src: Float32Array, w: number, sh: number, dh: number, out: Float32Array): void {
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

/**
 * A fast, approximate reduction for the temporal stream: averages a 2x2 grid of samples inside each
 * source block instead of the whole block. Frame differences, brightness and cadence survive; fine
 * texture does not matter at this size. Falls back to exact area resampling for small factors.
 * `limitedToFull`: the source is limited-range luma, written out in full range (as `convertRange`).
 */
export function reducePlane(src: Uint8Array, srcOffset: number, stride: number, sw: number, sh: number, dw: number, dh: number, out: Float32Array, limitedToFull = false): void {
  const fx = sw / dw;
  const fy = sh / dh;
  if (fx < 3 || fy < 3) {
    resamplePlane(src, srcOffset, stride, sw, sh, dw, dh, out);
    if (limitedToFull) limitedToFullInPlace(out, dw * dh);
    return;
  }
  if (limitedToFull) {
    reduceLimitedToFull(src, srcOffset, stride, sw, sh, dw, dh, fx, fy, out);
    return;
  }
  const xs = new Int32Array(2 * dw);
  for (let ox = 0; ox < dw; ox++) {
    xs[2 * ox] = Math.min(sw - 1, Math.floor((ox + 0.25) * fx));
    xs[2 * ox + 1] = Math.min(sw - 1, Math.floor((ox + 0.75) * fx));
  }
  for (let oy = 0; oy < dh; oy++) {
    const r0 = srcOffset + Math.min(sh - 1, Math.floor((oy + 0.25) * fy)) * stride;
    const r1 = srcOffset + Math.min(sh - 1, Math.floor((oy + 0.75) * fy)) * stride;
    const o = oy * dw;
    for (let ox = 0; ox < dw; ox++) {
      const a = xs[2 * ox]!;
      const b = xs[2 * ox + 1]!;
      out[o + ox] = (src[r0 + a]! + src[r0 + b]! + src[r1 + a]! + src[r1 + b]!) * 0.25;
    }
  }
}

/** Limited-range luma (16..235) to full range (0..255), clamped: the formula of `convertRange` in frame-planes.ts. */
const LIMITED_TO_FULL = 255 / 219;

function limitedToFullInPlace(data: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = (data[i]! - 16) * LIMITED_TO_FULL;
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}

/**
 * `reducePlane`'s sampling with the range conversion in the same pass: one write per value instead of
 * a second pass over the plane. The average of four 8-bit samples is exact in a Float32Array, so the
 * values are those of the two passes to the bit.
 */
function reduceLimitedToFull(src: Uint8Array, srcOffset: number, stride: number, sw: number, sh: number, dw: number, dh: number, fx: number, fy: number, out: Float32Array): void {
  const xs = new Int32Array(2 * dw);
  for (let ox = 0; ox < dw; ox++) {
    xs[2 * ox] = Math.min(sw - 1, Math.floor((ox + 0.25) * fx));
    xs[2 * ox + 1] = Math.min(sw - 1, Math.floor((ox + 0.75) * fx));
  }
  for (let oy = 0; oy < dh; oy++) {
    const r0 = srcOffset + Math.min(sh - 1, Math.floor((oy + 0.25) * fy)) * stride;
    const r1 = srcOffset + Math.min(sh - 1, Math.floor((oy + 0.75) * fy)) * stride;
    const o = oy * dw;
    for (let ox = 0; ox < dw; ox++) {
      const a = xs[2 * ox]!;
      const b = xs[2 * ox + 1]!;
      const v = ((src[r0 + a]! + src[r0 + b]! + src[r1 + a]! + src[r1 + b]!) * 0.25 - 16) * LIMITED_TO_FULL;
      out[o + ox] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}

/** Fits (w, h) inside a (maxW, maxH) box keeping aspect, never upscaling; even dimensions. */
export function fitSize(w: number, h: number, maxW: number, maxH: number): { width: number; height: number } {
  const s = Math.min(1, maxW / w, maxH / h);
  const even = (v: number) => Math.max(2, Math.round((v * s) / 2) * 2);
  return s === 1 ? { width: w, height: h } : { width: even(w), height: even(h) };
}
