/**
 * Statistical graph fragments shared by several experts: soft thresholds, local standard deviation,
 * means of the lowest values of a map.
 */
import type { GraphBuilder } from './graph-builder.ts';

/**
 * Clamp to [lo, hi] as Min(Max(x, lo), hi): the values of Clip (NaN, ±∞, −0 and subnormals
 * included, checked on onnxruntime-web), at about a third of its cost on the wasm EP, where Clip
 * takes several times as long as one elementwise op.
 */
export function clamp(g: GraphBuilder, x: string, lo: number, hi: number): string {
  return g.op('Min', [g.op('Max', [x, g.scalar(lo)]), g.scalar(hi)]);
}

/** Soft step: 0 at or below `lo`, 1 at or above `hi`, linear in between. */
export function ramp(g: GraphBuilder, x: string, lo: number, hi: number): string {
  const t = g.op('Mul', [g.op('Sub', [x, g.scalar(lo)]), g.scalar(1 / (hi - lo))]);
  return clamp(g, t, 0, 1);
}

/** Element-wise x², as a Mul (cheaper than Pow on wasm). */
export function square(g: GraphBuilder, x: string): string {
  return g.op('Mul', [x, x]);
}

/**
 * Patch standard deviation of a [N,C,H,W] tensor of 0..255 values over non-overlapping p×p patches
 * → [N,C,H/p,W/p]. Values are centred on 128 first so E[x²] − E[x]² loses little to float32.
 */
export function patchStd(g: GraphBuilder, x: string, p: number): string {
  const pool = (t: string) => g.op('AveragePool', [t], { kernel_shape: [p, p], strides: [p, p] });
  x = g.op('Sub', [x, g.scalar(128)]);
  const m = pool(x);
  const m2 = pool(square(g, x));
  const v = g.op('Relu', [g.op('Sub', [m2, square(g, m)])]);
  return g.op('Sqrt', [v]);
}

/** Frame standard deviation of a [N,C,H,W] tensor → [N], in two passes (mean, then spread) for precision. */
export function frameStd(g: GraphBuilder, x: string): string {
  const axes = g.ints([1, 2, 3]);
  const m = g.op('ReduceMean', [x, axes], { keepdims: 1 });
  const dev = g.op('Sub', [x, m]);
  return g.op('Sqrt', [g.op('ReduceMean', [square(g, dev), axes], { keepdims: 0 })]);
}

/**
 * Mean of the smallest `fraction` of the values of each frame of `x` [N,...] → [N]
 * (at least one value). K is computed from the runtime shape, so any frame size works.
 */
export function lowestMean(g: GraphBuilder, x: string, fraction: number): string {
  const flat = g.op('Flatten', [x], { axis: 1 });
  const [vals] = g.opN('TopK', [flat, lowestCount(g, flat, fraction)], 2, { axis: 1, largest: 0, sorted: 0 });
  return g.op('ReduceMean', [vals!, g.ints([1])], { keepdims: 0 });
}

/**
 * Mean of `value` over the positions of each frame where `key` holds its smallest `fraction` (at least
 * one; both [N,...] of one shape) → [N]: e.g. a reading averaged over a frame's flattest blocks.
 */
export function meanAtLowest(g: GraphBuilder, key: string, value: string, fraction: number): string {
  const flatKey = g.op('Flatten', [key], { axis: 1 });
  const [, idx] = g.opN('TopK', [flatKey, lowestCount(g, flatKey, fraction)], 2, { axis: 1, largest: 0, sorted: 0 });
  return g.op('ReduceMean', [g.op('GatherElements', [g.op('Flatten', [value], { axis: 1 }), idx!], { axis: 1 }), g.ints([1])], { keepdims: 0 });
}

/** K for the smallest `fraction` of a flattened [N,M] tensor's rows: ⌈M·fraction⌉, at least 1 (int64 [1]). */
function lowestCount(g: GraphBuilder, flat: string, fraction: number): string {
  const count = g.op('Gather', [g.op('Shape', [flat]), g.ints([1])], { axis: 0 });
  const kf = g.op('Ceil', [g.op('Mul', [g.op('Cast', [count], { to: 1 }), g.scalar(fraction)])]);
  return g.op('Cast', [g.op('Max', [kf, g.scalar(1)])], { to: 7 });
}
