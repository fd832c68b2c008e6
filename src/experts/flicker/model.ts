/**
 * Flicker expert: luminance oscillation that motion does not explain. For each frame the change
 * from the previous one is split into a global part G (the frame-mean difference) and its spread
 * across patches S (mean |patch-mean difference - G|). Motion moves patches in different
 * directions (large S); flicker moves all of them together. The global part is weighted by
 * |G| / (|G| + 2S + 0.25) and flicker is counted only where it keeps reversing: a step against an
 * opposite step at most three frames earlier (brightness pumping with a period of 2 to 6 frames),
 * twice within a few frames, so fades, cuts and single flashes do not count. Per frame: the reversing
 * amplitude in code values (±a on alternate frames gives about a). The map applies the same test to
 * each patch's mean change.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { patchMean, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { diffPrev, frameMeanStd, perFrame4d, shiftPrev } from '../../../scripts/onnx/ops-temporal.ts';
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

/** Earlier changes an opposite step may come from: brightness that pumps with a period of up to 6 frames. */
const REACH = 3;

/**
 * A brightness reversal: the change at frame i against the opposite change nearest in size within the
 * REACH changes before it, max over k of sqrt(max(0, -c[i]·c[i-k])) / 2. ±a brightness on alternate
 * frames gives changes of ±2a, hence a; slower pumping (a held 2 or 3 frames) gives the same. A
 * reversal counts only when another came at most REACH frames before it: a fade or a cut changes one
 * way only, and a lone flash (one bright or black frame) reverses once, so none of them is flicker.
 */
function alternation(g: GraphBuilder, change: string): string {
  let prev = change;
  let best: string | undefined;
  for (let k = 1; k <= REACH; k++) {
    prev = shiftPrev(g, prev);
    const flip = g.op('Relu', [g.op('Neg', [g.op('Mul', [change, prev])])]);
    best = best ? g.op('Max', [best, flip]) : flip;
  }
  // Pumping reverses again and again: keep a reversal only when another one came at most REACH frames earlier.
  let earlier = shiftPrev(g, best!);
  let recent = earlier;
  for (let k = 2; k <= REACH; k++) {
    earlier = shiftPrev(g, earlier);
    recent = g.op('Max', [recent, earlier]);
  }
  return g.op('Mul', [g.op('Sqrt', [g.op('Min', [best!, recent])]), g.scalar(0.5)]);
}
