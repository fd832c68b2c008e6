/**
 * The tier plan: how many frames each stream gets, at what size, and which experts run on how many of
 * the sampled frames. Driven by expert metadata (kind, cost, requirements) and the route's weights,
 * never by expert names. Every tier analyses frames at the same size, so tiers differ in how many
 * frames they look at (detail, confidence), not in what an expert measures (verdict).
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { Tier } from '../report/types.ts';
import { fitSize } from '../frames/resample.ts';
import { MIN_EVENT_TRUST } from './localize-stage.ts';

/** Per-tier budgets. */
export interface TierBudget {
  /** Frames sampled for spatial experts. */
  analysisFrames: number;
  /** Box the analysis frames are fitted into. */
  analysisBox: [number, number];
  /** Box the temporal stream is fitted into. */
  temporalBox: [number, number];
  /** Inference budget per spatial expert of full weight for the whole clip, in ms (from costPerFrameMs). */
  expertBudgetMs: number;
  /** Frames per inference call. */
  batch: number;
  /**
   * Read only bursts of this many consecutive frames at each analysis time (by timestamp) instead of
   * decoding the whole file; temporal experts then see the bursts.
   */
  burst?: number;
}

/** The budgets of the three tiers. */
export const TIERS: Record<Tier, TierBudget> = {
  // Tier 0 sends each analysis frame on its own: the experts start on the first while the next is converted.
  0: { analysisFrames: 6, analysisBox: [960, 540], temporalBox: [320, 180], expertBudgetMs: 100, batch: 1, burst: 8 },
  1: { analysisFrames: 12, analysisBox: [960, 540], temporalBox: [320, 180], expertBudgetMs: 120, batch: 2 },
  2: { analysisFrames: 32, analysisBox: [960, 540], temporalBox: [320, 180], expertBudgetMs: 800, batch: 2 },
};

/**
 * The fewest analysis frames a spatial expert sees, whatever its cost: a costly model (NIQE, BRISQUE)
 * on one frame measured that frame's content, and its value moved by up to 35 points between tiers
 * that happened to pick different frames (the Sintel snow clip: NIQE 0 on one frame, 35 on six).
 */
export const MIN_SAMPLE = 3;

/**
 * The fewest analysis frames a spatial artifact expert sees at tiers 1 and 2, whatever its cost: its
 * events need flagged frames near one another (a spatial event needs 0.6 of the frames in its span
 * flagged), and with 3 frames seconds apart a banded or blown-out stretch of 2 s falls between them
 * (injected banding at tier 1: 6 of 6 events at 6 frames, 0 of 6 at 3).
 */
export const MIN_EVENT_SAMPLE = 6;

/**
 * At tiers 1 and 2, a spatial artifact expert's frames are paid from at least this budget (ms per clip at
 * 540p), whatever its share of the score: an event needs its frames, not its weight. With it the
 * exposure experts (about 20 ms a frame) read every tier-1 analysis frame again; at 6 of 12 an injected
 * 2-s underexposure was missed on 3 of 6 clips. Only for an expert whose events the route lets through
 * (trust at least `MIN_EVENT_TRUST`): one below it (underexposure on animation, 0.25) raises no event and
 * explains none (the causes are temporal), so its frames are paid by its weight like a score-only model's.
 */
export const EVENT_BUDGET_MS = 300;

/** One expert's part of the plan. */
export interface PlannedExpert {
  meta: ExpertMeta;
  /** Runs on every `stride`-th analysis frame (spatial experts). */
  stride: number;
}

/** The whole plan of one analysis. */
export interface AnalysisPlan {
  tier: Tier;
  budget: TierBudget;
  analysisSize: { width: number; height: number };
  temporalSize: { width: number; height: number };
  /** Row-preserving size for experts that read line structure. */
  rowsSize: { width: number; height: number };
  /** Analysis-frame target times in seconds, ascending. */
  analysisTimes: number[];
  experts: PlannedExpert[];
}

type VideoShape = { width: number; height: number; durationS: number; frameCount: number };

/** The temporal stream's frame size for a video at a tier. */
export function temporalSizeOf(tier: Tier, video: Pick<VideoShape, 'width' | 'height'>): { width: number; height: number } {
  const box = TIERS[tier].temporalBox;
  return fitSize(video.width, video.height, box[0], box[1]);
}

/** The experts a tier can run on this device at this video size. */
export function availableExperts(tier: Tier, video: Pick<VideoShape, 'width' | 'height'>, experts: readonly ExpertMeta[], ep: 'webgpu' | 'wasm'): ExpertMeta[] {
  const budget = TIERS[tier];
  const analysisSize = fitSize(video.width, video.height, budget.analysisBox[0], budget.analysisBox[1]);
  const temporalSize = fitSize(video.width, video.height, budget.temporalBox[0], budget.temporalBox[1]);
  return experts.filter((meta) => {
    if (meta.requires.includes('webgpu') && ep !== 'webgpu') return false;
    const size = meta.inputs.stream === 'temporal' ? temporalSize : analysisSize;
    return Math.min(size.width, size.height) >= (meta.inputs.minSide ?? 1);
  });
}

/**
 * Makes the plan for a video. `weights` (from the route) leaves out experts of weight 0 and gives
 * lighter ones fewer frames; without it every available expert counts fully. `times` fixes the analysis
 * times (tier 0 analyses the frames its probe already read). `trust` (the route's, per expert) says
 * whose flags may become events; without it every artifact expert's may.
 */
export function makePlan(
  tier: Tier,
  video: VideoShape,
  experts: readonly ExpertMeta[],
  ep: 'webgpu' | 'wasm',
  weights?: ReadonlyMap<string, number>,
  frameBudgets?: ReadonlyMap<string, number>,
  times?: readonly number[],
  trust?: ReadonlyMap<string, number>,
): AnalysisPlan {
  const budget = TIERS[tier];
  const analysisSize = fitSize(video.width, video.height, budget.analysisBox[0], budget.analysisBox[1]);
  const temporalSize = fitSize(video.width, video.height, budget.temporalBox[0], budget.temporalBox[1]);
  const rowsSize = { width: analysisSize.width, height: Math.min(video.height, 1080) };
  const count = times?.length || Math.max(1, Math.min(budget.analysisFrames, video.frameCount));
  const analysisTimes = times?.length ? [...times] : Array.from({ length: count }, (_, i) => ((i + 0.5) / count) * video.durationS);
  const scale = (analysisSize.width * analysisSize.height) / (960 * 540);
  const planned: PlannedExpert[] = [];
  for (const meta of availableExperts(tier, video, experts, ep)) {
    const weight = weights ? (weights.get(meta.id) ?? 0) : 1;
    if (weight <= 0) continue;
    if (meta.inputs.stream === 'temporal') {
      planned.push({ meta, stride: 1 });
      continue;
    }
    const cost = meta.costPerFrameMs * scale;
    const events = tier >= 1 && !!meta.artifact && (trust?.get(meta.id) ?? 1) >= MIN_EVENT_TRUST;
    const affordable = cost > 0 ? Math.floor(Math.max(budget.expertBudgetMs * Math.max(0.25, weight), events ? EVENT_BUDGET_MS : 0) / cost) : count;
    const least = events ? MIN_EVENT_SAMPLE : MIN_SAMPLE;
    const frames = Math.max(1, Math.min(count, Math.max(least, affordable), frameBudgets?.get(meta.id) ?? count));
    planned.push({ meta, stride: Math.max(1, Math.floor(count / frames)) });
  }
  return { tier, budget, analysisSize, temporalSize, rowsSize, analysisTimes, experts: planned };
}
