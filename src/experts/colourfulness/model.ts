/**
 * Colourfulness expert (Hasler & Süsstrunk, 2003): with rg = R − G and yb = (R + G)/2 − B,
 * M = √(σrg² + σyb²) + 0.3·√(μrg² + μyb²), over the frame (score) and over each patch (map).
 * Higher is better.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { square } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

/** M from the means of the opponent channels and of their squares, along channel axis 1. */
function colourfulness(g: GraphBuilder, mean: string, meanSq: string): string {
  const sum = (t: string) => g.op('ReduceSum', [t, g.ints([1])], { keepdims: 0 });
  const m2 = square(g, mean);
  const variance = g.op('Relu', [g.op('Sub', [meanSq, m2])]);
  const spread = g.op('Sqrt', [sum(variance)]);
  const offset = g.op('Sqrt', [sum(m2)]);
  return g.op('Add', [spread, g.op('Mul', [offset, g.scalar(0.3)])]);
}

/** Builds the colourfulness model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 3, 'H', 'W']);
  const p = meta.inputs.patch;
  // 1×1 convolution to the two opponent channels [rg, yb].
  const w = g.constant({ data: [1, -1, 0, 0.5, 0.5, -1], dims: [2, 3, 1, 1] }, 'opponent');
  const opp = g.op('Conv', [x, w], { kernel_shape: [1, 1] });
  const opp2 = square(g, opp);
  const pool = (t: string) => g.op('AveragePool', [t], { kernel_shape: [p, p], strides: [p, p] });
  const frame = (t: string) => g.op('ReduceMean', [t, g.ints([2, 3])], { keepdims: 0 });
  const score = colourfulness(g, frame(opp), frame(opp2)); // [N]
  const map = colourfulness(g, pool(opp), pool(opp2)); // [N,Ph,Pw]
  g.output(score, 'score', ['N']);
  g.output(map, 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
