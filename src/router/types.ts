/**
 * The router contract. Routing runs before the experts: the router receives a `RouteContext` (video
 * facts, a few small keyframes, the probe's evidence, the expert catalogue and the budget) and returns
 * a `RoutePlan` (content type with its confidence, the experts to run with weights and frame budgets,
 * and its reasons). Implementations: `FastRouter` (built in) and `VlmRouter` (a vision-language model).
 */
import type { VideoInfo } from '../decode/frame-source.ts';
import type { ExpertMeta } from '../experts/types.ts';
import type { Tier } from '../report/types.ts';
import type { FrameNoise } from './content/frame-noise.ts';

/** The content-type vocabulary. */
export const CONTENT_TYPES = ['natural-camera', 'screen-content', 'animation', 'gameplay', 'ai-generated', 'still-slideshow', 'low-light'] as const;

/** One content type. */
export type ContentType = (typeof CONTENT_TYPES)[number];

/** A small RGB keyframe, interleaved 8-bit RGB rows (`width * height * 3` bytes). */
export interface Keyframe {
  tS: number;
  width: number;
  height: number;
  rgb: Uint8Array;
}

/** What the probe saw of one cheap expert on the probe frames. */
export interface ProbeExpert {
  meta: ExpertMeta;
  /** Raw value per probe frame, in the expert's unit. */
  values: number[];
  /** Video-level raw value under the expert's pooling rule. */
  raw: number;
  /** 0..100 quality from metadata normalisation. */
  quality: number;
}

/** Frame-to-frame change measured on pairs of adjacent frames at the probe times. */
export interface ProbeMotion {
  /** Mean absolute luma difference (0..255) between each probe frame and the frame after it. */
  adjacentDiffs: number[];
  /** Mean absolute luma difference between consecutive probe keyframes (far apart in time). */
  distantDiffs: number[];
  /** Temporal noise at native resolution for each adjacent pair (`src/router/content/frame-noise.ts`); absent in older probes. */
  frameNoise?: FrameNoise[];
}

/** Everything the probe stage learned. */
export interface ProbeResult {
  keyframes: Keyframe[];
  experts: ProbeExpert[];
  motion: ProbeMotion;
  /** Time the probe took, in ms. */
  ms: number;
}

/** The budget the route must respect. */
export interface RouteBudget {
  tier: Tier;
  /** The caller's time budget for the whole analysis, when one was given. */
  budgetMs?: number;
}

/** What a router receives. */
export interface RouteContext {
  video: VideoInfo;
  probe: ProbeResult;
  /** Experts available at this tier on this device (the router chooses among them). */
  catalogue: readonly ExpertMeta[];
  budget: RouteBudget;
}

/** One expert in the plan. */
export interface PlannedRouteExpert {
  id: string;
  /** Importance in fusion, 0..1. */
  weight: number;
  /**
   * How far this expert's flags are taken as defects in this content, 0..1 (events need 0.3, see
   * src/pipeline/localize-stage.ts). Kept apart from `weight` so that a fit can lower an expert's
   * share of the score without silencing its events. Omitted: the weight.
   */
  trust?: number;
  /** Analysis frames this expert may use (spatial experts); omitted = as many as the tier allows. */
  frames?: number;
}

/** What a router returns. */
export interface RoutePlan {
  contentType: ContentType;
  /** 0..1. */
  contentConfidence: number;
  experts: PlannedRouteExpert[];
  /** Short sentences, each one reason for the plan. */
  reasons: string[];
}

/** A router decides which experts run for this video and how much each counts. */
export interface Router {
  readonly kind: 'fast' | 'vlm';
  plan(ctx: RouteContext, signal?: AbortSignal): Promise<RoutePlan>;
}
