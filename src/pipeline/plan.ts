/**
 * The tier plan: how many frames each stream gets, at what size, and which experts run on how many of
 * the sampled frames. Driven by expert metadata (kind, cost, requirements), never by expert names.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { Tier } from '../report/types.ts';
import { fitSize } from '../frames/resample.ts';

/** Per-tier budgets. */
export interface TierBudget {
  /** Frames sampled for spatial experts. */
  analysisFrames: number;
  /** Box the analysis frames are fitted into. */
  analysisBox: [number, number];
  /** Box the temporal stream (every frame) is fitted into. */
  temporalBox: [number, number];
  /** Inference budget per spatial expert for the whole clip, in ms (from costPerFrameMs). */
  expertBudgetMs: number;
  /** Experts whose cost per frame exceeds this are left out at this tier. */
  maxCostPerFrameMs: number;
  /** Frames per inference call. */
  batch: number;
}

/** The budgets of the three tiers. */
export const TIERS: Record<Tier, TierBudget> = {
  0: { analysisFrames: 6, analysisBox: [480, 270], temporalBox: [160, 90], expertBudgetMs: 30, maxCostPerFrameMs: 6, batch: 6 },
  1: { analysisFrames: 12, analysisBox: [960, 540], temporalBox: [320, 180], expertBudgetMs: 120, maxCostPerFrameMs: 200, batch: 2 },
  2: { analysisFrames: 32, analysisBox: [1920, 1080], temporalBox: [320, 180], expertBudgetMs: 800, maxCostPerFrameMs: 1e9, batch: 2 },
};

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
  /** Analysis-frame indices in presentation order, as target timestamps in seconds. */
  analysisTimes: number[];
  experts: PlannedExpert[];
}

/** Makes the plan for a video of the given size and length. */
export function makePlan(tier: Tier, video: { width: number; height: number; durationS: number; frameCount: number }, experts: readonly ExpertMeta[], ep: 'webgpu' | 'wasm'): AnalysisPlan {
  const budget = TIERS[tier];
  const analysisSize = fitSize(video.width, video.height, budget.analysisBox[0], budget.analysisBox[1]);
  const temporalSize = fitSize(video.width, video.height, budget.temporalBox[0], budget.temporalBox[1]);
  const rowsSize = { width: analysisSize.width, height: Math.min(video.height, 1080) };
  const count = Math.max(1, Math.min(budget.analysisFrames, video.frameCount));
  const analysisTimes = Array.from({ length: count }, (_, i) => ((i + 0.5) / count) * video.durationS);
  const scale = (analysisSize.width * analysisSize.height) / (960 * 540);
  const planned: PlannedExpert[] = [];
  for (const meta of experts) {
    if (meta.requires.includes('webgpu') && ep !== 'webgpu') continue;
    const minSide = meta.inputs.minSide ?? 1;
    const size = meta.inputs.stream === 'temporal' ? temporalSize : analysisSize;
    if (Math.min(size.width, size.height) < minSide) continue;
    if (meta.kind === 'temporal' && meta.inputs.stream === 'temporal') {
      planned.push({ meta, stride: 1 });
      continue;
    }
    const cost = meta.costPerFrameMs * scale;
    if (cost > budget.maxCostPerFrameMs) continue;
    const affordable = cost > 0 ? Math.floor(budget.expertBudgetMs / cost) : count;
    const frames = Math.max(1, Math.min(count, affordable));
    planned.push({ meta, stride: Math.max(1, Math.floor(count / frames)) });
  }
  return { tier, budget, analysisSize, temporalSize, rowsSize, analysisTimes, experts: planned };
}
