/**
 * Reads a report of any schema version this project has written and returns it as the current
 * `qrouter.report/2`: a `qrouter.report/1` document gains the route's `requested`, `fallbackReason`,
 * `contentConfidence` and `reasons` (recovered from its rationale), `warnings` and `timings.probeMs`.
 */
import type { Report } from './types.ts';
import { validateReport } from './validate.ts';

const V1_FALLBACK = /^VLM router unavailable: (.*?); used the fast router\. /;
const V1_CONTENT_TYPES: Record<string, string> = { 'still-or-slideshow': 'still-slideshow' };

/** A report, upgraded to the current schema and validated; throws with the problems otherwise. */
export function readReport(value: unknown): Report {
  const doc = value as Record<string, unknown> | null;
  const upgraded = doc && doc.schema === 'qrouter.report/1' ? upgradeV1(doc) : value;
  const problems = validateReport(upgraded);
  if (problems.length) throw new Error(`not a valid Q-Router report: ${problems.slice(0, 5).join('; ')}`);
  return upgraded as Report;
}

function upgradeV1(r: Record<string, unknown>): Record<string, unknown> {
  const route = r.route as { router: 'fast' | 'vlm'; contentType: string; experts: { id: string; weight: number }[]; rationale: string };
  const fallback = V1_FALLBACK.exec(route.rationale);
  const rationale = fallback ? route.rationale.slice(fallback[0].length) : route.rationale;
  const warnings = fallback ? [`The vision-language router was not used: ${fallback[1]}.`] : [];
  return {
    ...r,
    schema: 'qrouter.report/2',
    route: {
      requested: fallback ? 'vlm' : route.router,
      router: route.router,
      ...(fallback ? { fallbackReason: fallback[1] } : {}),
      contentType: V1_CONTENT_TYPES[route.contentType] ?? route.contentType,
      contentConfidence: 0.5,
      experts: route.experts.map((e) => ({ id: e.id, weight: Math.min(1, e.weight) })),
      rationale,
      reasons: rationale ? [rationale] : [],
    },
    timings: { ...(r.timings as object), probeMs: 0 },
    warnings,
  };
}
