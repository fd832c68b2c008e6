/**
 * Half-size resamplers that reproduce two reference implementations bit-for-bit in spirit:
 * OpenCV's `resize(..., INTER_CUBIC)` (BRISQUE's second scale) and MATLAB's
 * `imresize(img, 0.5)` with its default bicubic antialiasing (NIQE's second scale).
 */
import type { GraphBuilder } from './graph-builder.ts';
import { dimOf } from './ops-nss.ts';

const MAX = 2 ** 62;

/**
 * OpenCV INTER_CUBIC to (floor(H/2), floor(W/2)): Keys cubic with a = −0.75, pixel centres aligned
 * (half_pixel), edge samples replicated, no antialiasing. ONNX Resize with explicit sizes uses the
 * same scale OpenCV does (in/out), so odd sizes land on the same sample positions.
 */
export function opencvCubicHalf(g: GraphBuilder, x: string): string {
  const two = g.ints([2]);
  const sizes = g.op('Concat', [g.op('Shape', [x], { start: 0, end: 2 }), g.op('Div', [dimOf(g, x, 2), two]), g.op('Div', [dimOf(g, x, 3), two])], { axis: 0 });
  return g.op('Resize', [x, '', '', sizes], {
    mode: 'cubic',
    cubic_coeff_a: -0.75,
    coordinate_transformation_mode: 'half_pixel',
    exclude_outside: 0,
  });
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
