import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES } from '../types.ts';
import { decideLight, type ContentModel } from './classify.ts';
import shipped from './model.json' with { type: 'json' };

/** A model shell: only the classes and the luma cut matter to the second stage. */
const model = (cut: number | undefined): ContentModel => ({
  features: [], classes: [...CONTENT_TYPES], mean: [], std: [], weights: [], bias: [], temperature: 1, lowLightLuma: cut,
});
const NAT = CONTENT_TYPES.indexOf('natural-camera');
const LOW = CONTENT_TYPES.indexOf('low-light');
const GAME = CONTENT_TYPES.indexOf('gameplay');

/** Probabilities with `a` on class `i`, `b` on class `j` and the rest spread evenly. */
function probs(i: number, a: number, j: number, b: number): number[] {
  const rest = (1 - a - b) / (CONTENT_TYPES.length - 2);
  return CONTENT_TYPES.map((_, c) => (c === i ? a : c === j ? b : rest));
}

describe('decideLight (camera footage: dark or not)', () => {
  it('turns a natural-camera call with a dark picture into low light, swapping the two shares', () => {
    const p = probs(NAT, 0.6, LOW, 0.25);
    const r = decideLight(model(0.3), 0.15, p, NAT);
    expect(r).toEqual({ best: LOW, overruled: true });
    expect(p[LOW]).toBe(0.6);
    expect(p[NAT]).toBe(0.25);
    expect(p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
  });

  it('turns a low-light call with a bright picture into natural camera', () => {
    const p = probs(LOW, 0.5, NAT, 0.3);
    expect(decideLight(model(0.3), 0.55, p, LOW)).toEqual({ best: NAT, overruled: true });
    expect(p[NAT]).toBe(0.5);
  });

  it('keeps the model call when the picture agrees with it', () => {
    const p = probs(LOW, 0.5, NAT, 0.3);
    expect(decideLight(model(0.3), 0.1, p, LOW)).toEqual({ best: LOW, overruled: false });
    expect(p[LOW]).toBe(0.5);
  });

  it('leaves every other type alone, however dark the picture', () => {
    const p = probs(GAME, 0.7, NAT, 0.2);
    expect(decideLight(model(0.3), 0.02, p, GAME)).toEqual({ best: GAME, overruled: false });
    expect(p[GAME]).toBe(0.7);
  });

  it('decides nothing without a cut (an older model) or without a luma reading', () => {
    expect(decideLight(model(undefined), 0.05, probs(NAT, 0.6, LOW, 0.2), NAT).overruled).toBe(false);
    expect(decideLight(model(0.3), Number.NaN, probs(NAT, 0.6, LOW, 0.2), NAT).overruled).toBe(false);
  });

  it('ships a cut between a dark and a mid-grey picture', () => {
    const cut = (shipped as { lowLightLuma?: number }).lowLightLuma;
    expect(cut).toBeGreaterThan(0.1);
    expect(cut).toBeLessThan(0.45);
  });
});
