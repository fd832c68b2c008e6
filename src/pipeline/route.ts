/**
 * The route stage: hands the router its context, checks what comes back, and falls back to the fast
 * router (saying why) when the requested router is missing, slow, failing or returns an invalid plan.
 */
import type { ExpertMeta } from '../experts/types.ts';
import { fastRouter, uniformRouter } from '../router/select.ts';
import { CONTENT_TYPES, type RouteContext, type RoutePlan, type Router } from '../router/types.ts';

/** How long a router other than the fast one may take before the fast one is used. */
export const ROUTE_TIMEOUT_MS = 20_000;

/** The route and how it was reached. */
export interface RouteOutcome {
  plan: RoutePlan;
  requested: 'fast' | 'vlm';
  used: 'fast' | 'vlm';
  fallbackReason?: string;
  ms: number;
}

/** Problems with a plan against the catalogue it was made for; empty when it is valid. */
export function planProblems(plan: RoutePlan, catalogue: readonly ExpertMeta[]): string[] {
  const problems: string[] = [];
  if (!(CONTENT_TYPES as readonly string[]).includes(plan.contentType)) problems.push(`unknown content type "${String(plan.contentType)}"`);
  if (!(plan.contentConfidence >= 0 && plan.contentConfidence <= 1)) problems.push('content confidence outside 0..1');
  const known = new Set(catalogue.map((m) => m.id));
  for (const e of plan.experts) {
    if (!known.has(e.id)) problems.push(`unknown expert "${e.id}"`);
    if (!(e.weight >= 0 && e.weight <= 1)) problems.push(`weight of "${e.id}" outside 0..1`);
    if (e.frames !== undefined && !(Number.isInteger(e.frames) && e.frames >= 1)) problems.push(`frame budget of "${e.id}" is not a positive integer`);
  }
  if (!plan.experts.some((e) => e.weight > 0)) problems.push('no expert has a weight above 0');
  return problems;
}

/** Routes with the requested router, or the fast one with the reason it had to step in. */
export async function routeStage(ctx: RouteContext, requested: 'fast' | 'vlm', vlm: Router | undefined, signal?: AbortSignal, routing: 'content' | 'uniform' = 'content'): Promise<RouteOutcome> {
  const t0 = performance.now();
  const fast = routing === 'uniform' ? uniformRouter : fastRouter;
  const done = (plan: RoutePlan, used: 'fast' | 'vlm', fallbackReason?: string): RouteOutcome => ({
    plan,
    requested,
    used,
    ...(fallbackReason ? { fallbackReason } : {}),
    ms: performance.now() - t0,
  });
  if (requested === 'vlm') {
    const reason = vlm ? await tryRouter(vlm, ctx, signal) : 'no vision-language model is loaded in this page (its weights are downloaded only when you opt in)';
    if (typeof reason !== 'string') return done(reason, 'vlm');
    return done(await fast.plan(ctx, signal), 'fast', reason);
  }
  return done(await fast.plan(ctx, signal), 'fast');
}

/** The router's valid plan, or a sentence saying why it could not be used. */
async function tryRouter(router: Router, ctx: RouteContext, signal?: AbortSignal): Promise<RoutePlan | string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve(`the ${router.kind} router did not answer within ${ROUTE_TIMEOUT_MS / 1000} s`), ROUTE_TIMEOUT_MS);
    });
    const result = await Promise.race([router.plan(ctx, signal), timeout]);
    if (typeof result === 'string') return result;
    const problems = planProblems(result, ctx.catalogue);
    return problems.length ? `the ${router.kind} router's plan was invalid (${problems.slice(0, 3).join('; ')})` : result;
  } catch (err) {
    return `the ${router.kind} router failed (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    if (timer) clearTimeout(timer);
  }
}
