import { describe, expect, it } from 'vitest';
import { fuse } from '../fusion/fuse.ts';
import { tolerance } from '../fusion/weights.ts';
import { EXPERTS } from '../experts/registry.ts';
import type { Report } from '../report/types.ts';
import { contributions, headline, isContentMeasure, unitInWords } from './explain.ts';

/** A report whose score is the engine's own fusion of these experts. */
function reportOf(experts: { id: string; score: number; weight: number }[]): Report {
  const score = fuse(experts.map((e) => ({ quality: e.score, weight: e.weight, tolerance: tolerance(e.id) })));
  return {
    score,
    label: 'fair',
    experts: experts.map((e) => ({ id: e.id, score: e.score, raw: 0.5, unit: '' })),
    route: { experts: experts.map((e) => ({ id: e.id, weight: e.weight })) },
    artifacts: [],
  } as unknown as Report;
}

describe('explanations', () => {
  it('splits the points lost among the experts so that they add up to 100 − score', () => {
    const r = reportOf([
      { id: 'sharpness', score: 10, weight: 1 },
      { id: 'blocking', score: 70, weight: 1 },
      { id: 'contrast', score: 40, weight: 0.4 },
    ]);
    const parts = contributions(r);
    const total = parts.reduce((s, p) => s + p.points, 0);
    expect(total).toBeCloseTo(100 - r.score, 6);
    expect(parts[0]!.id).toBe('sharpness');
    expect(parts.find((p) => p.id === 'contrast')?.content).toBe(true);
    expect(parts.find((p) => p.id === 'sharpness')?.content).toBe(false);
  });

  it('names the largest defect first and keeps content measures out of the faults', () => {
    const r = reportOf([
      { id: 'sharpness', score: 5, weight: 1 },
      { id: 'colourfulness', score: 20, weight: 0.1 },
    ]);
    const { why } = headline(r);
    expect(why).toMatch(/^Mostly: blur \(sharpness\) −\d+ points/);
    expect(why).toMatch(/The content itself \(colourfulness −[\d.]+\) is a property of the picture, not a fault\./);
  });

  it('decides what describes content from metadata: no artifact and a scale where more is more', () => {
    const content = EXPERTS.filter((m) => isContentMeasure(m)).map((m) => m.id);
    expect(content).toEqual(['colourfulness', 'contrast']);
  });

  it('explains an expert unit in words with its scale and where the artifact starts', () => {
    const text = unitInWords('sharpness', 0.72);
    expect(text).toMatch(/^Measured 0\.72\. /);
    expect(text).toContain('lower is better');
    expect(text).toMatch(/frames above 0\.60 show blur/);
  });
});
