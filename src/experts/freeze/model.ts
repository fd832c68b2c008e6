/**
 * Freeze expert: a frame repeats the previous one when its structural change (absolute frame
 * difference with the global brightness change removed) stays below the encoder-noise level on
 * almost every patch: the 90th percentile of patch changes under ~0.4–0.9 code values and no
 * patch above ~1.5–4. A re-encoded frozen frame differs by a few tenths of a code value; even a
 * still camera shot carries sensor noise above that. Flat frames (black, solid cards) carry no
 * evidence and are left to other experts. Timestamps add held frames: an interval of 4+ times the
 * batch's median interval counts as a fully frozen frame (2–4 ramps up; single skips are stutter).
 * Per frame: 0..1 (1 = frozen); the first frame of a batch has no predecessor and scores 0.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { patchMean, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import {
  diffPrev, flattenFrames, frameMeanStd, median1d, perFrame4d, ramp, rowQuantileFromTop, zeroFirst,
} from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** Builds the freeze model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['T', 1, 'H', 'W']);
  const t = g.input('t', ['T']);
  const d = diffPrev(g, x);
  const { mean: dMean } = frameMeanStd(g, d);
  // Structural change: remove the global brightness step so flicker or fades don't mask a repeat.
  const change = g.op('Abs', [g.op('Sub', [d, perFrame4d(g, dMean)])]);
  const patches = patchMean(g, change, meta.inputs.patch);
  const p90 = rowQuantileFromTop(g, flattenFrames(g, patches), 0.1);
  const pMax = g.op('ReduceMax', [patches, g.ints([1, 2, 3])], { keepdims: 0 });
  const textured = ramp(g, frameMeanStd(g, x).std, 2, 5);
  const still = g.op('Mul', [ramp(g, p90, 0.9, 0.4), ramp(g, pMax, 4, 1.5)]);
  const content = zeroFirst(g, g.op('Mul', [still, textured]));
  // Held frames from the timing: interval relative to the batch's median interval.
  const dt = diffPrev(g, t);
  const med = g.op('Max', [median1d(g, dt), g.scalar(1e-4)]);
  const held = ramp(g, g.op('Div', [dt, med]), 2, 4);
  const score = g.op('Max', [content, held]);
  // Map: which patches are unchanged, within frames judged frozen.
  const patchStill = ramp(g, patches, 1.5, 0.5);
  const map = g.op('Max', [g.op('Mul', [patchStill, perFrame4d(g, content)]), perFrame4d(g, held)]);
  g.output(score, 'score', ['T']);
  g.output(squeezeChannel(g, map), 'map', ['T', 'Ph', 'Pw']);
  return g.toBytes();
}
