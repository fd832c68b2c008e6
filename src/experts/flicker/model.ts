/**
 * Flicker expert: luminance oscillation that motion does not explain. For each frame the change
 * from the previous one is split into a global part G (the frame-mean difference) and its spread
 * across patches S (mean |patch-mean difference - G|). Motion moves patches in different
 * directions (large S); flicker moves all of them together. The global part is weighted by
 * |G| / (|G| + 2S + 0.25) and flicker is counted only when it alternates in sign over three
 * consecutive differences (up, down, up), so fades, cuts and single flashes (a lone black frame)
 * do not count. Per frame: the alternating amplitude in code values (±a on alternate frames gives
 * about a). The map applies the same alternation test to each patch's mean change.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { patchMean, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { diffPrev, frameMeanStd, perFrame4d, shiftPrev, signFlips } from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** How much patch disagreement (motion) outweighs a global change. */
const SPREAD_WEIGHT = 2;
/** Code values of global change that are always treated as noise-level. */
const NOISE = 0.25;

/** Builds the flicker model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['T', 1, 'H', 'W']);
  // Patch means of the difference are the differences of patch means: pool first, then diff.
  const pd = diffPrev(g, patchMean(g, x, meta.inputs.patch));
  const G = frameMeanStd(g, pd).mean;
  const spread = g.op('ReduceMean', [g.op('Abs', [g.op('Sub', [pd, perFrame4d(g, G)])]), g.ints([1, 2, 3])], { keepdims: 0 });
  const absG = g.op('Abs', [G]);
  const denom = g.op('Add', [g.op('Add', [absG, g.op('Mul', [spread, g.scalar(SPREAD_WEIGHT)])]), g.scalar(NOISE)]);
  const weight = g.op('Div', [absG, denom]);
  const score = alternation(g, g.op('Mul', [G, weight]));
  const map = alternation(g, g.op('Mul', [pd, perFrame4d(g, weight)]));
  g.output(score, 'score', ['T']);
  g.output(squeezeChannel(g, map), 'map', ['T', 'Ph', 'Pw']);
  return g.toBytes();
}

/**
 * Half the smallest magnitude of three consecutive changes that alternate in sign (frames i-2..i),
 * 0 otherwise: ±a brightness on alternate frames gives changes of ±2a, hence a.
 */
function alternation(g: GraphBuilder, change: string): string {
  const flips = signFlips(g, change);
  const sustained = g.op('Min', [flips, shiftPrev(g, flips)]);
  return g.op('Mul', [g.op('Sqrt', [sustained]), g.scalar(0.5)]);
}
