/**
 * Graph fragments for temporal experts and other along-an-axis work: shifting a tensor by one step
 * along an axis, frame differences, sign-alternation detectors, soft ramps, percentiles with TopK,
 * and per-frame spatial statistics. All of them keep the leading dimension symbolic.
 */
import type { GraphBuilder } from './graph-builder.ts';

const END = 2 ** 31 - 1;

/** Slice of `x` along `axis` from `start` to `end` (negative ends count from the back). */
export function sliceAxis(g: GraphBuilder, x: string, start: number, end: number, axis = 0): string {
  return g.op('Slice', [x, g.ints([start]), g.ints([end]), g.ints([axis])]);
}

/** Zeros shaped like one step of `x` along `axis`. */
function zeroStep(g: GraphBuilder, x: string, axis: number): string {
  return g.op('Mul', [sliceAxis(g, x, 0, 1, axis), g.scalar(0)]);
}

/**
 * `x` delayed by one step along `axis`: out[i] = x[i-1]. The first step is zero, or a copy of
 * x[0] with `fill: 'repeat'` (so a difference against it is zero).
 */
export function shiftPrev(g: GraphBuilder, x: string, axis = 0, fill: 'zero' | 'repeat' = 'zero'): string {
  const head = fill === 'zero' ? zeroStep(g, x, axis) : sliceAxis(g, x, 0, 1, axis);
  return g.op('Concat', [head, sliceAxis(g, x, 0, -1, axis)], { axis });
}

/** `x` advanced by one step along `axis`: out[i] = x[i+1], the last step zero. */
export function shiftNext(g: GraphBuilder, x: string, axis = 0): string {
  const tail = g.op('Mul', [sliceAxis(g, x, -1, END, axis), g.scalar(0)]);
  return g.op('Concat', [sliceAxis(g, x, 1, END, axis), tail], { axis });
}

/** Backward difference along `axis`: out[i] = x[i] - x[i-1], out[0] = 0. */
export function diffPrev(g: GraphBuilder, x: string, axis = 0): string {
  return g.op('Sub', [x, shiftPrev(g, x, axis, 'repeat')]);
}

/** Replaces the first step along axis 0 with zeros (a value that has no previous frame). */
export function zeroFirst(g: GraphBuilder, x: string): string {
  return g.op('Concat', [zeroStep(g, x, 0), sliceAxis(g, x, 1, END, 0)], { axis: 0 });
}

/**
 * Sign flips between neighbours along `axis`: out[i] = max(0, -x[i]·x[i-1]) (0 at i = 0).
 * Its square root is the smaller of the two magnitudes' geometric mean when the signs differ.
 */
export function signFlips(g: GraphBuilder, x: string, axis = 0): string {
  return g.op('Relu', [g.op('Neg', [g.op('Mul', [x, shiftPrev(g, x, axis)])])]);
}

/** Clamp to [lo, hi]. */
export function clip(g: GraphBuilder, x: string, lo: number, hi: number): string {
  return g.op('Clip', [x, g.scalar(lo), g.scalar(hi)]);
}

/**
 * Soft step: 0 at `from`, 1 at `to`, linear between and clamped outside. Works in either direction
 * (from > to gives a falling step).
 */
export function ramp(g: GraphBuilder, x: string, from: number, to: number): string {
  const scaled = g.op('Mul', [g.op('Sub', [x, g.scalar(from)]), g.scalar(1 / (to - from))]);
  return clip(g, scaled, 0, 1);
}

/** The length of `x` along `axis` as an int64 [1] tensor. */
export function lengthOf(g: GraphBuilder, x: string, axis: number): string {
  return g.op('Gather', [g.op('Shape', [x]), g.ints([axis])]);
}

/**
 * The `k` largest values along the last axis of a 2-D [R, n] tensor, with k = floor(n·fraction)+1
 * (at least one, at most n). Returns the [R, k] values, largest first.
 */
export function topFraction(g: GraphBuilder, x: string, fraction: number): string {
  const n = g.op('Cast', [lengthOf(g, x, 1)], { to: 1 });
  const kf = g.op('Add', [g.op('Floor', [g.op('Mul', [n, g.scalar(fraction)])]), g.scalar(1)]);
  const k = g.op('Cast', [g.op('Min', [kf, n])], { to: 7 });
  const [values] = g.opN('TopK', [x, k], 2, { axis: 1, largest: 1, sorted: 1 });
  return values as string;
}

/** Per-row upper quantile of a 2-D [R, n] tensor: the value with a `fraction` of the row above it. */
export function rowQuantileFromTop(g: GraphBuilder, x: string, fraction: number): string {
  return g.op('ReduceMin', [topFraction(g, x, fraction), g.ints([1])], { keepdims: 0 });
}

/** Mean of the top `fraction` of each row of a 2-D [R, n] tensor. */
export function rowTopMean(g: GraphBuilder, x: string, fraction: number): string {
  return g.op('ReduceMean', [topFraction(g, x, fraction), g.ints([1])], { keepdims: 0 });
}

/** Flattens a [T, 1, h, w] tensor to [T, h·w]. */
export function flattenFrames(g: GraphBuilder, x: string): string {
  return g.op('Flatten', [x], { axis: 1 });
}

/**
 * Median of a 1-D tensor (the upper of the two middle values for an even count). Empty input is
 * not allowed; callers pass at least one value.
 */
export function median1d(g: GraphBuilder, v: string): string {
  const row = g.op('Unsqueeze', [v, g.ints([0])]);
  const n = g.op('Cast', [lengthOf(g, row, 1)], { to: 1 });
  const k = g.op('Cast', [g.op('Floor', [g.op('Mul', [g.op('Add', [n, g.scalar(1)]), g.scalar(0.5)])])], { to: 7 });
  const [top] = g.opN('TopK', [row, k], 2, { axis: 1, largest: 1, sorted: 1 });
  return g.op('ReduceMin', [top as string], { keepdims: 0 });
}

/** Per-frame mean and standard deviation over H and W of a [T, 1, H, W] tensor, each [T]. */
export function frameMeanStd(g: GraphBuilder, x: string): { mean: string; std: string } {
  const axes = g.ints([1, 2, 3]);
  const mean = g.op('ReduceMean', [x, axes], { keepdims: 0 });
  const sq = g.op('ReduceMean', [g.op('Mul', [x, x]), axes], { keepdims: 0 });
  const v = g.op('Relu', [g.op('Sub', [sq, g.op('Mul', [mean, mean])])]);
  return { mean, std: g.op('Sqrt', [v]) };
}

/** Per-patch mean and standard deviation of a [T, 1, H, W] tensor, each [T, 1, H/p, W/p]. */
export function patchMeanStd(g: GraphBuilder, x: string, patch: number): { mean: string; std: string } {
  const pool = (t: string) => g.op('AveragePool', [t], { kernel_shape: [patch, patch], strides: [patch, patch] });
  const mean = pool(x);
  const sq = pool(g.op('Mul', [x, x]));
  const v = g.op('Relu', [g.op('Sub', [sq, g.op('Mul', [mean, mean])])]);
  return { mean, std: g.op('Sqrt', [v]) };
}

/** Reshapes a per-frame [T] value to [T, 1, 1, 1] so it broadcasts over a patch grid. */
export function perFrame4d(g: GraphBuilder, v: string): string {
  return g.op('Unsqueeze', [v, g.ints([1, 2, 3])]);
}

/** Spreads a per-frame [T] value over a [T, 1, h, w] grid's shape. */
export function broadcastToGrid(g: GraphBuilder, v: string, grid: string): string {
  return g.op('Add', [g.op('Mul', [grid, g.scalar(0)]), perFrame4d(g, v)]);
}

/**
 * Box downscale of a [T, 1, H, W] tensor by `factor` (floor): motion and encoder noise both survive
 * a 4x reduction, and every later full-frame pass costs 1/16.
 */
export function downscale(g: GraphBuilder, x: string, factor: number): string {
  // A strided convolution with weights 1/factor²: at this small window the wasm EP runs it in about
  // half the time of the same AveragePool (at 16×16 and up the pool is quicker). For a power-of-two
  // factor each term x/factor² is exact, so only the order of the sum can differ.
  const w = g.constant({ data: new Array<number>(factor * factor).fill(1 / (factor * factor)), dims: [1, 1, factor, factor] }, 'box');
  return g.op('Conv', [x, w], { kernel_shape: [factor, factor], strides: [factor, factor] });
}

/**
 * Structural change between consecutive frames: |x[i] - x[i-1] - (mean x[i] - mean x[i-1])|, the
 * frame difference with the global brightness step removed (zero for the first frame).
 * Also returns the per-frame global step [T].
 */
export function structuralChange(g: GraphBuilder, x: string): { change: string; step: string } {
  const mean = g.op('ReduceMean', [x, g.ints([1, 2, 3])], { keepdims: 0 });
  const centred = g.op('Sub', [x, perFrame4d(g, mean)]);
  return { change: g.op('Abs', [diffPrev(g, centred)]), step: diffPrev(g, mean) };
}

/**
 * Per-frame stillness of a [T, 1, H, W] luma stack, shared by the freeze and stutter experts so both
 * read the same repeats. On the 4x-downscaled frame (encoder noise and motion both survive, at 1/16 of
 * the cost) the structural change (global brightness step removed, so flicker or a fade does not
 * hide a repeat) is pooled per patch; a frame is still when the 90th percentile of patch changes is
 * under ~0.2–0.45 code values and no patch exceeds ~0.9–2 (a re-encoded repeat differs by a few
 * tenths; sensor noise and any motion lie above that). Flat frames (black, solid cards) carry no
 * evidence and are never still. `moving` is 0..1: the mean change shows clear motion (0.5–1 code
 * values). The first frame has no predecessor: still 0, moving 0. `grid` is the [T, 1, H/patch, W/patch]
 * patch grid of changes (floor(floor(H/4)/(patch/4)) = floor(H/patch)): a map spread over it has the
 * shape of a patch mean of the frame without another pass over the full frame.
 */
export function stillness(g: GraphBuilder, x: string, patch: number): { still: string; moving: string; grid: string } {
  const scale = 4;
  const small = downscale(g, x, scale);
  const { change } = structuralChange(g, small);
  const patches = g.op('AveragePool', [change], { kernel_shape: [patch / scale, patch / scale], strides: [patch / scale, patch / scale] });
  const p90 = rowQuantileFromTop(g, flattenFrames(g, patches), 0.1);
  const pMax = g.op('ReduceMax', [patches, g.ints([1, 2, 3])], { keepdims: 0 });
  const textured = ramp(g, frameMeanStd(g, small).std, 2, 5);
  const still = zeroFirst(g, g.op('Mul', [g.op('Mul', [ramp(g, p90, 0.45, 0.2), ramp(g, pMax, 2, 0.9)]), textured]));
  const meanChange = g.op('ReduceMean', [change, g.ints([1, 2, 3])], { keepdims: 0 });
  const moving = zeroFirst(g, ramp(g, meanChange, 0.5, 1));
  return { still, moving, grid: patches };
}

/** `x` delayed by `k` steps along axis 0 (the first k steps zero). */
export function delay(g: GraphBuilder, x: string, k: number): string {
  let out = x;
  for (let i = 0; i < k; i++) out = shiftPrev(g, out);
  return out;
}
