import { describe, expect, it } from 'vitest';
import { smallRouteContext } from '../testing/route-context.ts';
import black from '../experts/black/meta.json' with { type: 'json' };
import { EXPERTS } from '../experts/registry.ts';
import type { ExpertMeta } from '../experts/types.ts';
import { baseWeight } from '../fusion/weights.ts';
import { FastRouter, minWeightFor } from '../router/fast-router.ts';
import { classifyContent } from '../router/content/classify.ts';
import { expectedFactor, routeFactor } from '../router/routing-table.ts';
import { ExpertResults } from './expert-results.ts';
import { localizeStage, MIN_EVENT_TRUST } from './localize-stage.ts';

const FPS = 25;

/** Black frames from 4 s to 5 s of a 10-s clip. */
function blackSecond(): ExpertResults {
  const r = new ExpertResults(black as unknown as ExpertMeta);
  for (let i = 0; i < 10 * FPS; i++) r.add(i / FPS, i >= 100 && i < 125 ? 1 : 0, new Float32Array(1), 1, 1, false);
  return r;
}

describe('localizeStage', () => {
  it('raises events by the route’s trust and scales their confidence with it', () => {
    const full = localizeStage([blackSecond()], FPS, 0.5, new Map([['black', 1]]));
    const half = localizeStage([blackSecond()], FPS, 0.5, new Map([['black', 0.5]]));
    const low = localizeStage([blackSecond()], FPS, 0.5, new Map([['black', MIN_EVENT_TRUST - 0.05]]));
    expect(full.map((a) => a.type)).toEqual(['black']);
    expect(half.map((a) => a.type)).toEqual(['black']);
    expect(half[0]!.confidence).toBeLessThan(full[0]!.confidence);
    expect(low).toEqual([]);
  });
});

describe('FastRouter trust', () => {
  it('is the content type’s routing factor, whatever the fitted fusion weight', async () => {
    const ctx = smallRouteContext();
    const plan = await new FastRouter().plan(ctx);
    const { scores } = classifyContent(ctx);
    for (const e of plan.experts) {
      const meta = EXPERTS.find((m) => m.id === e.id)!;
      expect(e.trust).toBe(routeFactor(plan.contentType, meta));
      // The router rounds to 0.01, then cuts an expert below its floor (cost-aware, see minWeightFor).
      const soft = Math.round(Math.min(1, baseWeight(meta, plan.contentType) * expectedFactor(scores, meta)) * 100) / 100;
      expect(e.weight).toBeCloseTo(soft < minWeightFor(meta) ? 0 : soft, 2);
    }
    const uniform = await new FastRouter({ uniform: true }).plan(smallRouteContext());
    expect(uniform.experts.every((e) => e.trust === 1)).toBe(true);
  });
});

describe('expectedFactor', () => {
  const niqe = EXPERTS.find((m) => m.id === 'niqe')!;
  it('is the type’s own factor when the classifier is sure, and the probability-weighted mix otherwise', () => {
    expect(expectedFactor({ 'screen-content': 1 }, niqe)).toBe(routeFactor('screen-content', niqe));
    expect(expectedFactor({ 'natural-camera': 1 }, niqe)).toBe(1);
    expect(expectedFactor({ 'natural-camera': 0.3, 'screen-content': 0.7 }, niqe)).toBeCloseTo(0.3 * 1 + 0.7 * routeFactor('screen-content', niqe));
    // Probabilities need not sum to 1 (a model's classes may be a subset).
    expect(expectedFactor({ 'natural-camera': 0.15, 'screen-content': 0.35 }, niqe)).toBeCloseTo(0.3);
  });
});
