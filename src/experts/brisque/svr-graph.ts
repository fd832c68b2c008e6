/**
 * OpenCV's LIVE-trained BRISQUE regressor as graph nodes: min/max scaling of the 36 features to
 * [−1, 1], then the RBF epsilon-SVR y = Σ αᵢ exp(−γ |x − svᵢ|²) − ρ (unclamped).
 */
import type { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import svr from './svr.json' with { type: 'json' };

/** Regresses features [..., 36] → [...]. */
export function svrRaw(g: GraphBuilder, features: string): string {
  const d = svr.featureMin.length;
  const nsv = svr.supportVectors.length;
  const lo = g.constant({ data: svr.featureMin, dims: [d] }, 'fmin');
  const span = g.constant({ data: svr.featureMax.map((m, i) => 2 / (m - svr.featureMin[i]!)), dims: [d] }, 'fspan');
  const x = g.op('Sub', [g.op('Mul', [g.op('Sub', [features, lo]), span]), g.scalar(1)]);
  // |x − sv|² = |x|² − 2 x·sv + |sv|², with the support vectors as one [36, nsv] matrix.
  const svT = g.constant({ data: transpose(svr.supportVectors), dims: [d, nsv] }, 'sv');
  const svSq = g.constant({ data: svr.supportVectors.map((v) => v.reduce((a, b) => a + b * b, 0)), dims: [nsv] }, 'svsq');
  const xSq = g.op('ReduceSumSquare', [x, g.ints([-1])], { keepdims: 1 });
  const cross = g.op('MatMul', [x, svT]);
  const d2 = g.op('Add', [g.op('Sub', [xSq, g.op('Mul', [cross, g.scalar(2)])]), svSq]);
  const k = g.op('Exp', [g.op('Mul', [g.op('Relu', [d2]), g.scalar(-svr.gamma)])]);
  const alpha = g.constant({ data: svr.alpha, dims: [nsv, 1] }, 'alpha');
  const y = g.op('Squeeze', [g.op('MatMul', [k, alpha]), g.ints([-1])]);
  return g.op('Sub', [y, g.scalar(svr.rho)]);
}

function transpose(rows: number[][]): number[] {
  const d = rows[0]!.length;
  const out: number[] = [];
  for (let j = 0; j < d; j++) for (const r of rows) out.push(r[j]!);
  return out;
}
