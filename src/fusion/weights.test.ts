import { describe, expect, it } from 'vitest';
import fitted from './weights.json' with { type: 'json' };
import { baseWeight, curve, priorWeight, tolerance, weightsFor } from './weights.ts';

const file = fitted as { weights: Record<string, number>; tolerances: Record<string, number>; curves?: Record<string, number>; byContentType?: Record<string, { weights?: Record<string, number>; tolerances?: Record<string, number>; curves?: Record<string, number> }> };

describe('weightsFor', () => {
  it('gives the default tables for no, unknown or unlisted content types', () => {
    expect(weightsFor()).toEqual({ weights: file.weights, tolerances: file.tolerances });
    expect(weightsFor('no-such-type')).toEqual(weightsFor());
  });

  it('overlays a content type entry on the defaults, expert by expert', () => {
    for (const [type, own] of Object.entries(file.byContentType ?? {})) {
      const t = weightsFor(type);
      for (const [id, w] of Object.entries(file.weights)) expect(t.weights[id]).toBe(own.weights?.[id] ?? w);
      for (const [id, tau] of Object.entries(file.tolerances)) expect(t.tolerances[id]).toBe(own.tolerances?.[id] ?? tau);
    }
  });

  it('keeps every fitted weight and tolerance within 0..1', () => {
    for (const t of [weightsFor(), ...Object.keys(file.byContentType ?? {}).map((k) => weightsFor(k))]) {
      for (const v of [...Object.values(t.weights), ...Object.values(t.tolerances)]) {
        expect(v).toBeGreaterThanOrEqual(0);
        expect(v).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('baseWeight and tolerance', () => {
  it('read the fitted value, and the prior for an expert the fit does not list', () => {
    const [id, w] = Object.entries(file.weights)[0]!;
    expect(baseWeight({ id, artifact: 'blur' })).toBe(w);
    expect(baseWeight({ id: 'not-fitted', artifact: 'blur' })).toBe(priorWeight({ artifact: 'blur' }));
    expect(baseWeight({ id: 'not-fitted', post: true })).toBe(0.5);
    expect(tolerance('not-fitted')).toBe(0);
    expect(tolerance(id)).toBe(file.tolerances[id] ?? 0);
  });
});

describe('curve', () => {
  it('is linear for an expert without one, and a content type overlays the default', () => {
    expect(curve('not-fitted')).toBe(1);
    expect(curve('not-fitted', 'screen-content')).toBe(1);
    for (const [id, g] of Object.entries(file.curves ?? {})) {
      expect(curve(id)).toBe(g);
      expect(curve(id, 'no-such-type')).toBe(g);
      for (const [type, own] of Object.entries(file.byContentType ?? {})) expect(curve(id, type)).toBe(own.curves?.[id] ?? g);
    }
  });

  it('keeps every curve positive', () => {
    const all = [...Object.values(file.curves ?? {}), ...Object.values(file.byContentType ?? {}).flatMap((t) => Object.values(t.curves ?? {}))];
    for (const g of all) expect(g).toBeGreaterThan(0);
  });
});
