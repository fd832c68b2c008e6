/**
 * Black-frame expert: a frame is black when its mean luma is near video black (16 in limited
 * range, 0 in full range, so "at most ~22–32") and it is nearly flat (standard deviation under
 * ~3–8 code values, which still allows noise and faint grain). A dark but textured night shot has
 * a low mean but a large deviation and is not black. Per frame: 0..1 (1 = black). The map gives the
 * same test per patch, within frames that are black, so letterbox bars of a normal frame stay dark.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { patchMeanStd, perFrame4d, ramp } from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** Mean luma at or under which a flat frame is fully black, and the level where it stops being. */
const DARK: [number, number] = [32, 22];
/** Standard deviation at or under which a dark frame is fully black, and where it stops being. */
const FLAT: [number, number] = [8, 3];

/** Builds the black-frame model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['T', 1, 'H', 'W']);
  const black = (m: string, s: string) => g.op('Mul', [ramp(g, m, ...DARK), ramp(g, s, ...FLAT)]);
  const patch = patchMeanStd(g, x, meta.inputs.patch);
  // Frame statistics from the patch statistics (one pass over the pixels for both).
  const axes = g.ints([1, 2, 3]);
  const mean = g.op('ReduceMean', [patch.mean, axes], { keepdims: 0 });
  const second = g.op('ReduceMean', [g.op('Add', [g.op('Mul', [patch.std, patch.std]), g.op('Mul', [patch.mean, patch.mean])]), axes], { keepdims: 0 });
  const std = g.op('Sqrt', [g.op('Relu', [g.op('Sub', [second, g.op('Mul', [mean, mean])])])]);
  const score = black(mean, std);
  const map = g.op('Mul', [black(patch.mean, patch.std), perFrame4d(g, score)]);
  g.output(score, 'score', ['T']);
  g.output(squeezeChannel(g, map), 'map', ['T', 'Ph', 'Pw']);
  return g.toBytes();
}
