/**
 * Area resampling of 8-bit planes into float planes. Separable: each output pixel averages the source
 * span it covers (exact box weights at fractional edges), which keeps codec block edges and noise
 * statistics faithful when the factor is not an integer.
 */

import { taps, type Taps } from './resample-taps.ts';

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
  resampleInto(src, srcOffset, stride, sw, sh, dw, dh, out, offset, dw);
}

/**
 * `resamplePlane` writing output row `oy` at `offset + oy * outStride` (a plane placed inside a wider
 * one); the columns past `dw` are left as they are.
 */
export function resampleInto(src: Uint8Array, srcOffset: number, stride: number, sw: number, sh: number, dw: number, dh: number, out: Float32Array, offset: number, outStride: number): void {
  const fx = sw / dw;
  const fy = sh / dh;
  if (Number.isInteger(fx) && Number.isInteger(fy) && (fx > 1 || fy > 1)) {
    boxIntegerFactor(src, srcOffset, stride, dw, dh, fx, fy, out, offset, outStride);
    return;
  }
  if (dw === sw && dh === sh) {
    for (let y = 0; y < sh; y++) {
      const row = srcOffset + y * stride;
      const o = offset + y * outStride;
      for (let x = 0; x < sw; x++) out[o + x] = src[row + x]!;
    }
    return;
  }
  areaResample(src, srcOffset, stride, dh, taps(sw, dw), rowPlan(sh, dh), out, offset, outStride);
}

/**
 * Which source rows make each output row, with their weights, in the order the sums take them. Built by
 * walking source rows and the output rows each covers (the membership test of the former scatter pass,
 * which an output's taps alone do not give where rounding puts a tap's edge past a row), so that each
 * output value is the same chain of float32 sums as before, to the bit.
 */
interface RowPlan {
  /** Per output row, its first entry in `ys`/`ws`; `dh + 1` values. */
  first: Int32Array;
  ys: Int32Array;
  ws: Float32Array;
  /** Output rows that are one source row at weight 1, used by no other output row: written in place. */
  direct: Uint8Array;
  /** Most source rows one output row spans: the horizontal passes kept at once. */
  span: number;
}

const planCache = new Map<string, RowPlan>();

function rowPlan(sh: number, dh: number): RowPlan {
  const key = `${sh}>${dh}`;
  const hit = planCache.get(key);
  if (hit) return hit;
  const ty = taps(sh, dh);
  const lists: number[][] = Array.from({ length: dh }, () => []);
  const uses = new Int32Array(sh);
  for (let y = 0; y < sh; y++) {
    const oy0 = Math.floor((y * dh) / sh);
    const oy1 = Math.min(dh - 1, Math.floor(((y + 1) * dh - 1) / sh));
    for (let oy = oy0; oy <= oy1; oy++) {
      const k = y - ty.start[oy]!;
      if (k < 0 || k >= ty.count[oy]!) continue;
      const w = ty.weights[oy * ty.maxTaps + k]!;
      if (w === 0) continue;
      lists[oy]!.push(y, w);
      uses[y]!++;
    }
  }
  const first = new Int32Array(dh + 1);
  for (let oy = 0; oy < dh; oy++) first[oy + 1] = first[oy]! + lists[oy]!.length / 2;
  const ys = new Int32Array(first[dh]!);
  const ws = new Float32Array(first[dh]!);
  const direct = new Uint8Array(dh);
  let span = 1;
  for (let oy = 0; oy < dh; oy++) {
    const l = lists[oy]!;
    for (let j = 0; j < l.length / 2; j++) {
      ys[first[oy]! + j] = l[2 * j]!;
      ws[first[oy]! + j] = l[2 * j + 1]!;
    }
    if (l.length) span = Math.max(span, l[l.length - 2]! - l[0]! + 1);
    direct[oy] = l.length === 2 && l[1] === 1 && uses[l[0]!] === 1 ? 1 : 0;
  }
  const plan = { first, ys, ws, direct, span };
  if (planCache.size > 64) planCache.clear();
  planCache.set(key, plan);
  return plan;
}

/** Writes output row `oy` into `dst` from `at`; rows are asked for in increasing order. */
export type RowWriter = (oy: number, dst: Float32Array, at: number) => void;

/**
 * The rows of `resamplePlane`'s result one at a time, for a caller that uses each row as it comes (no
 * whole plane written and read back), or undefined where the size pair takes the integer-factor or
 * copy path (use `resamplePlane` there). The values are those of `resamplePlane` to the bit.
 */
export function areaRows(src: Uint8Array, srcOffset: number, stride: number, sw: number, sh: number, dw: number, dh: number): RowWriter | undefined {
  const fx = sw / dw;
  const fy = sh / dh;
  if ((Number.isInteger(fx) && Number.isInteger(fy) && (fx > 1 || fy > 1)) || (dw === sw && dh === sh)) return undefined;
  return areaRowWriter(src, srcOffset, stride, taps(sw, dw), rowPlan(sh, dh));
}

/**
 * Area resampling one output row at a time: each source row's horizontal pass is made once into a
 * small ring and each output value written once (no zeroing and no read-modify-write of the output).
 * The sums are those of the scatter pass, in the same order: acc = fround(acc + row·w) from 0.
 */
function areaResample(src: Uint8Array, srcOffset: number, stride: number, dh: number, tx: Taps, plan: RowPlan, out: Float32Array, offset: number, outStride: number): void {
  const write = areaRowWriter(src, srcOffset, stride, tx, plan);
  for (let oy = 0; oy < dh; oy++) write(oy, out, offset + oy * outStride);
}

function areaRowWriter(src: Uint8Array, srcOffset: number, stride: number, tx: Taps, plan: RowPlan): RowWriter {
  const dw = tx.start.length;
  const { first, ys, ws, direct, span } = plan;
  const ringData = new Float32Array(span * dw);
  const ring = Array.from({ length: span }, (_, i) => ringData.subarray(i * dw, (i + 1) * dw));
  const tag = new Int32Array(span).fill(-1);
  const rowOf = (y: number): Float32Array => {
    const slot = y % span;
    const r = ring[slot]!;
    if (tag[slot] !== y) {
      horizontalPass(src, srcOffset + y * stride, tx, r, 0);
      tag[slot] = y;
    }
    return r;
  };
  return (oy, out, o) => {
    const e0 = first[oy]!;
    const n = first[oy + 1]! - e0;
    if (direct[oy]) {
      // 0 + v·1 is v: the pass written straight into the output.
      horizontalPass(src, srcOffset + ys[e0]! * stride, tx, out, o);
      return;
    }
    if (n === 0) {
      out.fill(0, o, o + dw);
      return;
    }
    const r0 = rowOf(ys[e0]!);
    const w0 = ws[e0]!;
    if (n === 2) {
      const r1 = rowOf(ys[e0 + 1]!);
      const w1 = ws[e0 + 1]!;
      for (let x = 0; x < dw; x++) out[o + x] = Math.fround(r0[x]! * w0) + r1[x]! * w1;
      return;
    }
    if (n === 3 || n === 4) {
      // Three or four rows (reductions by 2 to 3, as 720 → 270) in one pass: each step rounded to float32
      // as the read-modify-write passes below round it, so the values are theirs to the bit.
      const r1 = rowOf(ys[e0 + 1]!);
      const r2 = rowOf(ys[e0 + 2]!);
      const w1 = ws[e0 + 1]!;
      const w2 = ws[e0 + 2]!;
      if (n === 3) {
        for (let x = 0; x < dw; x++) out[o + x] = Math.fround(Math.fround(r0[x]! * w0) + r1[x]! * w1) + r2[x]! * w2;
        return;
      }
      const r3 = rowOf(ys[e0 + 3]!);
      const w3 = ws[e0 + 3]!;
      for (let x = 0; x < dw; x++) out[o + x] = Math.fround(Math.fround(Math.fround(r0[x]! * w0) + r1[x]! * w1) + r2[x]! * w2) + r3[x]! * w3;
      return;
    }
    for (let x = 0; x < dw; x++) out[o + x] = r0[x]! * w0;
    for (let e = e0 + 1; e < e0 + n; e++) {
      const r = rowOf(ys[e]!);
      const w = ws[e]!;
      for (let x = 0; x < dw; x++) out[o + x]! += r[x]! * w;
    }
  };
}

/**
 * One source row's horizontal pass into `dst` from `at`. The usual one to three taps are written out
 * (the sum is taken in the same order as the general loop, so the values are the same to the bit), the
 * rest loop.
 */
function horizontalPass(src: Uint8Array, row: number, tx: Taps, dst: Float32Array, at: number): void {
  const { start, count, weights, maxTaps } = tx;
  const dw = start.length;
  if (tx.thirds) {
    // The same taps every three outputs, held in locals: the same products and sums as the loops below.
    const { p, s, n, w0, w1 } = tx.thirds;
    const [s0, s1, s2] = [s[0]!, s[1]!, s[2]!];
    const [a0, a1, a2] = [w0[0]!, w0[1]!, w0[2]!];
    const [b0, b1, b2] = [w1[0]!, w1[1]!, w1[2]!];
    let o = 0;
    if (n[0] === 2 && n[1] === 2 && n[2] === 2) {
      for (let i = row; o + 3 <= dw; o += 3, i += p) {
        dst[at + o] = src[i + s0]! * a0 + src[i + s0 + 1]! * b0;
        dst[at + o + 1] = src[i + s1]! * a1 + src[i + s1 + 1]! * b1;
        dst[at + o + 2] = src[i + s2]! * a2 + src[i + s2 + 1]! * b2;
      }
    } else {
      const [two0, two1, two2] = [n[0] === 2, n[1] === 2, n[2] === 2];
      for (let i = row; o + 3 <= dw; o += 3, i += p) {
        dst[at + o] = two0 ? src[i + s0]! * a0 + src[i + s0 + 1]! * b0 : src[i + s0]! * a0;
        dst[at + o + 1] = two1 ? src[i + s1]! * a1 + src[i + s1 + 1]! * b1 : src[i + s1]! * a1;
        dst[at + o + 2] = two2 ? src[i + s2]! * a2 + src[i + s2 + 1]! * b2 : src[i + s2]! * a2;
      }
    }
    // The last one or two outputs: phases 0 and 1 of the next period.
    for (let i = row + (o / 3) * p; o < dw; o++) {
      const k = o % 3;
      const j = i + s[k]!;
      dst[at + o] = n[k] === 2 ? src[j]! * w0[k]! + src[j + 1]! * w1[k]! : src[j]! * w0[k]!;
    }
    return;
  }
  if (tx.eighths) {
    // 3, 4 and 3 taps every 8 source samples, held in locals: the sums of the general loop below, in its order.
    const { s, w } = tx.eighths;
    const [s0, s1, s2] = [s[0]!, s[1]!, s[2]!];
    const [a0, a1, a2] = [w[0]!, w[1]!, w[2]!];
    const [b0, b1, b2, b3] = [w[4]!, w[5]!, w[6]!, w[7]!];
    const [c0, c1, c2] = [w[8]!, w[9]!, w[10]!];
    for (let o = 0, i = row; o < dw; o += 3, i += 8) {
      dst[at + o] = src[i + s0]! * a0 + src[i + s0 + 1]! * a1 + src[i + s0 + 2]! * a2;
      dst[at + o + 1] = src[i + s1]! * b0 + src[i + s1 + 1]! * b1 + src[i + s1 + 2]! * b2 + src[i + s1 + 3]! * b3;
      dst[at + o + 2] = src[i + s2]! * c0 + src[i + s2 + 1]! * c1 + src[i + s2 + 2]! * c2;
    }
    return;
  }
  if (tx.pair) {
    // Every output two taps (reductions by less than 2): no per-output count or stride into the weights.
    const { w0, w1 } = tx.pair;
    for (let o = 0; o < dw; o++) {
      const i = row + start[o]!;
      dst[at + o] = src[i]! * w0[o]! + src[i + 1]! * w1[o]!;
    }
    return;
  }
  for (let o = 0, wb = 0; o < dw; o++, wb += maxTaps) {
    const i = row + start[o]!;
    const n = count[o]!;
    if (n === 2) dst[at + o] = src[i]! * weights[wb]! + src[i + 1]! * weights[wb + 1]!;
    else if (n === 1) dst[at + o] = src[i]! * weights[wb]!;
    else if (n === 3) dst[at + o] = src[i]! * weights[wb]! + src[i + 1]! * weights[wb + 1]! + src[i + 2]! * weights[wb + 2]!;
    else {
      let acc = 0;
      for (let k = 0; k < n; k++) acc += src[i + k]! * weights[wb + k]!;
      dst[at + o] = acc;
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
function boxIntegerFactor(src: Uint8Array, srcOffset: number, stride: number, dw: number, dh: number, fx: number, fy: number, out: Float32Array, offset: number, outStride: number): void {
  const norm = 1 / (fx * fy);
  if (fx === 2 && fy === 2) {
    // The common halving, written out: integer sums, so any order gives the same value.
    for (let oy = 0; oy < dh; oy++) {
      const r0 = srcOffset + 2 * oy * stride;
      const r1 = r0 + stride;
      const o = offset + oy * outStride;
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
    const o = offset + oy * outStride;
    for (let ox = 0; ox < dw; ox++) out[o + ox] = acc[ox]! * norm;
  }
}

/** Fits (w, h) inside a (maxW, maxH) box keeping aspect, never upscaling; even dimensions. */
export function fitSize(w: number, h: number, maxW: number, maxH: number): { width: number; height: number } {
  const s = Math.min(1, maxW / w, maxH / h);
  const even = (v: number) => Math.max(2, Math.round((v * s) / 2) * 2);
  return s === 1 ? { width: w, height: h } : { width: even(w), height: even(h) };
}
