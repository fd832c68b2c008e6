import { describe, expect, it } from 'vitest';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { prepare, scoreOf, type FitClip } from './model.ts';
import { cleanOf, figuresOf, parsePairs, parseRanges, withPristineRoute } from './refuse.ts';

/** A ladder clip of `source`, `kind` at `level` with a target; the score is set per row. */
function clip(source: string, kind: string, level: number, target?: number): FitClip {
  return { id: `${source}-${kind}-${level}`, source, kind, level, contentType: 'natural-camera', raws: {}, target, score: 0 };
}

describe('refuse figures', () => {
  // Two sources, one kind: a's score falls with every level, b's rises at the last step.
  const rows = [
    { clip: clip('a', 'pristine', 0, 99), score: 95 },
    { clip: clip('a', 'blur', 1, 80), score: 80 },
    { clip: clip('a', 'blur', 2, 60), score: 60 },
    { clip: clip('a', 'blur', 6, 40), score: 30 },
    { clip: clip('b', 'pristine', 0, 98), score: 85 },
    { clip: clip('b', 'blur', 1, 70), score: 70 },
    { clip: clip('b', 'blur', 2, 50), score: 40 },
    { clip: clip('b', 'blur', 6, 30), score: 50 },
  ];

  it('ranks ladders by source and kind, pristine first', () => {
    const f = figuresOf(rows);
    // a: 1; b: levels 0,1,2,6 against scores 85,70,40,50 → Spearman 0.8.
    expect(f.ladderPerKind.blur).toBeCloseTo(0.9, 3);
    expect(f.ladderMinKind).toBeCloseTo(0.9, 3);
  });

  it('scores the distorted clips against the target, leaving the pristine encodes out', () => {
    const f = figuresOf(rows);
    // Distorted targets 80,60,40,70,50,30 against scores 80,60,30,70,40,50: one swap of ranks 1 and 3.
    expect(f.targetSpearman).toBeCloseTo(1 - (6 * (0 + 0 + 1 + 0 + 1 + 4)) / (6 * 35), 3);
    expect(f.pristineMin).toBe(85);
    expect(f.pristineSpread).toBe(10);
    expect(f.level6.blur).toEqual({ score: 40, target: 35 });
  });

  it('describes the clean clips only', () => {
    const clean = [50, 70, 90].map((score, i) => ({ clip: { ...clip(`c${i}`, 'clean', 0), target: undefined }, score }));
    expect(cleanOf([...rows, ...clean])).toEqual({ min: 50, median: 70, belowGood: 1 });
  });

  it('parses parameter overrides', () => {
    expect(parsePairs('overexposure=0.75,banding=0.3')).toEqual({ overexposure: 0.75, banding: 0.3 });
    expect(parsePairs(undefined)).toEqual({});
  });
});

describe('candidate score ranges', () => {
  const meta = { id: 'x', label: 'x', kind: 'spatial', artifact: 'overexposure', lowerIsBetter: true, range: [0.1, 1], unit: '', pool: 'median', costPerFrameMs: 0, requires: [], model: '', inputs: { planes: 'luma', stream: 'analysis', patch: 32 }, description: '' } as ExpertMeta;
  const [c] = prepare([{ id: 'a', source: 'a', kind: 'exposure', level: 6, contentType: 'natural-camera', raws: { x: 0.55 }, score: 0 }], [meta]);

  it('reads the quality from the candidate range where one is given', () => {
    // In use: 0.55 is halfway along 0.1..1 → quality 50, weight 1 → 50.
    expect(scoreOf(c!, [meta], { w: { x: 1 }, tau: { x: 0 } })).toBeCloseTo(50, 6);
    // Worst end at 0.6: 0.55 is 90 % of the way → quality 10.
    expect(scoreOf(c!, [meta], { w: { x: 1 }, tau: { x: 0 }, range: { x: [0.1, 0.6] } })).toBeCloseTo(10, 6);
  });

  it('reads a candidate response curve, linear on the content types it keeps', () => {
    // Quality 50 is a defect of 0.5; curve 2 reads 0.25 → 75.
    expect(scoreOf(c!, [meta], { w: { x: 1 }, tau: { x: 0 }, gamma: { x: 2 } })).toBeCloseTo(75, 6);
    expect(scoreOf(c!, [meta], { w: { x: 1 }, tau: { x: 0 }, gamma: { x: 2 }, gammaKeep: new Set(['natural-camera']) })).toBeCloseTo(50, 6);
  });

  it('parses ranges', () => {
    expect(parseRanges('overexposure=0.1:0.6,detail=0.4:0.15')).toEqual({ overexposure: [0.1, 0.6], detail: [0.4, 0.15] });
  });
});

describe('withPristineRoute', () => {
  const at = (source: string, kind: string, level: number, contentType: string, f: number) => {
    const c = { ...clip(source, kind, level, 50), contentType };
    return { clip: c, q: Float64Array.of(40), raw: Float64Array.of(0.5), f: Float64Array.of(f) };
  };

  it("fuses each ladder clip with its source's pristine route and leaves clean clips alone", () => {
    const out = withPristineRoute([at('a', 'pristine', 0, 'natural-camera', 1), at('a', 'exposure', 6, 'screen-content', 0.3), at('b', 'blur', 2, 'animation', 0.5), at('a', 'clean', 0, 'screen-content', 0.3)]);
    expect([...out[1]!.f]).toEqual([1]);
    expect(out[1]!.clip.contentType).toBe('natural-camera');
    expect(out[1]!.clip.kind).toBe('exposure');
    // No pristine clip for b, and a clean clip: as they were.
    expect([...out[2]!.f]).toEqual([0.5]);
    expect(out[3]!.clip.contentType).toBe('screen-content');
  });
});
