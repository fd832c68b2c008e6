/**
 * Sharpness expert: the re-blur ratio. A sharp image loses much of its neighbour-difference
 * energy when blurred again; an already blurred one loses little. Per patch:
 * blur = 1 - Σ max(0, |∇I| - |∇(box9 * I)|) / Σ |∇I|, pooled energy-weighted over the frame.
 * Range 0 (sharp) .. 1 (fully blurred); flat patches carry no weight. The frame score is the larger
 * of that energy-weighted ratio and the mean ratio of the blurriest 30 % of the patches (flat patches
 * take the frame's value), so a blurred region of a third of the frame or more is seen too.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { absGradients, safeDiv, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { lowestMean, ramp } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

const TAPS = 9;
/** Mean |∇| (code values) from which a patch has enough structure to be judged. */
const JUDGE_LO = 1.5;
const JUDGE_HI = 3;
/** Share of the patches the regional path averages over (the blurriest ones). */
const REGION = 0.3;
/** Excess of the blurriest patches over the sharper half from which the regional path starts, and counts fully. */
const CONTRAST_LO = 0.15;
const CONTRAST_HI = 0.3;

/** Mean of the largest `fraction` of each frame's values of x [N,...] → [N]. */
function topMean(g: GraphBuilder, x: string, fraction: number): string {
  return g.op('Neg', [lowestMean(g, g.op('Neg', [x]), fraction)]);
}

/**
 * |forward difference| of the TAPS-wide box blur (zero-padded) along the columns (`dx`) or rows (`dy`),
 * the last column/row zero as absGradient gives it. The blur is never needed itself: a box window
 * moved by one pixel gains one sample and loses one, so the difference is (x[i + h + 1] − x[i − h]) / TAPS
 * (h = (TAPS − 1) / 2), one dilated two-tap convolution instead of a TAPS-tap blur and a difference
 * (the same values up to float rounding; the blurred sums' own rounding no longer enters).
 */
function boxBlurGradient(g: GraphBuilder, x: string, along: 'dx' | 'dy'): string {
  const h = (TAPS - 1) / 2;
  const dx = along === 'dx';
  const w = g.constant({ data: [-1 / TAPS, 1 / TAPS], dims: dx ? [1, 1, 1, 2] : [1, 1, 2, 1] }, 'step');
  // Padded by h on both sides and read TAPS apart: n − 1 differences, the last row/column then zero.
  const d = g.op('Conv', [x, w], { kernel_shape: dx ? [1, 2] : [2, 1], dilations: dx ? [1, TAPS] : [TAPS, 1], pads: dx ? [0, h, 0, h] : [h, 0, h, 0] });
  return g.op('Abs', [g.op('Pad', [d, g.ints(dx ? [0, 0, 0, 0, 0, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 1, 0])])]);
}

/** Builds the sharpness model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  const img = absGradients(g, x);
  const blurH = boxBlurGradient(g, x, 'dx');
  const blurV = boxBlurGradient(g, x, 'dy');
  const lostH = g.op('Relu', [g.op('Sub', [img.dx, blurH])]);
  const lostV = g.op('Relu', [g.op('Sub', [img.dy, blurV])]);
  const energy = g.op('Add', [img.dx, img.dy]);
  const kept = g.op('Add', [lostH, lostV]);
  // Patch sums (as means: the ratio is unchanged).
  const pool = (t: string) => g.op('AveragePool', [t], { kernel_shape: [p, p], strides: [p, p] });
  const eP = pool(energy);
  const kP = pool(kept);
  const ratioMap = g.op('Sub', [g.scalar(1), safeDiv(g, kP, eP, 0.05)]);
  const eF = g.op('ReduceSum', [eP, g.ints([1, 2, 3])], { keepdims: 0 });
  const kF = g.op('ReduceSum', [kP, g.ints([1, 2, 3])], { keepdims: 0 });
  const global = g.op('Sub', [g.scalar(1), safeDiv(g, kF, eF, 1)]);
  // Patches with too little structure to judge (sky, walls) take the frame's value: neither sharp nor blurred.
  const judged = ramp(g, eP, JUDGE_LO, JUDGE_HI);
  const globalB = g.op('Reshape', [global, g.ints([-1, 1, 1, 1])]);
  const map = g.op('Add', [g.op('Mul', [ratioMap, judged]), g.op('Mul', [globalB, g.op('Sub', [g.scalar(1), judged])])]);
  // Regional path: the blurriest REGION share of the patches, so a blurred face or object shows even
  // when the sharp rest of the frame carries most of the edge energy.
  // It counts as far as it stands out from the sharper half of the same frame: a soft picture is
  // judged by the global ratio, a sharp picture with a blurred part by that part.
  const regional = topMean(g, map, REGION);
  const contrast = ramp(g, g.op('Sub', [regional, lowestMean(g, map, 0.5)]), CONTRAST_LO, CONTRAST_HI);
  const lift = g.op('Mul', [g.op('Relu', [g.op('Sub', [regional, global])]), contrast]);
  const score = g.op('Add', [global, lift]);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
