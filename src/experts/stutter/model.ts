/**
 * Stutter expert: uneven cadence. Two cues, per frame:
 * - timing: how far the interval to the previous frame strays from the batch's median interval
 *   (|interval/median - 1|, with a 15% dead zone for timestamp rounding, scaled so one dropped
 *   frame, a double interval, gives 1; capped at 4), counted only where the picture moves before
 *   and across the interval, so a gap is stutter only when it is visible;
 * - content: a short hold, i.e. a still frame (see `stillness` in scripts/onnx/ops-temporal.ts)
 *   that is the 1st, 2nd or 3rd repeat of a picture that arrived with clear motion. A picture shown
 *   2–4 times and then a jump is a cadence fault; a longer hold is a freeze (the freeze expert's
 *   job). Only past frames are read (a batch's last frame has no future), so the first repeats of a
 *   long hold score here too; the localizer gives such marks to the freeze they start.
 * The score is the larger cue (0 = even cadence, 1 = one dropped or doubled frame). The first frame
 * of a video has no interval and no predecessor. The map spreads the frame's value over the patch
 * grid: cadence is a property of the whole picture.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { broadcastToGrid, clip, delay, diffPrev, median1d, stillness, zeroFirst } from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** Relative interval error treated as timestamp rounding. */
const DEAD_ZONE = 0.15;
/** Longest run of repeats that is a cadence fault rather than a freeze. */
const MAX_REPEATS = 3;

/** Builds the stutter model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['T', 1, 'H', 'W']);
  const t = g.input('t', ['T']);
  const { still, moving, grid } = stillness(g, x, meta.inputs.patch);
  // A timing fault shows only where the picture moves across the interval and before it: a long
  // interval over a still or barely changing picture (variable frame rate, a screen recording) is not seen.
  const visible = g.op('Min', [moving, delay(g, moving, 1)]);
  const timing = g.op('Mul', [zeroFirst(g, timingDeviation(g, t)), visible]);
  const score = g.op('Max', [timing, shortHold(g, still, moving)]);
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

/**
 * 0..1: the frame is the r-th repeat (r ≤ MAX_REPEATS) of a picture that came in moving:
 * still[i]·…·still[i-r+1]·(1 - still[i-r])·moving[i-r], the largest over r.
 */
function shortHold(g: GraphBuilder, still: string, moving: string): string {
  const mul = (a: string, b: string) => g.op('Mul', [a, b]);
  const entered = mul(g.op('Sub', [g.scalar(1), still]), moving);
  let run = still;
  let best: string | undefined;
  for (let r = 1; r <= MAX_REPEATS; r++) {
    const mark = mul(run, delay(g, entered, r));
    best = best ? g.op('Max', [best, mark]) : mark;
    run = mul(run, delay(g, still, r));
  }
  return best!;
}
