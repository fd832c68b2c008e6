/**
 * Banding expert: false contours in smooth gradients. A contour pixel is a small step (from 2 code
 * values up to `MAX_STEP`) with an exactly flat run of `RUN` pixels on both sides, which smooth
 * natural gradients and texture rarely have but posterized ones have everywhere. Counted in both
 * directions and weighted by the squared step, so coarser quantization, with taller steps, weighs
 * more. Score: the square root of the weighted contour density (per 100 pixels), which grows
 * about linearly with the quantization step; map: the same per patch.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { conv2d, edgePad, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { ramp } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

const RUN = 4;
const MIN_STEP = 1.5;
const MAX_STEP = 40;
/** Step² / WEIGHT_SCALE: a contour of height q weighs ∝ q², so with q/ramp-height contours in a
 * gradient the total still grows with q (a linear weight would keep it constant). */
const WEIGHT_SCALE = 8;

/** Contour evidence along the last axis of a [N,1,H,W] tensor, same shape. */
function contours(g: GraphBuilder, x: string): string {
  const d = g.op('Abs', [conv2d(g, edgePad(g, x, [0, 0, 0, 1]), [[-1, 1]])]);
  const flat = g.op('Cast', [g.op('Less', [d, g.scalar(0.5)])], { to: 1 });
  // One-code steps are the 8-bit format's own resolution: every clean 8-bit gradient has them.
  const isStep = g.op('Mul', [ramp(g, d, MIN_STEP - 0.1, MIN_STEP + 0.1), g.op('Sub', [g.scalar(1), ramp(g, d, MAX_STEP, MAX_STEP + 1)])]);
  // Means of `flat` over the RUN differences before and after position x.
  const zeros = new Array<number>(RUN + 1).fill(0);
  const ones = new Array<number>(RUN).fill(1 / RUN);
  const before = conv2d(g, flat, [[...ones, ...zeros]], [0, RUN, 0, RUN]);
  const after = conv2d(g, flat, [[...zeros, ...ones]], [0, RUN, 0, RUN]);
  const flanked = g.op('Mul', [ramp(g, before, 0.9, 0.99), ramp(g, after, 0.9, 0.99)]);
  const weight = g.op('Mul', [g.op('Mul', [d, d]), g.scalar(1 / WEIGHT_SCALE)]);
  return g.op('Mul', [g.op('Mul', [isStep, flanked]), weight]);
}

/** Builds the banding model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  const t = (v: string) => g.op('Transpose', [v], { perm: [0, 1, 3, 2] });
  const both = g.op('Mul', [g.op('Add', [contours(g, x), t(contours(g, t(x)))]), g.scalar(100)]);
  const map = g.op('Sqrt', [g.op('AveragePool', [both], { kernel_shape: [p, p], strides: [p, p] })]);
  const score = g.op('Sqrt', [g.op('ReduceMean', [both, g.ints([1, 2, 3])], { keepdims: 0 })]);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
