import { describe, expect, it } from 'vitest';
import { getExpert } from '../experts/registry.ts';
import { CONTENT_TYPES } from './types.ts';
import { expectedFactor, routeFactor } from './routing-table.ts';

describe('routing table', () => {
  it('runs screen-only measures on screen content and nowhere else', () => {
    const ringing = getExpert('ringing')!;
    expect(ringing.assumes).toContain('screen-content');
    for (const t of CONTENT_TYPES) expect(routeFactor(t, ringing), t).toBe(t === 'screen-content' ? 1 : 0);
    // A clip that is probably camera footage gives it only its small share of screen probability.
    expect(expectedFactor({ 'natural-camera': 0.9, 'screen-content': 0.1 }, ringing)).toBeCloseTo(0.1);
  });

  it('leaves blocking out on screen content, where it reads the glyph grid, and keeps it on camera footage', () => {
    const blocking = getExpert('blocking')!;
    expect(routeFactor('screen-content', blocking)).toBe(0);
    expect(routeFactor('natural-camera', blocking)).toBe(1);
  });
});
