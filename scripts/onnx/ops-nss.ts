/**
 * Graph fragments for natural-scene-statistics models (BRISQUE, NIQE): MSCN coefficients, shifted
 * pairwise products, one-sided moments, and the (A)GGD shape fit as an ArgMin over a precomputed
 * table. Tensors carry their "distribution" axis (MSCN + 4 orientations) last before fitting, so
 * the same code serves whole frames and per-block statistics.
 */
import type { GraphBuilder } from './graph-builder.ts';
import type { AggdGrid } from './nss-gamma.ts';

const MAX = 2 ** 62;

/** `x[axis]` as a 1-element int64 tensor. */
export function dimOf(g: GraphBuilder, x: string, axis: number): string {
  return g.op('Shape', [x], { start: axis, end: axis + 1 });
}

/** Slices one axis: `x[..., start:end, ...]` (negative values count from the end). */
export function sliceAxis(g: GraphBuilder, x: string, axis: number, start: number, end = MAX): string {
  return g.op('Slice', [x, g.ints([start]), g.ints([end]), g.ints([axis])]);
}

/**
 * Separable blur of every channel of [N,C,H,W] with a symmetric 1-D kernel, borders replicated
 * (OpenCV BORDER_REPLICATE, scipy mode='nearest'). Output has the input's size.
 */
export function blurReplicate(g: GraphBuilder, x: string, taps: number[], channels: number): string {
  const r = (taps.length - 1) / 2;
  const padded = g.op('Pad', [x, g.ints([0, 0, r, r, 0, 0, r, r])], { mode: 'edge' });
  const k = taps.length;
  const wRow = g.constant({ data: Array.from({ length: channels }, () => taps).flat(), dims: [channels, 1, 1, k] }, 'row');
  const wCol = g.constant({ data: Array.from({ length: channels }, () => taps).flat(), dims: [channels, 1, k, 1] }, 'col');
  const h = g.op('Conv', [padded, wRow], { kernel_shape: [1, k], group: channels });
  return g.op('Conv', [h, wCol], { kernel_shape: [k, 1], group: channels });
}

/**
 * Mean-subtracted contrast-normalised coefficients of a [N,1,H,W] image:
 * (I − μ) / (σ + c), with μ and σ² from the Gaussian-weighted local moments. The variance is
 * taken in absolute value: rounding can make it slightly negative in flat areas. I and I² are
 * blurred apart (the same per-channel convolutions as one two-channel blur, without the full-size
 * Concat and Slices that a stacked pair costs).
 */
export function mscn(g: GraphBuilder, x: string, taps: number[], c: number): string {
  const mu = blurReplicate(g, x, taps, 1);
  const ex2 = blurReplicate(g, g.op('Mul', [x, x]), taps, 1);
  const variance = g.op('Abs', [g.op('Sub', [ex2, g.op('Mul', [mu, mu])])]);
  const sigma = g.op('Sqrt', [variance]);
  return g.op('Div', [g.op('Sub', [x, mu]), g.op('Add', [sigma, g.scalar(c)])]);
}

/**
 * `x` shifted so that out(i, j) = x(i + dy, j + dx), zero outside the image (OpenCV BRISQUE's
 * pairwise-product convention). Works on the last two axes of a rank-4 tensor.
 */
export function shiftZero(g: GraphBuilder, x: string, dy: number, dx: number): string {
  const pads = [0, 0, Math.max(0, -dy), Math.max(0, -dx), 0, 0, Math.max(0, dy), Math.max(0, dx)];
  const padded = g.op('Pad', [x, g.ints(pads)]);
  const start = (d: number) => Math.max(0, d);
  const end = (d: number) => (d < 0 ? d : MAX);
  return g.op('Slice', [padded, g.ints([start(dy), start(dx)]), g.ints([end(dy), end(dx)]), g.ints([2, 3])]);
}

/** np.roll along one axis: out[i] = x[(i − s) mod n], for s = ±1. */
export function roll(g: GraphBuilder, x: string, axis: number, s: 1 | -1): string {
  if (s === 1) return g.op('Concat', [sliceAxis(g, x, axis, -1), sliceAxis(g, x, axis, 0, -1)], { axis });
  return g.op('Concat', [sliceAxis(g, x, axis, 1), sliceAxis(g, x, axis, 0, 1)], { axis });
}

/** Crops [N,C,H,W] to whole b×b blocks (floor; the remainder at the bottom and right is dropped). */
export function cropToBlocks(g: GraphBuilder, x: string, b: number): string {
  const bb = g.ints([b]);
  const h = g.op('Mul', [g.op('Div', [dimOf(g, x, 2), bb]), bb]);
  const w = g.op('Mul', [g.op('Div', [dimOf(g, x, 3), bb]), bb]);
  return g.op('Slice', [x, g.ints([0, 0]), g.op('Concat', [h, w], { axis: 0 }), g.ints([2, 3])]);
}

/**
 * Crops [N,C,H,W] to whole b×b blocks and exposes them: [N, C, H/b, b, W/b, b] (floor division,
 * as NIQE crops).
 */
export function toBlocks(g: GraphBuilder, x: string, b: number): string {
  const bb = g.ints([b]);
  const nh = g.op('Div', [dimOf(g, x, 2), bb]);
  const nw = g.op('Div', [dimOf(g, x, 3), bb]);
  const lead = g.op('Shape', [x], { start: 0, end: 2 });
  const shape = g.op('Concat', [lead, nh, bb, nw, bb], { axis: 0 });
  return g.op('Reshape', [cropToBlocks(g, x, b), shape]);
}

/** Sums over the sample axes that the AGGD fit needs. `total` counts every sample (zeros too). */
export interface Moments {
  negCount: string;
  posCount: string;
  negSq: string;
  posSq: string;
  absSum: string;
  total: string;
}

/**
 * Per-block and whole-frame moments of the channels of `y` [N,C,H,W], as means (every sum divided
 * by the sample count, `total` = 1; the AGGD fit only uses ratios of them). Each field is averaged
 * over b×b windows by one AveragePool (ceil mode, so the partial windows at the bottom and right
 * are averaged over their own samples); `blocks` [N, H/b, W/b, C] keeps the whole windows, and
 * `whole()` [N, C] weights every window's mean by its sample count (built only when called).
 *
 * `y` may also be given as a list of same-sized [N,1,H,W] parts, the channels in that order: each
 * part's fields are made and pooled before the next part's (the pooled fields are joined, small),
 * so no stacked full-size tensor is built and only one part's fields are alive at a time. Each
 * channel's pooled values are those of the stacked form.
 */
export function pooledMoments(g: GraphBuilder, y: string | (string | (() => string))[], b: number): { blocks: Moments; whole: () => Moments } {
  const given = typeof y === 'string' ? [y] : y;
  const pool = (t: string) => g.op('AveragePool', [t], { kernel_shape: [b, b], strides: [b, b], ceil_mode: 1 });
  const parts: string[] = [];
  const perPart = given.map((made) => {
    const part = typeof made === 'string' ? made : made();
    parts.push(part);
    // Each field pooled as soon as it is made, so the planner can reuse its buffer for the next.
    const neg = g.op('Min', [part, g.scalar(0)]);
    // sign(y) ∈ {−1, 0, 1}: MSCN values and their products are exactly 0 or far above any
    // subnormal, so the sums are those of clip(y·1e30, −1, 1), the former form (Sign costs one
    // elementwise pass; Clip after a Mul cost several on the wasm EP).
    const sign = g.op('Sign', [part]);
    return {
      sum: pool(part),
      neg: pool(neg),
      sq: pool(g.op('Mul', [part, part])),
      negSq: pool(g.op('Mul', [neg, neg])),
      sign: pool(sign),
      nonzero: pool(g.op('Mul', [sign, sign])),
    };
  });
  const keys = ['sum', 'neg', 'sq', 'negSq', 'sign', 'nonzero'] as const;
  const pooled = Object.fromEntries(
    keys.map((k) => [k, perPart.length === 1 ? perPart[0]![k] : g.op('Concat', perPart.map((p) => p[k]), { axis: 1 })]),
  ) as Record<(typeof keys)[number], string>;
  const first = parts[0]!;
  // Window sample counts: min(b, H − b·i) × min(b, W − b·j), normalised to sum to 1.
  const bb = g.scalar(b);
  const counts = (axis: number) => {
    const n = g.op('Cast', [g.op('Squeeze', [dimOf(g, first, axis), g.ints([0])])], { to: 1 });
    const starts = g.op('Mul', [g.op('Range', [g.scalar(0), g.op('Ceil', [g.op('Div', [n, bb])]), g.scalar(1)]), bb]);
    return g.op('Div', [g.op('Min', [g.op('Sub', [n, starts]), bb]), n]);
  };
  const weight = g.op('Mul', [g.op('Unsqueeze', [counts(2), g.ints([1])]), counts(3)]);
  const whole = (t: string) => g.op('ReduceSum', [g.op('Mul', [t, weight]), g.ints([2, 3])], { keepdims: 0 });
  const nb = g.ints([b]);
  const full = g.op('Concat', [g.op('Div', [dimOf(g, first, 2), nb]), g.op('Div', [dimOf(g, first, 3), nb])], { axis: 0 });
  const block = (t: string) => g.op('Transpose', [g.op('Slice', [t, g.ints([0, 0]), full, g.ints([2, 3])])], { perm: [0, 2, 3, 1] });
  return { blocks: combine(g, pooled, block), whole: () => combine(g, pooled, whole) };
}

/** Moments from the pooled fields (means of y, min(y,0), y², min(y,0)², sign y, sign² y). */
function combine(
  g: GraphBuilder,
  p: { sum: string; neg: string; sq: string; negSq: string; sign: string; nonzero: string },
  view: (t: string) => string,
): Moments {
  const [sum, neg, sq, negSq, sign, nonzero] = [p.sum, p.neg, p.sq, p.negSq, p.sign, p.nonzero].map(view) as [string, string, string, string, string, string];
  const half = g.scalar(0.5);
  return {
    negSq,
    posSq: g.op('Sub', [sq, negSq]),
    absSum: g.op('Sub', [sum, g.op('Add', [neg, neg])]),
    posCount: g.op('Mul', [g.op('Add', [nonzero, sign]), half]),
    negCount: g.op('Mul', [g.op('Sub', [nonzero, sign]), half]),
    total: g.scalar(1),
  };
}

/** The result of the AGGD fit: shape γ, one-sided standard deviations and the grid's scales at γ. */
export interface AggdFit {
  gamma: string;
  leftStd: string;
  rightStd: string;
  betaScale: string;
  meanScale: string;
}

/**
 * Fits an AGGD by moment matching: r̂ = E|y|² / E[y²], normalised by the asymmetry γ̂ = σl/σr, then
 * the grid γ whose ρ(γ) is nearest (first on ties). Undefined estimates (no negative or no positive
 * samples) take the grid index `nanIndex`, as the reference loops end up doing.
 */
export function aggdFit(g: GraphBuilder, m: Moments, grid: AggdGrid, nanIndex: 'first' | 'last'): AggdFit {
  const leftStd = g.op('Sqrt', [g.op('Div', [m.negSq, m.negCount])]);
  const rightStd = g.op('Sqrt', [g.op('Div', [m.posSq, m.posCount])]);
  const gh = g.op('Div', [leftStd, rightStd]);
  const meanAbs = g.op('Div', [m.absSum, m.total]);
  const meanSq = g.op('Div', [g.op('Add', [m.negSq, m.posSq]), m.total]);
  const rhat = g.op('Div', [g.op('Mul', [meanAbs, meanAbs]), meanSq]);
  const one = g.scalar(1);
  const gh2 = g.op('Mul', [gh, gh]);
  const num = g.op('Mul', [g.op('Add', [g.op('Mul', [gh2, gh]), one]), g.op('Add', [gh, one])]);
  const den = g.op('Add', [gh2, one]);
  let rn = g.op('Div', [g.op('Mul', [rhat, num]), g.op('Mul', [den, den])]);
  const n = grid.gamma.length;
  const fallback = g.scalar(grid.ratio[nanIndex === 'first' ? 0 : n - 1]!);
  rn = g.op('Where', [g.op('IsNaN', [rn]), fallback, rn]);
  const idx = nearestInIncreasing(g, rn, grid.ratio);
  const pick = (t: Float64Array, name: string) => g.op('Gather', [g.constant({ data: t, dims: [n] }, name), idx], { axis: 0 });
  return {
    gamma: pick(grid.gamma, 'gam'),
    leftStd,
    rightStd,
    betaScale: pick(grid.betaScale, 'beta'),
    meanScale: pick(grid.meanScale, 'mean'),
  };
}

const SEARCH_STEP = 100;

/**
 * Index of the entry of the strictly increasing table nearest to each value of `v` (first on ties),
 * as an int64 tensor of `v`'s shape: the same answer as ArgMin |table − v| over the whole table,
 * found in two levels. Every SEARCH_STEP-th entry locates the segment (its start is the last coarse
 * entry below v), then ArgMin runs over the SEARCH_STEP + 1 entries from there, which include both
 * neighbours of v's insertion point and therefore the nearest entry.
 */
export function nearestInIncreasing(g: GraphBuilder, v: string, table: Float64Array): string {
  const n = table.length;
  const s = SEARCH_STEP;
  const coarse = Array.from({ length: Math.ceil(n / s) }, (_, j) => table[j * s]!);
  // Entries past the end read as +∞-like, so a window near the end never picks them.
  const padded = [...table, ...Array.from({ length: s + 1 }, () => 3e38)];
  const col = g.op('Unsqueeze', [v, g.ints([-1])]);
  const below = g.op('Cast', [g.op('Less', [g.constant({ data: coarse, dims: [coarse.length] }, 'coarse'), col])], { to: 1 });
  const seg = g.op('Relu', [g.op('Sub', [g.op('ReduceSum', [below, g.ints([-1])], { keepdims: 1 }), g.scalar(1)])]);
  const start = g.op('Cast', [g.op('Mul', [seg, g.scalar(s)])], { to: 7 });
  const window = g.op('Add', [start, g.constant({ data: Array.from({ length: s + 1 }, (_, i) => i), dims: [s + 1], type: 'int64' }, 'win')]);
  const values = g.op('Gather', [g.constant({ data: padded, dims: [padded.length] }, 'ratio'), window], { axis: 0 });
  const best = g.op('ArgMin', [g.op('Abs', [g.op('Sub', [values, col])])], { axis: -1, keepdims: 1 });
  return g.op('Squeeze', [g.op('Add', [best, start]), g.ints([-1])]);
}

/**
 * The 18 features of one scale from fits whose last axis is [MSCN, 4 orientations] (rank `rank`):
 * MSCN → [γ, (A+B)/2]; each orientation → [γ, (σr − σl)·meanScale, A, B], where (A, B) are the
 * squared one-sided deviations (BRISQUE) or the AGGD scales β (NIQE).
 */
export function scaleFeatures(g: GraphBuilder, fit: AggdFit, kind: 'variance' | 'beta', rank: number): string {
  let a: string;
  let b: string;
  if (kind === 'variance') {
    a = g.op('Mul', [fit.leftStd, fit.leftStd]);
    b = g.op('Mul', [fit.rightStd, fit.rightStd]);
  } else {
    a = g.op('Mul', [fit.leftStd, fit.betaScale]);
    b = g.op('Mul', [fit.rightStd, fit.betaScale]);
  }
  const mean = g.op('Mul', [g.op('Sub', [fit.rightStd, fit.leftStd]), fit.meanScale]);
  const last = rank - 1;
  const half = g.op('Mul', [g.op('Add', [a, b]), g.scalar(0.5)]);
  const first = [sliceAxis(g, fit.gamma, last, 0, 1), sliceAxis(g, half, last, 0, 1)];
  const quads = [fit.gamma, mean, a, b].map((t) => g.op('Unsqueeze', [sliceAxis(g, t, last, 1, 5), g.ints([-1])]));
  const stacked = g.op('Concat', quads, { axis: -1 });
  const flat = g.op('Reshape', [stacked, g.ints([...Array.from({ length: last }, () => 0), 16])]);
  return g.op('Concat', [...first, flat], { axis: -1 });
}
