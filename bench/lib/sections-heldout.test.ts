import { describe, expect, it } from 'vitest';
import type { CleanTier } from '../real/clean.ts';
import { heldoutSection } from './sections-heldout.ts';

const tier = (t: 0 | 1 | 2, alarms: { type: string; native?: string }[], minutes = 2): CleanTier => ({
  tier: t,
  minutes,
  clips: 3,
  failed: [],
  falseAlarms: alarms.filter((a) => !a.native).length,
  perMinute: alarms.filter((a) => !a.native).length / minutes,
  byCategory: {},
  byType: {},
  events: alarms.map((a, i) => ({ clip: `clip${i}.mp4`, category: 'natural', tier: t, type: a.type, startS: i, endS: i + 1, native: a.native })),
  scores: {},
});

describe('heldoutSection', () => {
  it('is empty when nothing was measured', () => {
    expect(heldoutSection()).toEqual({ md: '', targets: [] });
  });

  it('judges each re-encoding and tier by its own false alarms per minute', () => {
    const s = heldoutSection({ engine: 'node', variants: [{ tag: 'a', label: 'CRF 23', tiers: [tier(0, [{ type: 'blur' }]), tier(1, [{ type: 'noise' }, { type: 'blur' }, { type: 'banding' }])] }] });
    expect(s.targets.map((t) => t.ok)).toEqual([true, false]);
    expect(s.targets[1]!.measured).toContain('1.50/min');
    expect(s.md).toContain('banding clip2');
  });

  it('judges held-out ladders by their mean, their lowest kind, the target and the pristine encodes', () => {
    const evidence = [
      { source: 'a', kind: 'pristine', score: 92, contentType: 'natural-camera' },
      { source: 'b', kind: 'pristine', score: 68, contentType: 'animation' },
      { source: 'a', kind: 'blur', score: 40, contentType: 'natural-camera' },
    ];
    const s = heldoutSection(undefined, { engine: 'node', mean: 0.96, perKind: { blur: 0.99, crf: 0.85 }, targetSpearman: 0.7, evidence });
    expect(s.targets.map((t) => t.ok)).toEqual([true, false, false, false, false]);
    expect(s.targets[4]!.measured).toBe('24.0');
    expect(s.md).toContain('2 sources');
  });
});
