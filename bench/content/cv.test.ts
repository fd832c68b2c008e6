import { describe, expect, it } from 'vitest';
import { accuracyOf, type HeldOut } from './cv.ts';

const held = (group: string, label: string, predicted: string): HeldOut => ({ name: `${group}-${label}-${predicted}`, group, synthetic: false, label, predicted, confidence: 0.9 });

describe('accuracyOf', () => {
  it('counts clips, correct calls and the origin groups behind each type', () => {
    const a = accuracyOf([
      held('g1', 'animation', 'animation'),
      held('g1', 'animation', 'natural-camera'),
      held('g2', 'animation', 'animation'),
      held('g3', 'animation', 'gameplay'),
      held('g4', 'gameplay', 'gameplay'),
    ]);
    expect(a.perType['animation']).toEqual({ clips: 4, correct: 2, accuracy: 0.5, groups: 3, groupsMisread: 2 });
    expect(a.perType['gameplay']).toEqual({ clips: 1, correct: 1, accuracy: 1, groups: 1, groupsMisread: 0 });
    expect(a.overall).toBeCloseTo(3 / 5);
    expect(a.confusion['animation']!['natural-camera']).toBe(1);
  });
});
