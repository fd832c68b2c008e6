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
import { conv2d, edgePad, safeDiv, squeezeChannel } from '../../../scripts/onnx/ops.ts';
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

/** Contour evidence along the last axis of a [N,1,H,W] tensor, same shape. */
function contours(g: GraphBuilder, x: string): string {
  const d = g.op('Abs', [conv2d(g, edgePad(g, x, [0, 0, 0, 1]), [[-1, 1]])]);
  const flat = g.op('Cast', [g.op('Less', [d, g.scalar(FLAT)])], { to: 1 });
  // One-code steps are the 8-bit format's own resolution: every clean 8-bit gradient has them.
  const isStep = g.op('Mul', [ramp(g, d, MIN_STEP - 0.5, MIN_STEP + 0.5), g.op('Sub', [g.scalar(1), ramp(g, d, MAX_STEP, MAX_STEP + 1)])]);
  // Means of `flat` over the RUN differences before and after position x.
  const zeros = new Array<number>(RUN + 1).fill(0);
  const ones = new Array<number>(RUN).fill(1 / RUN);
  const before = conv2d(g, flat, [[...ones, ...zeros]], [0, RUN, 0, RUN]);
  const after = conv2d(g, flat, [[...zeros, ...ones]], [0, RUN, 0, RUN]);
  const flanked = g.op('Mul', [ramp(g, before, 0.9, 0.99), ramp(g, after, 0.9, 0.99)]);
  const weight = g.op('Mul', [g.op('Mul', [d, d]), g.scalar(1 / WEIGHT_SCALE)]);
  return g.op('Mul', [g.op('Mul', [isStep, flanked]), weight]);
}

/**
 * How much of the contour evidence `c` [N,1,H,W] sits on one column phase of an 8-px grid → [N].
 * False contours of a gradient follow its isolines at any column; the flat blocks of heavy
 * compression put theirs on the block grid.
 */
function gridShare(g: GraphBuilder, c: string): string {
  const width = g.op('Gather', [g.op('Shape', [c]), g.ints([3])], { axis: 0 });
  const whole = g.op('Mul', [g.op('Div', [width, g.ints([BLOCK])]), g.ints([BLOCK])]);
  const cropped = g.op('Slice', [c, g.ints([0]), whole, g.ints([3])]);
  const phases = g.op('ReduceSum', [g.op('Reshape', [cropped, g.ints([0, 0, 0, -1, BLOCK])]), g.ints([1, 2, 3])], { keepdims: 0 });
  return safeDiv(g, g.op('ReduceMax', [phases, g.ints([1])], { keepdims: 0 }), g.op('ReduceSum', [phases, g.ints([1])], { keepdims: 0 }), 1e-3);
}

/** Builds the banding model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  const t = (v: string) => g.op('Transpose', [v], { perm: [0, 1, 3, 2] });
  const across = contours(g, x);
  const down = t(contours(g, t(x)));
  // A block grid puts contours on one phase in both directions; a straight isoline (a sky graded
  // top to bottom) only in one, so only the weaker direction's share decides.
  const share = g.op('Min', [gridShare(g, across), gridShare(g, t(down))]);
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
