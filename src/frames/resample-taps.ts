/**
 * The horizontal and vertical taps of an area resampling (`resample.ts`): which source samples each
 * output averages and with what box weights, cached per (source, output) length, with the repeating
 * phases of the 4:3, 2:3 and 8:3 ratios that the resampling loops read from locals.
 */

/** Taps of one axis of an area resampling. */
export interface Taps {
  /** First source index per output index. */
  start: Int32Array;
  /** Number of taps per output index. */
  count: Int32Array;
  /** Weights, `maxTaps` per output index. */
  weights: Float32Array;
  maxTaps: number;
  /** When every output has two taps: their weights, one array per tap. */
  pair?: { w0: Float32Array; w1: Float32Array };
  /**
   * When the outputs repeat every three with the same taps, three outputs further on reading `p`
   * source samples further on (4:3 reductions such as 640 → 480 or 1280 → 960, 2:3 enlargements such
   * as chroma 320 → 480): each phase's start offset, tap count (1 or 2) and weights.
   */
  thirds?: { p: number; s: Int32Array; n: Int32Array; w0: Float32Array; w1: Float32Array };
  /**
   * The same for 8:3 reductions (1280 → 480, 720 → 270: the probe's luma from 720p), whose three
   * phases take 3, 4 and 3 taps: each phase's start offset and its taps' weights (`w[4k + j]`, 0 past
   * its count).
   */
  eighths?: { s: Int32Array; w: Float32Array };
}

const tapCache = new Map<string, Taps>();

/** The taps from `src` samples to `dst` outputs (cached). */
export function taps(src: number, dst: number): Taps {
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
  const t: Taps = { start, count, weights, maxTaps };
  if (count.every((n) => n === 2)) {
    const w0 = new Float32Array(dst);
    const w1 = new Float32Array(dst);
    for (let o = 0; o < dst; o++) {
      w0[o] = weights[o * maxTaps]!;
      w1[o] = weights[o * maxTaps + 1]!;
    }
    t.pair = { w0, w1 };
  }
  t.thirds = thirdsPhases(src, t);
  t.eighths = t.thirds ? undefined : eighthsPhases(src, t);
  if (tapCache.size > 64) tapCache.clear();
  tapCache.set(key, t);
  return t;
}

/** The three phases of a resampling whose outputs repeat every three (see `Taps`), when every output follows them exactly. */
function thirdsPhases(src: number, t: Taps): Taps['thirds'] {
  const { start, count, weights, maxTaps } = t;
  const dw = start.length;
  const p = (3 * src) / dw;
  if (dw < 3 || !Number.isInteger(p)) return undefined;
  for (let o = 0; o < dw; o++) {
    const k = o % 3;
    const n = count[o]!;
    if (n < 1 || n > 2 || n !== count[k] || start[o] !== start[k]! + p * ((o - k) / 3)) return undefined;
    for (let j = 0; j < n; j++) if (weights[o * maxTaps + j] !== weights[k * maxTaps + j]) return undefined;
  }
  const at = (k: number, j: number) => (j < count[k]! ? weights[k * maxTaps + j]! : 0);
  return {
    p,
    s: start.slice(0, 3),
    n: count.slice(0, 3),
    w0: Float32Array.from([0, 1, 2], (k) => at(k, 0)),
    w1: Float32Array.from([0, 1, 2], (k) => at(k, 1)),
  };
}

/**
 * The three phases of an 8:3 reduction (see `Taps`), when every output follows them exactly: 3, 4 and
 * 3 taps starting at offsets 0, 2 and 5 of each period of 8 source samples.
 */
function eighthsPhases(src: number, t: Taps): Taps['eighths'] {
  const { start, count, weights, maxTaps } = t;
  const dw = start.length;
  if (dw < 3 || dw % 3 !== 0 || 3 * src !== 8 * dw || maxTaps < 4) return undefined;
  for (let o = 0; o < dw; o++) {
    const k = o % 3;
    if (count[o] !== count[k] || start[o] !== start[k]! + 8 * ((o - k) / 3)) return undefined;
    for (let j = 0; j < count[o]!; j++) if (weights[o * maxTaps + j] !== weights[k * maxTaps + j]) return undefined;
  }
  if (count[0] !== 3 || count[1] !== 4 || count[2] !== 3) return undefined;
  const w = new Float32Array(12);
  for (let k = 0; k < 3; k++) for (let j = 0; j < count[k]!; j++) w[4 * k + j] = weights[k * maxTaps + j]!;
  return { s: start.slice(0, 3), w };
}
