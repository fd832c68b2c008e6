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
 * taken in absolute value: rounding can make it slightly negative in flat areas.
 */
export function mscn(g: GraphBuilder, x: string, taps: number[], c: number): string {
  const both = g.op('Concat', [x, g.op('Mul', [x, x])], { axis: 1 });
  const blurred = blurReplicate(g, both, taps, 2);
  const mu = sliceAxis(g, blurred, 1, 0, 1);
  const ex2 = sliceAxis(g, blurred, 1, 1, 2);
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

/** The elementwise parts of `y` the moments are sums of: its positive and negative parts and sign. */
export interface MomentFields {
  pos: string;
  neg: string;
  sign: string;
}

/** Computes the elementwise parts once, so whole-frame and per-block sums can share them. */
export function momentFields(g: GraphBuilder, y: string): MomentFields {
  return { pos: g.op('Relu', [y]), neg: g.op('Relu', [g.op('Neg', [y])]), sign: g.op('Sign', [y]) };
}

/**
 * Reduces the fields over `axes` (after `view`, e.g. a block reshape), then applies `perm` to every
 * reduced sum (to move the distribution axis last). `total` is the float sample count per sum.
 */
export function reduceMoments(
  g: GraphBuilder,
  f: MomentFields,
  axes: number[],
  total: string,
  view: (t: string) => string = (t) => t,
  perm?: number[],
): Moments {
  const ax = g.ints(axes);
  const red = (op: string, t: string) => {
    const r = g.op(op, [view(t), ax], { keepdims: 0 });
    return perm ? g.op('Transpose', [r], { perm }) : r;
  };
  const diff = red('ReduceSum', f.sign); // P − Nn
  const nonzero = red('ReduceL1', f.sign); // P + Nn
  const half = g.scalar(0.5);
  return {
    posCount: g.op('Mul', [g.op('Add', [nonzero, diff]), half]),
    negCount: g.op('Mul', [g.op('Sub', [nonzero, diff]), half]),
    posSq: red('ReduceSumSquare', f.pos),
    negSq: red('ReduceSumSquare', f.neg),
    absSum: g.op('Add', [red('ReduceSum', f.pos), red('ReduceSum', f.neg)]),
    total,
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
  const table = g.constant({ data: grid.ratio, dims: [n] }, 'ratio');
  const dist = g.op('Abs', [g.op('Sub', [g.op('Unsqueeze', [rn, g.ints([-1])]), table])]);
  const idx = g.op('ArgMin', [dist], { axis: -1, keepdims: 0 });
  const pick = (t: Float64Array, name: string) => g.op('Gather', [g.constant({ data: t, dims: [n] }, name), idx], { axis: 0 });
  return {
    gamma: pick(grid.gamma, 'gam'),
    leftStd,
    rightStd,
    betaScale: pick(grid.betaScale, 'beta'),
    meanScale: pick(grid.meanScale, 'mean'),
  };
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
