import { describe, expect, it } from 'vitest';
import { getExpert } from '../experts/registry.ts';
import { CONTENT_TYPES } from './types.ts';
import { expectedFactor, routeFactor, SCREEN_HEDGE_MIN } from './routing-table.ts';

describe('routing table', () => {
  it('runs screen-only measures on screen content and nowhere else', () => {
    const ringing = getExpert('ringing')!;
    expect(ringing.assumes).toContain('screen-content');
    for (const t of CONTENT_TYPES) expect(routeFactor(t, ringing), t).toBe(t === 'screen-content' ? 1 : 0);
    // A clip that is probably camera footage gives it its share of screen probability when screen
    // content is a real contender, and nothing for a small hedge (it reads other content's texture).
    expect(expectedFactor({ 'natural-camera': 0.6, 'screen-content': 0.4 }, ringing)).toBeCloseTo(0.4);
    expect(expectedFactor({ gameplay: 0.7, 'screen-content': SCREEN_HEDGE_MIN }, ringing)).toBeCloseTo(SCREEN_HEDGE_MIN / 0.95);
    expect(expectedFactor({ gameplay: 0.8, 'screen-content': 0.15, 'low-light': 0.05 }, ringing)).toBe(0);
    expect(expectedFactor({ 'natural-camera': 0.9, 'screen-content': 0.1 }, ringing)).toBe(0);
    // When screen content is the most likely type the measure runs for its share, however unsure.
    expect(expectedFactor({ 'screen-content': 0.2, gameplay: 0.19, animation: 0.19, 'natural-camera': 0.14, 'low-light': 0.14, 'still-slideshow': 0.14 }, ringing)).toBeCloseTo(0.2);
  });

  it('keeps the small hedges of other measures the most likely type leaves out (natural-scene models)', () => {
    const niqe = getExpert('niqe')!;
    expect(routeFactor('animation', niqe)).toBe(0);
    expect(expectedFactor({ animation: 0.9, 'natural-camera': 0.1 }, niqe)).toBeCloseTo(0.1);
  });

  it('leaves blocking out on screen content, where it reads the glyph grid, and keeps it on camera footage', () => {
    const blocking = getExpert('blocking')!;
    expect(routeFactor('screen-content', blocking)).toBe(0);
    expect(routeFactor('natural-camera', blocking)).toBe(1);
  });
});
