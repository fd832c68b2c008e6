/**
 * The built-in fast router: classifies the content from the probe, then weighs every expert available
 * at this tier by its fitted base weight times the content type's routing factor. Experts whose weight
 * comes to 0 are not run at all. Milliseconds, no model download.
 */
import { baseWeight } from '../fusion/weights.ts';
import { classifyContent } from './content/classify.ts';
import { routeFactor, routeNotes } from './routing-table.ts';
import type { RouteContext, RoutePlan, Router } from './types.ts';

/** The fast router. */
export class FastRouter implements Router {
  readonly kind = 'fast' as const;

  /** `uniform`: every content type gets the same weights (the benchmark's ablation of routing). */
  constructor(private readonly options: { uniform?: boolean } = {}) {}

  async plan(ctx: RouteContext): Promise<RoutePlan> {
    const content = classifyContent(ctx);
    const { contentType } = content;
    const experts = ctx.catalogue.map((meta) => {
      const factor = this.options.uniform ? 1 : routeFactor(contentType, meta);
      return { id: meta.id, weight: round2(Math.min(1, baseWeight(meta, this.options.uniform ? undefined : contentType) * factor)), trust: factor };
    });
    const reasons = [
      `content looks like ${contentType.replace(/-/g, ' ')} (${Math.round(content.confidence * 100)} %): ${content.reasons.join('; ') || 'no cue stood out'}`,
      ...(this.options.uniform ? ['routing factors turned off: every content type gets the same weights'] : routeNotes(contentType)),
      'base weights were fitted on calibration footage; the content type scales them',
    ];
    return { contentType, contentConfidence: round2(content.confidence), experts, reasons };
  }
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
