/**
 * Contrast expert: RMS contrast, the standard deviation of luma over the frame (score) and over each
 * patch (map), in code values. Higher is better.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { frameStd, patchStd } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

/** Builds the contrast model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  g.output(frameStd(g, x), 'score', ['N']);
  g.output(squeezeChannel(g, patchStd(g, x, meta.inputs.patch)), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
