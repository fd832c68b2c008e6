/**
 * Underexposure expert: how far the picture sank below what the scene can show. The headroom left
 * unused above its brightest 1 % (1 − brightest/255: night scenes keep their lights, a dark garment
 * has a lit room around it) counts only when shadows are also crushed into flat black with dark
 * surroundings (a scene pushed below black), not a dark interface whose background is above black or
 * whose black meets bright strokes; a picture that stays below about a third of white counts anyway. Uniform frames (black) read 0: they are the black expert's.
 * Raw value: headroom × crushed gate. Map: the same per patch, from each patch's brightest cell.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { crushedShadows, levelExtremes, perFrame } from '../../../scripts/onnx/ops-exposure.ts';
import { squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { ramp } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

/** Builds the underexposure model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const { hi, lo, cell } = levelExtremes(g, x);
  const { plateau, shoulder } = crushedShadows(g, x);
  const crushed = g.op('ReduceMean', [plateau, g.ints([1, 2, 3])], { keepdims: 0 });
  const spread = ramp(g, g.op('Sub', [hi, lo]), 4 / 255, 10 / 255);
  const headroom = g.op('Sub', [g.scalar(1), hi]);
  const crushedGate = g.op('Mul', [ramp(g, crushed, 0.03, 0.08), ramp(g, g.op('Reshape', [shoulder, g.ints([-1])]), 0.4, 0.7)]);
  // A picture that does not reach even 30 % of white is underexposed whatever its shadows.
  const gate = g.op('Mul', [g.op('Max', [crushedGate, ramp(g, headroom, 0.55, 0.75)]), spread]);
  const score = g.op('Mul', [headroom, gate]);
  const q = meta.inputs.patch / 4;
  const patchHi = g.op('Mul', [g.op('MaxPool', [cell], { kernel_shape: [q, q], strides: [q, q] }), g.scalar(1 / 255)]);
  const map = g.op('Mul', [g.op('Sub', [g.scalar(1), patchHi]), perFrame(g, gate)]);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
