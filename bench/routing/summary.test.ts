import { describe, expect, it } from 'vitest';
import { footageType, summariseType, tierAgreement, type LadderRow } from './summary.ts';

describe('tierAgreement', () => {
  it('takes the widest gap between tiers per clip, and skips clips missing a tier', () => {
    const a = tierAgreement({ a: { 0: 70, 1: 72, 2: 75 }, b: { 0: 50, 1: 41, 2: 44 }, c: { 0: 90, 1: 90, 2: 91 }, d: { 1: 10 } });
    expect(a.clips).toBe(3);
    expect(a.max).toBe(9);
    expect(a.worst).toBe('b');
    expect(a.median).toBe(5);
  });
});

describe('summariseType', () => {
  // Two sources of one type; the router calls source b's harshest rung something else.
  const rung = (source: string, level: number, routed: number, uniform: number, routedAs = 'screen-content'): LadderRow => ({
    source,
    kind: level ? 'blur' : 'pristine',
    level,
    routed,
    uniform,
    routedAs,
    experts: { sharpness: 90 - 20 * level, noise: 50 + 5 * level },
  });
  const row = {
    contentType: 'screen-content',
    clips: 0,
    minutes: 0,
    routedAlarms: 0,
    uniformAlarms: 0,
    ladder: [rung('a', 0, 90, 80), rung('a', 3, 70, 85), rung('a', 6, 40, 90), rung('b', 0, 80, 60), rung('b', 3, 60, 50), rung('b', 6, 30, 40, 'natural-camera')],
  };

  it('pools every source of the type, one ladder per source and kind, whatever each rung was routed as', () => {
    const s = summariseType(row);
    expect(s.ladderClips).toBe(6);
    expect(s.ladderSources).toEqual(['a', 'b']);
    expect(s.routedSpearman).toBeCloseTo(1);
    // Source a's uniform score rises with the distortion (-1), source b's falls (+1).
    expect(s.uniformSpearman).toBeCloseTo(0);
    expect(s.classedAsType).toBeCloseTo(5 / 6);
  });

  it('ranks single experts by their own ladder Spearman', () => {
    const s = summariseType(row);
    expect(s.bestExpert).toBe('sharpness');
    expect(s.perExpert.map((e) => [e.id, Math.round(e.spearman)])).toEqual([['sharpness', 1], ['noise', -1]]);
  });
});

describe('footageType', () => {
  it('reads the content type from the footage category prefix', () => {
    expect(footageType('screen_terminal_table_gum.mp4')).toBe('screen-content');
    expect(footageType('x/gaming_doom.mp4')).toBe('gameplay');
    expect(footageType('aigc_cogvideox_kitten_lawn.mp4')).toBe('ai-generated');
    expect(footageType('images/flower.png')).toBeUndefined();
  });
});
