import { describe, expect, it } from 'vitest';
import { fuse, labelOf, WITHIN_TOLERANCE_SHARE } from './fuse.ts';
import { normalizeScore } from './normalize.ts';

describe('normalizeScore', () => {
  it('maps the range ends to 100 and 0 by direction, and clamps', () => {
    const lower = { range: [0.2, 0.8] as [number, number], lowerIsBetter: true };
    expect(normalizeScore(lower, 0.2)).toBe(100);
    expect(normalizeScore(lower, 0.8)).toBe(0);
    expect(normalizeScore(lower, 0.5)).toBeCloseTo(50);
    expect(normalizeScore(lower, 5)).toBe(0);
    const higher = { range: [10, 60] as [number, number], lowerIsBetter: false };
    expect(normalizeScore(higher, 60)).toBe(100);
    expect(normalizeScore(higher, 10)).toBe(0);
    expect(normalizeScore(higher, Number.NaN)).toBeNaN();
  });
});

describe('fuse', () => {
  it('is 100 when every expert is perfect and drops with any strong defect', () => {
    expect(fuse([{ quality: 100, weight: 1 }, { quality: 100, weight: 0.5 }])).toBe(100);
    const oneBad = fuse([{ quality: 100, weight: 1 }, { quality: 10, weight: 1 }, { quality: 100, weight: 1 }]);
    expect(oneBad).toBeLessThan(20);
  });

  it('accumulates mild defects and ignores weight-0 and NaN experts', () => {
    const mild = fuse([{ quality: 80, weight: 1 }, { quality: 80, weight: 1 }]);
    expect(mild).toBeCloseTo(64);
    expect(fuse([{ quality: 0, weight: 0 }, { quality: Number.NaN, weight: 1 }, { quality: 90, weight: 1 }])).toBeCloseTo(90);
    expect(fuse([])).toBeNaN();
  });

  it('reads the defect through the response curve: mild defects spared, the worst end kept', () => {
    // Defect 0.25 at weight 1: linear 75; curve 1.5 reads 0.25^1.5 = 0.125 → 87.5; curve 2 → 93.75.
    expect(fuse([{ quality: 75, weight: 1 }])).toBeCloseTo(75, 6);
    expect(fuse([{ quality: 75, weight: 1, curve: 1.5 }])).toBeCloseTo(87.5, 6);
    expect(fuse([{ quality: 75, weight: 1, curve: 2 }])).toBeCloseTo(93.75, 6);
    expect(fuse([{ quality: 0, weight: 1, curve: 1.5 }])).toBeCloseTo(0, 6);
    expect(fuse([{ quality: 100, weight: 1, curve: 1.5 }])).toBe(100);
  });

  it('is monotone in every quality', () => {
    let prev = -1;
    for (let q = 0; q <= 100; q += 10) {
      const s = fuse([{ quality: q, weight: 0.7 }, { quality: 70, weight: 0.4 }]);
      expect(s).toBeGreaterThan(prev);
      prev = s;
    }
  });
});

describe('labelOf', () => {
  it('labels by fixed bands', () => {
    expect(labelOf(95)).toBe('excellent');
    expect(labelOf(65)).toBe('good');
    expect(labelOf(45)).toBe('fair');
    expect(labelOf(25)).toBe('poor');
    expect(labelOf(5)).toBe('bad');
  });
});

describe('fuse with tolerance', () => {
  it('counts only a small share of defects within the tolerance and rescales the rest', () => {
    const within = fuse([{ quality: 70, weight: 1, tolerance: 0.3 }]);
    expect(within).toBeCloseTo(100 - 100 * WITHIN_TOLERANCE_SHARE * 0.3);
    expect(within).toBeGreaterThan(95);
    expect(fuse([{ quality: 0, weight: 1, tolerance: 0.3 }])).toBeCloseTo(0);
    expect(fuse([{ quality: 100, weight: 1, tolerance: 0.3 }])).toBeCloseTo(100);
    const mid = fuse([{ quality: 35, weight: 1, tolerance: 0.3 }]);
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(65);
  });

  it('still falls with every step of a defect inside the tolerance', () => {
    const steps = [95, 90, 85, 80, 75].map((quality) => fuse([{ quality, weight: 1, tolerance: 0.3 }]));
    for (let i = 1; i < steps.length; i++) expect(steps[i]!).toBeLessThan(steps[i - 1]!);
  });
});
