import { describe, expect, it } from 'vitest';
import { smallRouteContext } from '../testing/route-context.ts';
import { EXPERTS } from '../experts/registry.ts';
import type { ExpertMeta } from '../experts/types.ts';
import { FastRouter, MIN_WEIGHT, MIN_WEIGHT_COST_MS, minWeightFor } from './fast-router.ts';

const byId = (id: string) => EXPERTS.find((m) => m.id === id)!;

/** The catalogue with one expert's fitted meta changed (cost or artifact type). */
function withMeta(id: string, change: Partial<ExpertMeta>): ExpertMeta[] {
  return EXPERTS.map((m) => (m.id === id ? { ...m, ...change } : m));
}

describe('minWeightFor', () => {
  it('is MIN_WEIGHT up to the reference cost and rises in proportion past it, for experts without events', () => {
    expect(minWeightFor({ costPerFrameMs: 5 })).toBe(MIN_WEIGHT);
    expect(minWeightFor({ costPerFrameMs: MIN_WEIGHT_COST_MS })).toBe(MIN_WEIGHT);
    expect(minWeightFor({ costPerFrameMs: 2 * MIN_WEIGHT_COST_MS })).toBeCloseTo(2 * MIN_WEIGHT);
    // NIQE and BRISQUE, the costly natural-scene models: a bare hedge of 0.05 no longer runs them.
    expect(minWeightFor(byId('niqe'))).toBeGreaterThan(0.05);
    expect(minWeightFor(byId('brisque'))).toBeGreaterThan(0.05);
  });

  it('keeps MIN_WEIGHT for an artifact expert however costly (its events need its frames)', () => {
    expect(minWeightFor({ costPerFrameMs: 500, artifact: 'banding' })).toBe(MIN_WEIGHT);
    expect(minWeightFor(byId('banding'))).toBe(MIN_WEIGHT);
  });

  it('stays at or below the natural-scene models’ hedges that still have a say', () => {
    // A camera clip read as animation routed NIQE 0.07 and BRISQUE 0.06; together they moved its score
    // by 10 points, so both must still run; so must the lowest natural-camera weights (0.12, 0.10).
    for (const [id, weight] of [['niqe', 0.07], ['brisque', 0.06], ['niqe', 0.12], ['brisque', 0.1]] as const) expect(weight).toBeGreaterThanOrEqual(minWeightFor(byId(id)));
  });
});

describe('FastRouter cost-aware cut', () => {
  it('drops an expert without events whose weight is under its cost floor, and runs the same weight when cheap', async () => {
    const router = new FastRouter({ uniform: true });
    // Uniform routing: each expert's weight is its fitted base weight (colourfulness 0.1 in the fit).
    const cheap = await router.plan(smallRouteContext(withMeta('colourfulness', { costPerFrameMs: 6.5 })));
    const cheapW = cheap.experts.find((e) => e.id === 'colourfulness')!.weight;
    expect(cheapW).toBeGreaterThan(0);
    // The same weight on a model 20 times costlier is below its floor: not run.
    const costly = await router.plan(smallRouteContext(withMeta('colourfulness', { costPerFrameMs: 130 })));
    expect(minWeightFor({ costPerFrameMs: 130 })).toBeGreaterThan(cheapW);
    expect(costly.experts.find((e) => e.id === 'colourfulness')!.weight).toBe(0);
    // With an artifact type the costly model keeps its weight.
    const detector = await router.plan(smallRouteContext(withMeta('colourfulness', { costPerFrameMs: 130, artifact: 'banding' })));
    expect(detector.experts.find((e) => e.id === 'colourfulness')!.weight).toBeGreaterThan(0);
  });
});
