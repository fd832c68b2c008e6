/**
 * The routing prompt and its output schema: what the vision-language model sees (video facts, a few
 * keyframes, the probe's measurements, the expert catalogue and the budget) and the JSON shape it
 * must answer in. The schema lists the known expert ids and content types as enums, so a backend that
 * enforces schemas cannot produce anything else; the answer is validated anyway (`route-validate.ts`).
 */
import { CONTENT_TYPES, type ContentType, type RouteContext } from '../router/types.ts';
import type { JsonSchema, VlmPrompt } from './backend.ts';

/** The most keyframes sent to the model (each is an image the model has to encode). */
export const MAX_ROUTE_IMAGES = 4;

/** What each content type means, told to the model. */
export const CONTENT_TYPE_HINTS: Record<ContentType, string> = {
  'natural-camera': 'footage from a camera of real scenes',
  'screen-content': 'screen recordings, slides, text, user interfaces',
  animation: 'drawn or rendered animation, cartoons, motion graphics',
  gameplay: 'video games captured from the screen',
  'ai-generated': 'video made by a generative model',
  'still-slideshow': 'still images shown for several seconds each',
  'low-light': 'camera footage of dark or night scenes',
};

const SYSTEM = [
  'You plan a video quality analysis. You see a few keyframes of one video and cheap measurements taken on it.',
  'Decide what kind of content it is and which quality experts matter for it, and how much each one counts in the final score.',
  'An expert that measures something the content shows on purpose (repeated frames in a slideshow, darkness in a night scene, flat colour in animation) should count little.',
  'Answer with one JSON object that follows the given schema, and nothing else.',
].join(' ');

const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** The most analysis frames a planned expert may ask for. */
export function maxPlanFrames(ctx: RouteContext): number {
  return Math.max(1, Math.min(512, ctx.video.frameCount || 512));
}

/** The routing prompt for this context. */
export function buildRoutePrompt(ctx: RouteContext, imageTimes: readonly number[]): VlmPrompt {
  const v = ctx.video;
  const lines: string[] = [];
  lines.push(`Video: ${v.width}x${v.height}, ${fmt(v.durationS)} s, ${fmt(v.fps, 2)} fps, codec ${v.codec}, ${v.frameCount} frames.`);
  lines.push(imageTimes.length ? `Keyframes attached, in order, at ${imageTimes.map((t) => `${fmt(t)} s`).join(', ')}.` : 'No keyframes are attached.');
  lines.push('', 'Content types:');
  for (const t of CONTENT_TYPES) lines.push(`- ${t}: ${CONTENT_TYPE_HINTS[t]}`);
  lines.push('', 'Probe measurements (quality 0..100, higher is better):');
  if (ctx.probe.experts.length === 0) lines.push('- none');
  for (const e of ctx.probe.experts) {
    lines.push(`- ${e.meta.id}: quality ${fmt(e.quality, 0)}, raw ${fmt(e.raw, 3)} ${e.meta.unit}`);
  }
  const m = ctx.probe.motion;
  lines.push(`Motion: mean change between adjacent frames ${fmt(mean(m.adjacentDiffs))}/255, between keyframes ${fmt(mean(m.distantDiffs))}/255.`);
  lines.push('', 'Experts you may choose (id: what it measures; kind; cost per 540p frame):');
  for (const e of ctx.catalogue) {
    const what = e.artifact ? `detects ${e.artifact}` : 'overall quality';
    const caveat = e.assumes?.includes('natural-scene-statistics') ? '; assumes camera-like images' : e.assumes?.includes('screen-content') ? '; screen content only' : '';
    lines.push(`- ${e.id}: ${e.label}, ${what}${caveat}; ${e.kind}; ${fmt(e.costPerFrameMs)} ms`);
  }
  const budget = ctx.budget.budgetMs !== undefined ? `, time budget ${Math.round(ctx.budget.budgetMs)} ms for the whole analysis` : '';
  lines.push('', `Tier ${ctx.budget.tier}${budget}.`);
  lines.push(
    'Return contentType, contentConfidence (0..1), experts (each {id, weight 0..1, optional frames: how many analysis frames a spatial expert may use}; list every expert that should run) and reasons (one to four short sentences).',
  );
  return { system: SYSTEM, user: lines.join('\n') };
}

/** The JSON Schema of a routing answer for this context. */
export function routeSchema(ctx: RouteContext): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['contentType', 'contentConfidence', 'experts', 'reasons'],
    properties: {
      contentType: { type: 'string', enum: [...CONTENT_TYPES] },
      contentConfidence: { type: 'number', minimum: 0, maximum: 1 },
      experts: {
        type: 'array',
        minItems: 1,
        maxItems: ctx.catalogue.length,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'weight'],
          properties: {
            id: { type: 'string', enum: ctx.catalogue.map((e) => e.id) },
            weight: { type: 'number', minimum: 0, maximum: 1 },
            frames: { type: 'integer', minimum: 1, maximum: maxPlanFrames(ctx) },
          },
        },
      },
      reasons: { type: 'array', minItems: 1, maxItems: 4, items: { type: 'string', maxLength: 240 } },
    },
  };
}
