/**
 * The experts a route can plan at all, known before the route: those whose route weight reaches the
 * run's floor under some content type. Their sessions can be made while
 * the probe reads (`src/inference/session-prep.ts`); an expert no content type runs (the content
 * measures) is never made ahead.
 */
import type { ExpertMeta } from '../experts/types.ts';
import { baseWeight } from '../fusion/weights.ts';
import { minWeightFor } from '../router/fast-router.ts';
import { routeFactor } from '../router/routing-table.ts';
import { CONTENT_TYPES } from '../router/types.ts';

/**
 * The experts of `catalogue` that some route would run, the score-only models (NIQE, BRISQUE: the
 * costliest sessions) first: no stage before the route loads them, where the early start and tier 0's
 * temporal run load the artifact experts themselves.
 */
export function routableExperts(catalogue: readonly ExpertMeta[]): ExpertMeta[] {
  // The route weighs by the likeliest type's base weight times a factor averaged over the likely types:
  // at most the largest of each.
  const most = (meta: ExpertMeta) => Math.max(...CONTENT_TYPES.map((t) => baseWeight(meta, t))) * Math.max(...CONTENT_TYPES.map((t) => routeFactor(t, meta)));
  const routable = catalogue.filter((meta) => Math.round(Math.min(1, most(meta)) * 100) / 100 >= minWeightFor(meta));
  return [...routable].sort((a, b) => (a.artifact ? 1 : 0) - (b.artifact ? 1 : 0));
}
