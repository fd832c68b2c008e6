/**
 * The built-in fast router: classifies the content from the probe, then weighs every expert available
 * at this tier by its fitted base weight times the routing factor expected under the content types'
 * probabilities; whether an expert's flags become events (its trust) follows the most likely type.
 * Experts whose weight comes to 0 are not run at all. Milliseconds, no model download.
 */
import { baseWeight } from '../fusion/weights.ts';
import { classifyContent } from './content/classify.ts';
import { expectedFactor, routeFactor, routeNotes } from './routing-table.ts';
import type { ExpertMeta } from '../experts/types.ts';
import type { RouteContext, RoutePlan, Router } from './types.ts';

/** Route weights below this are set to 0: the expert is not run. */
export const MIN_WEIGHT = 0.05;

/**
 * The per-frame cost (ms per 540p frame) up to which `MIN_WEIGHT` is the whole floor. Past it, an
 * expert with no artifact type must earn its cost: in fusion an expert of weight w can lower the score
 * by at most 100·w points, and without events that is all it adds, so its weight per ms of a frame
 * must match a `MIN_WEIGHT` expert of this cost. At 45 ms the floors of NIQE (47 ms) and BRISQUE
 * (54 ms) are 0.052 and 0.060: a bare 0.05 hedge (NIQE on the animated synthetic clip, run on its
 * `MIN_SAMPLE` 3 frames) is cut, 0.06 and up are kept. At 30 ms (floors 0.079, 0.090) the cut took
 * NIQE 0.07 and BRISQUE 0.06 from a handheld camera clip the classifier reads as animation and moved
 * its score by 10 points, so together such hedges still have a say; no clean real clip routes either
 * model below 0.06. Artifact experts keep `MIN_WEIGHT`: their events need their frames whatever their
 * share of the score.
 */
export const MIN_WEIGHT_COST_MS = 45;

/** The lowest route weight at which an expert is run; see `MIN_WEIGHT_COST_MS`. */
export function minWeightFor(meta: Pick<ExpertMeta, 'artifact' | 'costPerFrameMs'>): number {
  if (meta.artifact) return MIN_WEIGHT;
  return MIN_WEIGHT * Math.max(1, meta.costPerFrameMs / MIN_WEIGHT_COST_MS);
}

/** The fast router. */
export class FastRouter implements Router {
  readonly kind = 'fast' as const;

  /** `uniform`: every content type gets the same weights (the benchmark's ablation of routing). */
  constructor(private readonly options: { uniform?: boolean } = {}) {}

  async plan(ctx: RouteContext): Promise<RoutePlan> {
    const content = classifyContent(ctx);
    const { contentType } = content;
    // Weights follow the mix of likely types; events follow the most likely type alone, so an unsure
    // call never lets a detector that misreads that content (glyph cells as blocks) raise events.
    const experts = ctx.catalogue.map((meta) => {
      const trust = this.options.uniform ? 1 : routeFactor(contentType, meta);
      const factor = this.options.uniform ? 1 : expectedFactor(content.scores, meta);
      const weight = round2(Math.min(1, baseWeight(meta, this.options.uniform ? undefined : contentType) * factor));
      // A sliver of weight is not worth running an expert for (a costly one needs more; see minWeightFor).
      return { id: meta.id, weight: weight < minWeightFor(meta) ? 0 : weight, trust };
    });
    const mix = Object.entries(content.scores).filter(([t, p]) => t !== contentType && p >= 0.1).sort((a, b) => b[1] - a[1]);
    const reasons = [
      `content looks like ${contentType.replace(/-/g, ' ')} (${Math.round(content.confidence * 100)} %): ${content.reasons.join('; ') || 'no cue stood out'}`,
      ...(this.options.uniform ? ['routing factors turned off: every content type gets the same weights'] : routeNotes(contentType)),
      ...(!this.options.uniform && mix.length ? [`weights hedge toward ${mix.map(([t, p]) => `${t.replace(/-/g, ' ')} (${Math.round(p * 100)} %)`).join(', ')}; events follow ${contentType.replace(/-/g, ' ')}`] : []),
      'base weights were fitted on calibration footage; the content type scales them',
    ];
    return { contentType, contentConfidence: round2(content.confidence), experts, reasons };
  }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
