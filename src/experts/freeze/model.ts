/**
 * Freeze expert: the picture is held. A frame is still when it repeats the previous one up to
 * encoder noise (see `stillness` in scripts/onnx/ops-temporal.ts); it counts as frozen only when it
 * and the three frames before it are all still, i.e. the same picture has been shown for at least
 * five frames. Shorter holds (a picture shown 2–4 times, then a jump) are cadence faults and belong
 * to the stutter expert, so one cause gives one type. Timestamp gaps are not read here: a long
 * interval in variable-frame-rate video is how encoders store a picture that does not change, and a
 * gap that shows as a jump is the stutter expert's. Flat frames (black, solid cards) carry no
 * evidence and are left to other experts. The input `t` is kept for the temporal contract.
 * Per frame: 0..1 (1 = frozen); the first frames of a video have no history and score 0. The map
 * spreads the frame's value over the patch grid: a held picture is held everywhere.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { broadcastToGrid, delay, stillness } from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** Consecutive still frames (this one and those before it) that make a freeze. */
export const HOLD_FRAMES = 4;

/** Builds the freeze model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['T', 1, 'H', 'W']);
  const t = g.input('t', ['T']);
  const { still, grid } = stillness(g, x, meta.inputs.patch);
  let score = still;
  for (let k = 1; k < HOLD_FRAMES; k++) score = g.op('Min', [score, delay(g, still, k)]);
  // The timestamps do not change the score; a zero-weight term keeps `t` a used graph input.
  score = g.op('Add', [score, g.op('Mul', [g.op('ReduceSum', [t], { keepdims: 1 }), g.scalar(0)])]);
  g.output(score, 'score', ['T']);
  g.output(squeezeChannel(g, broadcastToGrid(g, score, grid)), 'map', ['T', 'Ph', 'Pw']);
  return g.toBytes();
}
