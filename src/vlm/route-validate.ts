/**
 * Validation of a routing answer: the model's text becomes a `RoutePlan` only when it is one JSON
 * object with a content type from the vocabulary, a confidence in 0..1, known expert ids (each once)
 * with weights in 0..1 and sensible frame budgets, and at least one reason. Anything else is refused
 * with a sentence naming the first problem, which the router reports as its fallback reason.
 */
import { CONTENT_TYPES, type ContentType, type PlannedRouteExpert, type RouteContext, type RoutePlan } from '../router/types.ts';
import { maxPlanFrames } from './route-prompt.ts';

/** The outcome of validating a routing answer. */
export type RouteValidation = { ok: true; plan: RoutePlan } | { ok: false; problem: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The JSON object in a model's text: the whole text, or the first fenced or braced block in it. */
export function extractJson(text: string): unknown {
  const trimmed = text.trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed);
  const candidates = [trimmed, fenced?.[1]?.trim(), trimmed.slice(trimmed.indexOf('{'), trimmed.lastIndexOf('}') + 1)];
  for (const c of candidates) {
    if (!c) continue;
    try {
      return JSON.parse(c) as unknown;
    } catch {
      // try the next candidate
    }
  }
  throw new SyntaxError(`the answer is not JSON (it starts "${trimmed.slice(0, 40)}")`);
}

/** Checks a parsed routing answer against the context's catalogue and budget. */
export function validateRouteAnswer(value: unknown, ctx: RouteContext): RouteValidation {
  const no = (problem: string): RouteValidation => ({ ok: false, problem });
  if (!isRecord(value)) return no('the answer is not a JSON object');
  const { contentType, contentConfidence, experts, reasons } = value;
  if (typeof contentType !== 'string' || !(CONTENT_TYPES as readonly string[]).includes(contentType)) {
    return no(`content type ${JSON.stringify(contentType)} is not one of ${CONTENT_TYPES.join(', ')}`);
  }
  if (typeof contentConfidence !== 'number' || !(contentConfidence >= 0 && contentConfidence <= 1)) {
    return no(`content confidence ${JSON.stringify(contentConfidence)} is not a number in 0..1`);
  }
  if (!Array.isArray(experts) || experts.length === 0) return no('the answer names no experts');
  const known = new Set(ctx.catalogue.map((e) => e.id));
  const maxFrames = maxPlanFrames(ctx);
  const seen = new Set<string>();
  const planned: PlannedRouteExpert[] = [];
  for (const e of experts as unknown[]) {
    if (!isRecord(e) || typeof e.id !== 'string') return no('an expert entry has no id');
    if (!known.has(e.id)) return no(`expert "${e.id}" is not in the catalogue`);
    if (seen.has(e.id)) return no(`expert "${e.id}" is listed twice`);
    seen.add(e.id);
    if (typeof e.weight !== 'number' || !(e.weight >= 0 && e.weight <= 1)) {
      return no(`weight ${JSON.stringify(e.weight)} for "${e.id}" is outside 0..1`);
    }
    const p: PlannedRouteExpert = { id: e.id, weight: e.weight };
    if (e.frames !== undefined) {
      if (typeof e.frames !== 'number' || !Number.isInteger(e.frames) || e.frames < 1 || e.frames > maxFrames) {
        return no(`frames ${JSON.stringify(e.frames)} for "${e.id}" is not a whole number in 1..${maxFrames}`);
      }
      p.frames = e.frames;
    }
    planned.push(p);
  }
  if (!planned.some((p) => p.weight > 0)) return no('every expert has weight 0');
  const texts = Array.isArray(reasons) ? reasons.filter((r): r is string => typeof r === 'string' && r.trim() !== '') : [];
  if (texts.length === 0) return no('the answer gives no reason');
  return {
    ok: true,
    plan: {
      contentType: contentType as ContentType,
      contentConfidence,
      experts: planned,
      reasons: texts.slice(0, 4).map((r) => r.trim().slice(0, 240)),
    },
  };
}

/** Parses and validates a model's routing text in one step. */
export function parseRouteAnswer(text: string, ctx: RouteContext): RouteValidation {
  let value: unknown;
  try {
    value = extractJson(text);
  } catch (err) {
    return { ok: false, problem: err instanceof Error ? err.message : String(err) };
  }
  return validateRouteAnswer(value, ctx);
}
