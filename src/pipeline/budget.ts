/**
 * Predicts how long each tier takes on a video from measured costs, and picks the richest tier that
 * fits a time budget. Expert costs are each expert's `costPerFrameMs` (measured per 540p frame on wasm
 * by `bench/expert-cost.ts`); decoding and copying cost about 4.5 ns per pixel of every decoded frame
 * (the benchmark's decode-only pass in the worker: 360p–1080p H.264 at 1.1–9.4 ms a frame). Tier 0
 * runs on the bursts its probe read, which decode about one and a half frames for each one kept
 * (from a keyframe, with the decoder's reordering delay).
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { Tier } from '../report/types.ts';
import { availableExperts, makePlan } from './plan.ts';
import { PROBE_FRAMES } from './probe.ts';

const DECODE_MS_PER_PIXEL = 4.5e-6;
const SPARSE_READ_FACTOR = 1.5;
/** Session start, probe and routing: a fixed part of every analysis. */
const FIXED_MS = 250;

type VideoShape = { width: number; height: number; durationS: number; frameCount: number };

/** Predicted milliseconds of an analysis at a tier (before routing: every available expert counted). */
export function predictTierMs(tier: Tier, video: VideoShape, experts: readonly ExpertMeta[], ep: 'webgpu' | 'wasm'): number {
  const plan = makePlan(tier, video, availableExperts(tier, video, experts, ep), ep);
  const framePixels = video.width * video.height;
  const glanced = plan.budget.burst ? Math.min(video.frameCount, PROBE_FRAMES * plan.budget.burst) : 0;
  const decodedFrames = plan.budget.burst ? glanced * SPARSE_READ_FACTOR : video.frameCount;
  const decodeMs = decodedFrames * framePixels * DECODE_MS_PER_PIXEL;
  const scaleOf = (s: { width: number; height: number }) => (s.width * s.height) / (960 * 540);
  const temporalFrames = plan.budget.burst ? glanced : video.frameCount;
  let expertMs = 0;
  for (const { meta, stride } of plan.experts) {
    if (meta.inputs.stream === 'temporal') expertMs += meta.costPerFrameMs * scaleOf(plan.temporalSize) * temporalFrames;
    else expertMs += meta.costPerFrameMs * scaleOf(plan.analysisSize) * Math.ceil(plan.analysisTimes.length / stride);
  }
  // Decoding and inference run on two threads at once in the app: the slower of the two sets the pace.
  return FIXED_MS + Math.max(decodeMs, expertMs) + 0.2 * Math.min(decodeMs, expertMs);
}

/** The richest tier whose predicted time fits the budget; tier 0 (with `fits: false`) when none does. */
export function tierForBudget(budgetMs: number, video: VideoShape, experts: readonly ExpertMeta[], ep: 'webgpu' | 'wasm'): { tier: Tier; predictedMs: number; fits: boolean } {
  for (const tier of [2, 1, 0] as const) {
    const predictedMs = predictTierMs(tier, video, experts, ep);
    if (predictedMs <= budgetMs) return { tier, predictedMs, fits: true };
  }
  return { tier: 0, predictedMs: predictTierMs(0, video, experts, ep), fits: false };
}
