/**
 * Freeze expert: a frame repeats the previous one when its structural change (absolute frame
 * difference with the global brightness change removed, on the 4x4-downscaled frame) stays below
 * the encoder-noise level on almost every patch: the 90th percentile of patch changes under
 * ~0.2–0.45 code values and no patch above ~0.9–2. A re-encoded frozen frame differs by a few
 * tenths of a code value; even a still camera shot usually carries sensor noise above that.
 * Flat frames (black, solid cards) carry no evidence and are left to other experts. Timestamps add held frames: an interval of 4+ times the
 * batch's median interval counts as a fully frozen frame (2–4 ramps up; single skips are stutter).
 * Per frame: 0..1 (1 = frozen); the first frame of a batch has no predecessor and scores 0.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { patchMean, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import {
  diffPrev, flattenFrames, frameMeanStd, downscale, median1d, perFrame4d, ramp, rowQuantileFromTop, structuralChange, zeroFirst,
} from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** Downscale factor before measuring change. */
const SCALE = 4;

/** Builds the freeze model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['T', 1, 'H', 'W']);
  const t = g.input('t', ['T']);
  // Quarter resolution: encoder noise and motion both survive, at 1/16 of the cost.
  const small = downscale(g, x, SCALE);
  // Structural change: the global brightness step is removed so flicker or fades don't mask a repeat.
  const { change } = structuralChange(g, small);
  const patches = patchMean(g, change, meta.inputs.patch / SCALE);
  const p90 = rowQuantileFromTop(g, flattenFrames(g, patches), 0.1);
  const pMax = g.op('ReduceMax', [patches, g.ints([1, 2, 3])], { keepdims: 0 });
  const textured = ramp(g, frameMeanStd(g, small).std, 2, 5);
  const still = g.op('Mul', [ramp(g, p90, 0.45, 0.2), ramp(g, pMax, 2, 0.9)]);
  const content = zeroFirst(g, g.op('Mul', [still, textured]));
  // Held frames from the timing: interval relative to the batch's median interval (dt[0] = 0 is the
  // smallest value and median1d's upper-middle pick never reaches it for two or more frames).
  const dt = diffPrev(g, t);
  const med = g.op('Max', [median1d(g, dt), g.scalar(1e-4)]);
  const held = ramp(g, g.op('Div', [dt, med]), 2, 4);
  const score = g.op('Max', [content, held]);
  // Map: which patches are unchanged, within frames judged frozen.
  const patchStill = ramp(g, patches, 0.9, 0.3);
  const map = g.op('Max', [g.op('Mul', [patchStill, perFrame4d(g, content)]), perFrame4d(g, held)]);
  g.output(score, 'score', ['T']);
  g.output(squeezeChannel(g, map), 'map', ['T', 'Ph', 'Pw']);
  return g.toBytes();
}
