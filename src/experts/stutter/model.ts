/**
 * Stutter expert: uneven cadence. Two cues, per frame:
 * - timing: how far the interval to the previous frame strays from the batch's median interval
 *   (|interval/median - 1|, with a 15% dead zone for timestamp rounding, scaled so one dropped
 *   frame, a double interval, gives 1; capped at 4);
 * - content: a doubled frame, i.e. a frame whose structural change is near zero while both
 *   neighbouring changes show clear motion (moving, repeat, moving again; a repeat followed by a
 *   skip has the same signature). Runs of repeats are freezes, not stutter, and do not count.
 * The score is the larger cue (0 = even cadence, 1 = one dropped or doubled frame). The first frame
 * of a batch has no interval, and the last has no next change for the content cue. The map spreads
 * the frame's value over the patch grid: cadence is a property of the whole picture.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { patchMean, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import {
  broadcastToGrid, clip, diffPrev, frameMeanStd, downscale, median1d, ramp, shiftNext, shiftPrev, structuralChange, zeroFirst,
} from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** Relative interval error treated as timestamp rounding. */
const DEAD_ZONE = 0.15;

/** Builds the stutter model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['T', 1, 'H', 'W']);
  const t = g.input('t', ['T']);
  const timing = zeroFirst(g, timingDeviation(g, t));
  const score = g.op('Max', [timing, doubledFrame(g, x)]);
  const grid = patchMean(g, x, meta.inputs.patch);
  g.output(score, 'score', ['T']);
  g.output(squeezeChannel(g, broadcastToGrid(g, score, grid)), 'map', ['T', 'Ph', 'Pw']);
  return g.toBytes();
}

/** |interval / median interval - 1| past the dead zone, 1 for a double interval, at most 4. */
function timingDeviation(g: GraphBuilder, t: string): string {
  // dt[0] = 0 is the smallest value; median1d's upper-middle pick never reaches it for T ≥ 2.
  const dt = diffPrev(g, t);
  const med = g.op('Max', [median1d(g, dt), g.scalar(1e-4)]);
  const off = g.op('Abs', [g.op('Sub', [g.op('Div', [dt, med]), g.scalar(1)])]);
  const past = g.op('Relu', [g.op('Sub', [off, g.scalar(DEAD_ZONE)])]);
  return clip(g, g.op('Mul', [past, g.scalar(1 / (1 - DEAD_ZONE))]), 0, 4);
}

/** 0..1: the frame repeats its predecessor while the frames around it move. */
function doubledFrame(g: GraphBuilder, x: string): string {
  // Quarter resolution is plenty to see motion; structural change ignores global brightness steps.
  const small = downscale(g, x, 4);
  const change = g.op('ReduceMean', [structuralChange(g, small).change, g.ints([1, 2, 3])], { keepdims: 0 });
  const around = g.op('Min', [shiftPrev(g, change), shiftNext(g, change)]);
  const ratio = g.op('Div', [change, g.op('Max', [around, g.scalar(1e-3)])]);
  const repeat = ramp(g, ratio, 0.45, 0.2);
  const moving = ramp(g, around, 0.5, 1);
  const textured = ramp(g, frameMeanStd(g, small).std, 2, 5);
  return zeroFirst(g, g.op('Mul', [g.op('Mul', [repeat, moving]), textured]));
}
