/**
 * Half-size resamplers that reproduce two reference implementations bit-for-bit in spirit:
 * OpenCV's `resize(..., INTER_CUBIC)` (BRISQUE's second scale) and MATLAB's
 * `imresize(img, 0.5)` with its default bicubic antialiasing (NIQE's second scale).
 */
import type { GraphBuilder } from './graph-builder.ts';
import { dimOf } from './ops-nss.ts';

const MAX = 2 ** 62;

/**
 * OpenCV INTER_CUBIC to (floor(H/2), floor(W/2)): Keys cubic with a = −0.75, pixel centres aligned,
 * edge samples replicated, no antialiasing. Like OpenCV's resize, each output position reads the 4
 * source samples around (o + 0.5)·in/out − 0.5 with the cubic weights of its fractional part, so
 * odd sizes (scale slightly above 2) are exact too. Rows are gathered first (whole contiguous rows),
 * then columns, as rows of the transposed half-height image.
 */
export function opencvCubicHalf(g: GraphBuilder, x: string): string {
  const v = cubicHalfRows(g, x);
  const t = cubicHalfRows(g, g.op('Transpose', [v], { perm: [0, 1, 3, 2] }));
  return g.op('Transpose', [t], { perm: [0, 1, 3, 2] });
}

const A = -0.75;

/** Halves axis 2 of [N,C,H,W] with OpenCV's cubic weights (see opencvCubicHalf). */
function cubicHalfRows(g: GraphBuilder, x: string): string {
  const n = dimOf(g, x, 2);
  const half = g.op('Div', [n, g.ints([2])]);
  const nf = g.op('Cast', [n], { to: 1 });
  const hf = g.op('Cast', [half], { to: 1 });
  const o = g.op('Range', [g.scalar(0), g.op('Squeeze', [hf, g.ints([0])]), g.scalar(1)]);
  const pos = g.op('Sub', [g.op('Mul', [g.op('Add', [o, g.scalar(0.5)]), g.op('Div', [nf, hf])]), g.scalar(0.5)]);
  const base = g.op('Floor', [pos]);
  const t = g.op('Sub', [pos, base]);
  const c = (v: number) => g.scalar(v);
  const mul = (...a: string[]) => a.reduce((p, q) => g.op('Mul', [p, q]));
  const add = (p: string, q: string) => g.op('Add', [p, q]);
  // OpenCV's interpolateCubic: the first three weights by formula, the fourth as 1 − their sum.
  const t1 = add(t, c(1));
  const w0 = g.op('Sub', [mul(add(mul(add(mul(c(A), t1), c(-5 * A)), t1), c(8 * A)), t1), c(4 * A)]);
  const u = g.op('Sub', [c(1), t]);
  const w1 = add(mul(g.op('Sub', [mul(c(A + 2), t), c(A + 3)]), t, t), c(1));
  const w2 = add(mul(g.op('Sub', [mul(c(A + 2), u), c(A + 3)]), u, u), c(1));
  const w3 = g.op('Sub', [g.op('Sub', [g.op('Sub', [c(1), w0]), w1]), w2]);
  const last = g.op('Sub', [nf, c(1)]);
  const terms = [w0, w1, w2, w3].map((w, k) => {
    const idx = g.op('Cast', [g.op('Clip', [add(base, c(k - 1)), c(0), g.op('Squeeze', [last, g.ints([0])])])], { to: 7 });
    return g.op('Mul', [g.op('Gather', [x, idx], { axis: 2 }), g.op('Unsqueeze', [w, g.ints([1])])]);
  });
  return terms.reduce((p, q) => add(p, q));
}

/** MATLAB's bicubic kernel (a = −0.5). */
function cubic(x: number): number {
  const a = Math.abs(x);
  if (a <= 1) return 1.5 * a ** 3 - 2.5 * a ** 2 + 1;
  if (a <= 2) return -0.5 * a ** 3 + 2.5 * a ** 2 - 4 * a + 2;
  return 0;
}

/**
 * The 8 taps MATLAB's imresize uses at scale 0.5 with antialiasing: the kernel is widened to
 * 4/scale and scaled by `scale`; output o (0-based) reads inputs 2o−3 … 2o+4.
 */
export function matlabHalfTaps(): number[] {
  const d = [3.5, 2.5, 1.5, 0.5, -0.5, -1.5, -2.5, -3.5];
  const w = d.map((v) => 0.5 * cubic(0.5 * v));
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / s);
}

/** MATLAB 'symmetric' padding by `p` along one axis: x2 x1 x0 | x0 x1 … | xn−1 xn−2 xn−3. */
function symmetricPad(g: GraphBuilder, x: string, axis: number, p: number): string {
  const ax = g.ints([axis]);
  const step = g.ints([-1]);
  const head = g.op('Slice', [x, g.ints([p - 1]), g.ints([-MAX]), ax, step]);
  const tail = g.op('Slice', [x, g.ints([-1]), g.ints([-1 - p]), ax, step]);
  return g.op('Concat', [head, x, tail], { axis });
}

/**
 * imresize(x, 0.5) with antialiasing on a [N,1,H,W] tensor with even H and W: symmetric padding
 * then a stride-2 separable 8-tap filter along each axis.
 */
export function matlabHalf(g: GraphBuilder, x: string): string {
  const taps = matlabHalfTaps();
  const col = g.constant({ data: taps, dims: [1, 1, 8, 1] }, 'imresize_col');
  const row = g.constant({ data: taps, dims: [1, 1, 1, 8] }, 'imresize_row');
  const v = g.op('Conv', [symmetricPad(g, x, 2, 3), col], { kernel_shape: [8, 1], strides: [2, 1] });
  return g.op('Conv', [symmetricPad(g, v, 3, 3), row], { kernel_shape: [1, 8], strides: [1, 2] });
}
