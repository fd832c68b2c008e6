/**
 * Overexposure expert: how far the picture ran past white. Two symptoms add up:
 * - clipped plateaus: pixels whose whole 5×5 neighbourhood sits at the top of the range (detail
 *   gone), counted only when the pixels around the plateaus are bright themselves (a scene pushed past
 *   white rolls into them through bright shoulders; a white page, a drawing's paper or a title card
 *   meets dark strokes at a hard edge and is content). The gate opens from 35 % bright ring pixels
 *   and is full at 55 %: the further a scene is pushed, the more of its bright shoulders clip into
 *   the plateau and the more of the ring is darker objects' edges (real clips at gains 1.15 to 2.5
 *   read 0.54 to 0.95 bright; pages with text read near 0), so a higher gate read the worst blow-outs
 *   as milder than the mild ones;
 * - lifted blacks: the darkest 1 % of the picture sits well above black (a brightened picture has no
 *   shadows left; nearly every scene, bright ones included, has some).
 * Raw value: plateau share of the frame × shoulder gate + darkest level (0..1). Map: the same per patch.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { clippedHighlights, levelExtremes, perFrame } from '../../../scripts/onnx/ops-exposure.ts';
import { patchMean, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { ramp } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

/** Builds the overexposure model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const { plateau, shoulder } = clippedHighlights(g, x);
  // Only the darkest level is read; the builder leaves out the brightest level's TopK and the 4×4 cells.
  const { lo } = levelExtremes(g, x);
  const clipped = g.op('Mul', [plateau, ramp(g, shoulder, 0.35, 0.55)]);
  const perPixel = g.op('Add', [clipped, perFrame(g, lo)]);
  const score = g.op('ReduceMean', [perPixel, g.ints([1, 2, 3])], { keepdims: 0 });
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, patchMean(g, perPixel, meta.inputs.patch)), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
