/**
 * Banding expert: false contours in smooth gradients. A contour pixel is a small step (from 3.5 code
 * values up to `MAX_STEP`) with a flat run (within 1.5 code values, as coding leaves plateaus) of `RUN`
 * pixels on both sides, which smooth
 * natural gradients and texture rarely have but posterized ones have everywhere. Counted in both
 * directions and weighted by the squared step, so coarser quantization, with taller steps, weighs
 * more. Score: the square root of the weighted contour density (per 100 pixels), which grows
 * about linearly with the quantization step, or the mean of the most banded 30 % of the patches when
 * that is larger (a banded sky or wall); map: the same per patch. Contours that sit on one phase
 * of an 8-px grid in both directions (the flat blocks of starved MPEG-2 or H.264) are blocking, not
 * banding, and the frame's contours are left out.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { absGradient, conv2d, safeDiv, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { lowestMean, ramp } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

const RUN = 4;
/** Smallest step that counts: above the 1–2-code steps of any clean 8-bit gradient after coding. */
const MIN_STEP = 3.5;
/** Differences below this are "flat": coded plateaus wobble by a code value or so. */
const FLAT = 1.5;
/** Block period whose grid, when it holds most contours, means blocking rather than banding. */
const BLOCK = 8;
/** Share of the patches (the most banded) the regional path averages over. */
const REGION = 0.3;
const MAX_STEP = 40;
/** Step² / WEIGHT_SCALE: a contour of height q weighs ∝ q², so with q/ramp-height contours in a
 * gradient the total still grows with q (a linear weight would keep it constant). */
const WEIGHT_SCALE = 8;

/**
 * Contour evidence along the columns (`across`, steps between horizontal neighbours) or the rows
 * (`down`) of a [N,1,H,W] tensor, same shape. Both directions run on the frame as it is, with row or
 * column kernels (no transposed copies of the frame).
 */
function contours(g: GraphBuilder, x: string, along: 'across' | 'down'): string {
  const row = along === 'across';
  // A kernel laid along the direction, and [top, left, bottom, right] pads before and after it.
  const kernel = (taps: number[]) => (row ? [taps] : taps.map((v) => [v]));
  const pads = (before: number, after: number): [number, number, number, number] => (row ? [0, before, 0, after] : [before, 0, after, 0]);
  const d = absGradient(g, x, row ? 'dx' : 'dy');
  const flat = g.op('Cast', [g.op('Less', [d, g.scalar(FLAT)])], { to: 1 });
  // One-code steps are the 8-bit format's own resolution: every clean 8-bit gradient has them.
  // Both soft steps are one code value wide, so ramp(d, a, a + 1) = clip(d − a, 0, 1) and
  // 1 − ramp(d, b, b + 1) = clip(b + 1 − d, 0, 1): no scaling pass.
  const isStep = g.op('Mul', [
    g.op('Clip', [g.op('Sub', [d, g.scalar(MIN_STEP - 0.5)]), g.scalar(0), g.scalar(1)]),
    g.op('Clip', [g.op('Sub', [g.scalar(MAX_STEP + 1), d]), g.scalar(0), g.scalar(1)]),
  ]);
  // Flanked: all RUN differences before position x and all RUN after it are flat. The means of
  // `flat` over each side are multiples of 1/RUN, so ramp(mean, 0.9, 0.99) is 1 exactly when the side
  // is all flat and 0 otherwise; one convolution sums both sides (exact: multiples of 1/RUN), and
  // the product of the two ramps is 1 exactly when that sum is 2.
  const ones = new Array<number>(RUN).fill(1 / RUN);
  const sides = conv2d(g, flat, kernel([...ones, 0, ...ones]), pads(RUN, RUN));
  const flanked = g.op('Clip', [g.op('Mul', [g.op('Sub', [sides, g.scalar(2 - 0.5 / RUN)]), g.scalar(2 * RUN)]), g.scalar(0), g.scalar(1)]);
  const weight = g.op('Mul', [g.op('Mul', [d, d]), g.scalar(1 / WEIGHT_SCALE)]);
  return g.op('Mul', [g.op('Mul', [isStep, flanked]), weight]);
}

/**
 * How much of the contour evidence `c` [N,1,H,W] sits on one phase of an 8-px grid → [N]: the
 * column phase for `across`, the row phase for `down`. False contours of a gradient follow its
 * isolines at any position; the flat blocks of heavy compression put theirs on the block grid.
 */
function gridShare(g: GraphBuilder, c: string, along: 'across' | 'down'): string {
  const axis = along === 'across' ? 3 : 2;
  const size = g.op('Gather', [g.op('Shape', [c]), g.ints([axis])], { axis: 0 });
  const whole = g.op('Mul', [g.op('Div', [size, g.ints([BLOCK])]), g.ints([BLOCK])]);
  const cropped = g.op('Slice', [c, g.ints([0]), whole, g.ints([axis])]);
  // Sums per column (or per row), folded into BLOCK phases → [N, BLOCK].
  const lines = along === 'across' ? g.op('ReduceSum', [cropped, g.ints([2])], { keepdims: 0 }) : g.op('ReduceSum', [cropped, g.ints([3])], { keepdims: 0 });
  const phaseSums = g.op('ReduceSum', [g.op('Reshape', [lines, g.ints([0, 0, -1, BLOCK])]), g.ints([1, 2])], { keepdims: 0 });
  return safeDiv(g, g.op('ReduceMax', [phaseSums, g.ints([1])], { keepdims: 0 }), g.op('ReduceSum', [phaseSums, g.ints([1])], { keepdims: 0 }), 1e-3);
}

/** Builds the banding model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  const across = contours(g, x, 'across');
  const down = contours(g, x, 'down');
  // A block grid puts contours on one phase in both directions; a straight isoline (a sky graded
  // top to bottom) only in one, so only the weaker direction's share decides.
  const share = g.op('Min', [gridShare(g, across, 'across'), gridShare(g, down, 'down')]);
  const offGrid = g.op('Reshape', [g.op('Sub', [g.scalar(1), ramp(g, share, 0.3, 0.55)]), g.ints([-1, 1, 1, 1])]);
  const both = g.op('Mul', [g.op('Mul', [g.op('Add', [across, down]), offGrid]), g.scalar(100)]);
  const map = g.op('Sqrt', [g.op('AveragePool', [both], { kernel_shape: [p, p], strides: [p, p] })]);
  const global = g.op('Sqrt', [g.op('ReduceMean', [both, g.ints([1, 2, 3])], { keepdims: 0 })]);
  // Regional path: banding in a sky or a wall that fills a third of the frame shows on its own.
  const regional = g.op('Neg', [lowestMean(g, g.op('Neg', [map]), REGION)]);
  const score = g.op('Max', [global, regional]);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
