/**
 * Graph skeleton shared by the exposure experts: a per-pixel weight in 0..1 from the luma level,
 * averaged per patch (map) and over the frame (score, the weighted fraction of the area).
 */
import { GraphBuilder } from './graph-builder.ts';
import { squeezeChannel } from './ops.ts';

/** Builds a model whose score is the mean of `weight(x)` over the frame and map its patch means. */
export function areaFractionModel(name: string, patch: number, weight: (g: GraphBuilder, x: string) => string): Uint8Array {
  const g = new GraphBuilder(name);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const w = weight(g, x);
  const map = g.op('AveragePool', [w], { kernel_shape: [patch, patch], strides: [patch, patch] });
  const score = g.op('ReduceMean', [w, g.ints([1, 2, 3])], { keepdims: 0 });
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
