import { describe, expect, it } from 'vitest';
import { lowLightLuma } from './logreg.ts';

const NAMES = ['satMean', 'lumaMean'];
const CLASSES = ['natural-camera', 'screen-content', 'low-light'];
const row = (luma: number) => Float64Array.from([0.1, luma]);

describe('lowLightLuma (the cut of the low-light stage)', () => {
  it('lies halfway between the natural-camera and low-light medians, other types ignored', () => {
    const x = [row(0.4), row(0.5), row(0.6), row(0.05), row(0.1), row(0.15), row(0.9)];
    const y = [0, 0, 0, 2, 2, 2, 1];
    expect(lowLightLuma(NAMES, CLASSES, x, y)).toBe(0.3);
  });

  it('follows the medians, not the extremes', () => {
    // One very dark natural clip and one bright low-light clip move the means, not the medians.
    const x = [row(0.02), row(0.5), row(0.6), row(0.1), row(0.2), row(0.7)];
    const y = [0, 0, 0, 2, 2, 2];
    expect(lowLightLuma(NAMES, CLASSES, x, y)).toBe(0.35);
  });

  it('is undefined without one of the two types or without the feature', () => {
    expect(lowLightLuma(NAMES, CLASSES, [row(0.5), row(0.6)], [0, 0])).toBeUndefined();
    expect(lowLightLuma(['satMean', 'lumaStd'], CLASSES, [row(0.5), row(0.1)], [0, 2])).toBeUndefined();
  });
});
