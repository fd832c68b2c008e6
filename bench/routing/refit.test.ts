import { describe, expect, it } from 'vitest';
import { builtinTable, refitRow, routedScore, tableSpearman } from './refit.ts';
import type { LadderRow } from './summary.ts';

// Rungs where the noise detector tracks the damage a little and a natural-scene model (niqe) reads it backwards, strongly.
const clip = (source: string, level: number): LadderRow => ({
  source,
  kind: level ? 'blur' : 'pristine',
  level,
  routed: 0,
  uniform: 0,
  routedAs: 'animation',
  experts: { sharpness: 100, niqe: 20 + 12 * level, noise: 100 - 2 * level },
});
const clips = [0, 2, 4, 6].flatMap((l) => [clip('a', l), clip('b', l)]);

describe('routedScore', () => {
  it('follows the table: a natural-scene factor of 0 removes the natural-scene model from the fused score', () => {
    const on = builtinTable();
    on.animation = { 'natural-scene': 1 };
    const off = builtinTable();
    off.animation = { 'natural-scene': 0 };
    expect(routedScore(clip('a', 0), on)).toBeLessThan(routedScore(clip('a', 0), off));
  });
});

describe('refitRow', () => {
  it('turns down a factor that reverses the ladders, and the refitted table ranks them right', () => {
    const start = builtinTable();
    start.animation = { 'natural-scene': 1 };
    expect(tableSpearman(clips, start)).toBeLessThan(0);
    const row = refitRow(clips, 'animation', start);
    expect(row['natural-scene']).toBeLessThan(1);
    const fitted = { ...start, animation: row };
    expect(tableSpearman(clips, fitted)).toBeGreaterThan(0.9);
  });
});
