/**
 * Predicts how long each tier takes on a video, before the probe and the route, and picks the richest
 * tier that fits a time budget. The analysis is CPU-bound: the prediction adds up the CPU time of its
 * parts (decoding, the experts, a fixed part) and divides it over the cores the run can keep busy.
 *
 * - Decoding: CPU summed over the decoder's threads, 3.1 ns per decoded pixel plus 0.13 µs per byte of
 *   the file's average frame (entropy decoding follows the bit rate): a least-squares fit to the page's
 *   whole-file decode-only pass on four clips, 0.78–1.07 of the measured (synthetic 360p–1080p at 0.33–0.51 bits
 *   a pixel and a real 720p camera clip at 0.10; a single 10.8 ns a pixel, right for the synthetic ones,
 *   was 2.4 times the real clip's). Without the file's size, 10.8 ns a pixel (the dear, high-rate case).
 *   Tiers 1 and 2 decode every frame. Tier 0 reads short bursts: on a file with keyframes, about the
 *   frames it keeps; on one long group of pictures it decodes from the start, as far as the probe's
 *   decode budget reaches plus the bursts. Which one a file is becomes known only from the container's
 *   keyframe index, so the prediction takes the dearer one (`fits` at tier 0 is then safe).
 * - Experts: each expert's `costPerFrameMs` (per 540p frame on wasm, `bench/expert-cost.ts`) times the
 *   frames the plan gives it, times the share of that cost a typical route keeps (`ROUTE_SHARE`): the
 *   route leaves some experts out and gives light ones fewer frames, which a prediction made before
 *   the route cannot know for this video. The meta costs are Node's; the page's differ for some experts
 *   and from run to run (banding 35.5 and 56.4 ms against 71.6, noise 11.8 and 3.8 against 6.3, in two
 *   runs of `bench/expert-cost.ts`), and they are used as they are: with the frames' conversion, which no cost counts, they matched the measured CPU
 *   beside decoding on the speed benchmark (predicted / measured CPU 0.91–1.21 at tiers 1 and 2).
 * - Wall time: the total CPU over min(cores, `BUSY_THREADS`), at `PARALLEL_EFFICIENCY`.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { Tier } from '../report/types.ts';
import { availableExperts, makePlan } from './plan.ts';
import { PROBE_DECODE_BUDGET_MS, PROBE_FRAMES } from './probe.ts';

/** Decoding CPU, over all the decoder's threads (whole-file pass in the page): ms per pixel and per byte of a frame. */
const DECODE_CPU_MS_PER_PIXEL = 3.1e-6;
const DECODE_CPU_MS_PER_BYTE = 1.32e-4;
/** Per pixel when the file's size is unknown: the high-rate synthetic clips' 10.0–11.5 ns. */
const DECODE_CPU_MS_PER_PIXEL_ALONE = 10.8e-6;
/** The probe's own decode estimate per pixel: what its decode budget is reckoned in (`probe.ts`). */
const PROBE_MS_PER_PIXEL = 4.5e-6;
/**
 * The part of the all-experts spatial cost a route keeps, per tier: the median over the fast router's
 * routes of 538 real clips (bench/out/real-cache), of the planned spatial cost with the route's weights
 * over the cost with every expert at full weight, at 720p (at 360p the medians are 0.72/0.81/0.55).
 */
const ROUTE_SHARE: Record<Tier, number> = { 0: 0.82, 1: 0.88, 2: 0.61 };
/** The same share's 10th percentile over those routes: the cheap end of the predicted range. */
const ROUTE_SHARE_LOW: Record<Tier, number> = { 0: 0.51, 1: 0.74, 2: 0.49 };
/**
 * CPU of the session start, routing and the report beyond decoding and the experts, in a warm page, ms:
 * the median of measured minus predicted CPU over the speed benchmark's tier-1 and tier-2 rows on the
 * synthetic clips (from -470 to +500 around it). A cold page (models loaded, wasm compiled) takes
 * 0.1–2.8 s more, which the prediction leaves out.
 */
const FIXED_CPU_MS = 80;
/**
 * Threads that work at once: the decoder's, the analysis worker's conversion, the inference worker.
 * Measured on 2 cores only; beyond that it is the count of busy threads, not a measurement.
 */
const BUSY_THREADS = 3;
/** Wall time is total CPU / cores / this: the speed benchmark's warm rows on 2 cores, 0.83–0.94 (median 0.89). */
const PARALLEL_EFFICIENCY = 0.89;

/** What the prediction knows of the video before the probe; `bytes`, the file's size, when known. */
type VideoShape = { width: number; height: number; durationS: number; frameCount: number; bytes?: number };

/** Decoding CPU of one average frame, ms. */
function decodeCpuPerFrameMs(video: VideoShape): number {
  const pixels = video.width * video.height;
  if (!video.bytes || video.frameCount <= 0) return pixels * DECODE_CPU_MS_PER_PIXEL_ALONE;
  return pixels * DECODE_CPU_MS_PER_PIXEL + (video.bytes / video.frameCount) * DECODE_CPU_MS_PER_BYTE;
}

/** The parts of a prediction, in ms. */
export interface TierPrediction {
  /** Predicted wall time of the analysis (the dearer tier-0 decode, a typical route). */
  ms: number;
  /** The cheap end: tier 0 on a file with keyframes, a route that keeps little (10th percentile). */
  lowMs: number;
  /** Predicted CPU time, summed over threads: decoding, experts and the fixed part. */
  cpuMs: number;
  decodeCpuMs: number;
  expertCpuMs: number;
  /** Cores the CPU time is spread over. */
  parallel: number;
}

/** The cores of this machine: `navigator.hardwareConcurrency` in a page or worker, `os.availableParallelism()` in Node when the caller passes it. */
export function deviceCores(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
  return n && n > 0 ? n : 2;
}

/** Frames tier 0 decodes: on one long group of pictures, the probe's decode reach over the start plus the bursts. */
function sparseDecodedFrames(video: VideoShape, burst: number): number {
  const glanced = Math.min(video.frameCount, PROBE_FRAMES * burst);
  const reach = PROBE_DECODE_BUDGET_MS / Math.max(1, video.width * video.height * PROBE_MS_PER_PIXEL);
  return Math.min(video.frameCount, reach + glanced);
}

/** Predicted time of an analysis at a tier, with its parts (before routing: a typical route's share of the experts). */
export function predictTier(tier: Tier, video: VideoShape, experts: readonly ExpertMeta[], ep: 'webgpu' | 'wasm', cores = deviceCores()): TierPrediction {
  const plan = makePlan(tier, video, availableExperts(tier, video, experts, ep), ep);
  const burst = plan.budget.burst;
  const temporalFrames = burst ? Math.min(video.frameCount, PROBE_FRAMES * burst) : video.frameCount;
  const decodedFrames = burst ? sparseDecodedFrames(video, burst) : video.frameCount;
  const decodeCpuMs = decodedFrames * decodeCpuPerFrameMs(video);
  // With keyframes to start each burst from, tier 0 decodes about the frames it keeps.
  const lowDecodeCpuMs = (burst ? temporalFrames : video.frameCount) * decodeCpuPerFrameMs(video);
  const scaleOf = (s: { width: number; height: number }) => (s.width * s.height) / (960 * 540);
  let spatialMs = 0;
  let temporalMs = 0;
  for (const { meta, stride } of plan.experts) {
    if (meta.inputs.stream === 'temporal') temporalMs += meta.costPerFrameMs * scaleOf(plan.temporalSize) * temporalFrames;
    else spatialMs += meta.costPerFrameMs * scaleOf(plan.analysisSize) * Math.ceil(plan.analysisTimes.length / stride);
  }
  const expertCpuMs = ROUTE_SHARE[tier] * spatialMs + temporalMs;
  const cpuMs = FIXED_CPU_MS + decodeCpuMs + expertCpuMs;
  const lowCpuMs = FIXED_CPU_MS + lowDecodeCpuMs + ROUTE_SHARE_LOW[tier] * spatialMs + temporalMs;
  const parallel = Math.max(1, Math.min(cores, BUSY_THREADS));
  const wall = (cpu: number) => cpu / (parallel * PARALLEL_EFFICIENCY);
  return { ms: wall(cpuMs), lowMs: wall(lowCpuMs), cpuMs, decodeCpuMs, expertCpuMs, parallel };
}

/** Predicted milliseconds of an analysis at a tier (see `predictTier`). */
export function predictTierMs(tier: Tier, video: VideoShape, experts: readonly ExpertMeta[], ep: 'webgpu' | 'wasm', cores = deviceCores()): number {
  return predictTier(tier, video, experts, ep, cores).ms;
}

/** The richest tier whose predicted time fits the budget; tier 0 (with `fits: false`) when none does. */
export function tierForBudget(
  budgetMs: number,
  video: VideoShape,
  experts: readonly ExpertMeta[],
  ep: 'webgpu' | 'wasm',
  cores = deviceCores(),
): { tier: Tier; predictedMs: number; fits: boolean } {
  for (const tier of [2, 1, 0] as const) {
    const predictedMs = predictTierMs(tier, video, experts, ep, cores);
    if (predictedMs <= budgetMs) return { tier, predictedMs, fits: true };
  }
  return { tier: 0, predictedMs: predictTierMs(0, video, experts, ep, cores), fits: false };
}
