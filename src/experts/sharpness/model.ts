/**
 * Sharpness expert: the re-blur ratio. A sharp image loses much of its neighbour-difference
 * energy when blurred again; an already blurred one loses little. Per patch:
 * blur = 1 - Σ max(0, |∇I| - |∇(box9 * I)|) / Σ |∇I|, pooled energy-weighted over the frame.
 * Range 0 (sharp) .. 1 (fully blurred); flat patches carry no weight.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { absGradients, conv2d, safeDiv, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import meta from './meta.json' with { type: 'json' };

const TAPS = 9;

/** Builds the sharpness model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  const half = (TAPS - 1) / 2;
  const row = [Array.from({ length: TAPS }, () => 1 / TAPS)];
  const col = row[0]!.map((v) => [v]);
  const bh = conv2d(g, x, row, [0, half, 0, half]);
  const bv = conv2d(g, x, col, [half, 0, half, 0]);
  const img = absGradients(g, x);
  const blurH = absGradients(g, bh).dx;
  const blurV = absGradients(g, bv).dy;
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
  const score = g.op('Sub', [g.scalar(1), safeDiv(g, kF, eF, 1)]);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, ratioMap), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
