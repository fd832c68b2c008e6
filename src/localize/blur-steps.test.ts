import { describe, expect, it } from 'vitest';
import noise from '../experts/noise/meta.json' with { type: 'json' };
import sharpness from '../experts/sharpness/meta.json' with { type: 'json' };
import type { ExpertMeta } from '../experts/types.ts';
import { ExpertResults } from '../pipeline/expert-results.ts';
import { BLUR_STEP, defectBlurFrames, rankCorrelation, shotContinuity, SHOT_CONTINUITY, stepIsWholeFrame } from './blur-steps.ts';
import { localizeEvents } from './localize.ts';

const PH = 6;
const PW = 8;

/** A scene's detail layout: a fixed pseudo-random texture per patch (one shot = one seed). */
function layout(seed: number): Float32Array {
  let s = seed * 7919 + 1;
  return Float32Array.from({ length: PH * PW }, () => {
    s = (s * 16807) % 2147483647;
    return (s % 1000) / 1000;
  });
}

/** Blur results at 0.5-s analysis frames: `level[i]` per frame, shot `shot[i]` sets the map's layout. */
function blurRun(level: number[], shot: number[]): ExpertResults {
  const r = new ExpertResults(sharpness as unknown as ExpertMeta);
  level.forEach((v, i) => {
    const base = layout(shot[i]!);
    // The map: the frame's level, spread ±0.1 by where the shot has detail.
    const map = Float32Array.from(base, (b) => v + 0.2 * (b - 0.5));
    r.add(i * 0.5, v, map, PH, PW, true);
  });
  return r;
}

/** Noise results at the same analysis frames: `sigma[i]` per frame, a flat map. */
function noiseRun(sigma: number[]): ExpertResults {
  const r = new ExpertResults(noise as unknown as ExpertMeta);
  sigma.forEach((v, i) => r.add(i * 0.5, v, new Float32Array(PH * PW).fill(v), PH, PW, true));
  return r;
}

const times = (frames: Set<{ tS: number }>) => [...frames].map((f) => f.tS).sort((a, b) => a - b);

describe('rankCorrelation', () => {
  it('is 1 for the same order, -1 for the reverse, NaN for a flat map', () => {
    expect(rankCorrelation([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(rankCorrelation([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(rankCorrelation([1, 2, 3, 4], [5, 5, 5, 5])).toBeNaN();
  });

  it('equals Spearman from ranks by a comparator sort, ties averaged', () => {
    // The reference: indices sorted by value, each run of equal values given its mean position.
    const slowRanks = (v: Float32Array) => {
      const idx = Array.from(v.keys()).sort((i, j) => v[i]! - v[j]!);
      const out = new Float64Array(v.length);
      for (let s = 0; s < idx.length; ) {
        let e = s;
        while (e + 1 < idx.length && v[idx[e + 1]!] === v[idx[s]!]) e++;
        for (let k = s; k <= e; k++) out[idx[k]!] = (s + e) / 2;
        s = e + 1;
      }
      return out;
    };
    const pearson = (a: Float64Array, b: Float64Array) => {
      const m = (a.length - 1) / 2;
      let ab = 0, aa = 0, bb = 0;
      a.forEach((x, i) => ((ab += (x - m) * (b[i]! - m)), (aa += (x - m) ** 2), (bb += (b[i]! - m) ** 2)));
      return ab / Math.sqrt(aa * bb);
    };
    let s = 12345;
    const rand = () => ((s = (s * 16807) % 2147483647), s / 2147483647);
    for (const [n, levels] of [[510, 7], [510, 1000], [64, 3], [2040, 50]] as const) {
      // Few levels: long runs of ties, as the flat patches of a blur map that all take the frame's value.
      const a = Float32Array.from({ length: n }, () => Math.floor(rand() * levels) / levels);
      const b = Float32Array.from({ length: n }, (_, i) => (rand() < 0.5 ? a[i]! : Math.floor(rand() * levels) / levels));
      a[0] = -0;
      b[1] = 0;
      expect(rankCorrelation(a, b)).toBeCloseTo(pearson(slowRanks(a), slowRanks(b)), 12);
    }
    // Values that differ only in their lowest bits, and negatives.
    const a = Float32Array.from({ length: 300 }, () => 0.5 + rand() * 1e-5);
    const b = Float32Array.from({ length: 300 }, () => rand() - 0.5);
    expect(rankCorrelation(a, b)).toBeCloseTo(pearson(slowRanks(a), slowRanks(b)), 12);
    expect(rankCorrelation(b, b)).toBeCloseTo(1, 12);
  });
});

describe('defectBlurFrames', () => {
  it('keeps a step of blur inside one shot, also below the expert threshold', () => {
    // A σ 2 blur of a dashcam clip: 0.33 → 0.54 → 0.33, one shot throughout.
    const level = [0.33, 0.33, 0.33, 0.54, 0.54, 0.53, 0.54, 0.33, 0.33];
    const res = blurRun(level, level.map(() => 1));
    const cont = shotContinuity(res.frames, []);
    expect(Math.min(...cont.slice(1))).toBeGreaterThanOrEqual(SHOT_CONTINUITY);
    expect(times(new Set(defectBlurFrames(res).keys()))).toEqual([1.5, 2, 2.5, 3]);
  });

  it('drops a soft shot between two cuts (depth of field), however soft, below the strong bar', () => {
    // Sharp shot, a defocused bokeh shot (its own layout) from a cut to a cut, another sharp shot.
    const level = [0.44, 0.44, 0.66, 0.68, 0.67, 0.45, 0.44];
    const shot = [1, 1, 2, 2, 2, 3, 3];
    expect(defectBlurFrames(blurRun(level, shot)).size).toBe(0);
  });

  it('drops a gradual softening within a shot (a subject coming closer than the lens can focus)', () => {
    const level = [0.43, 0.5, 0.55, 0.6, 0.63, 0.65, 0.66];
    expect(BLUR_STEP).toBeGreaterThan(0.07);
    expect(defectBlurFrames(blurRun(level, level.map(() => 4))).size).toBe(0);
  });

  it('leaves out the steps of grain: the onset and end of a noisy stretch of a soft picture', () => {
    // The lab-mouse excerpt at 720p: soft from its source (0.53), grain of σ 35 from 1.5 s to 3.5 s (0.22).
    const level = [0.53, 0.54, 0.53, 0.22, 0.22, 0.23, 0.22, 0.53, 0.52, 0.53];
    const res = blurRun(level, level.map(() => 1));
    const grain = noiseRun(level.map((v) => (v < 0.3 ? 7.9 : 0.1)));
    expect(defectBlurFrames(res, [grain]).size).toBe(0);
    // Without the noise reading the same series is two steps of blur, before and after the grain.
    expect(times(new Set(defectBlurFrames(res).keys()))).toEqual([0, 0.5, 1, 3.5, 4, 4.5]);
  });

  it('keeps a blur step where the grain stays on both sides of it', () => {
    const level = [0.33, 0.33, 0.33, 0.54, 0.54, 0.53, 0.54, 0.33, 0.33];
    const grain = noiseRun(level.map(() => 8));
    expect(times(new Set(defectBlurFrames(blurRun(level, level.map(() => 1)), [grain]).keys()))).toEqual([1.5, 2, 2.5, 3]);
  });

  it('keeps frames past the strong bar whatever their shot', () => {
    const level = [0.8, 0.82, 0.81];
    expect(times(new Set(defectBlurFrames(blurRun(level, [1, 2, 3])).keys()))).toEqual([0, 0.5, 1]);
  });
});

describe('stepIsWholeFrame', () => {
  it('tells a blur of the whole picture from a blurred region by how many patches rose', () => {
    const sharp = { tS: 0, raw: 0.3, map: Float32Array.from(layout(7), (b) => 0.2 + 0.2 * b) };
    const whole = { tS: 1, raw: 0.55, map: sharp.map.map((v) => v + 0.2) };
    const left = { tS: 1, raw: 0.62, map: sharp.map.map((v, i) => (i % PW < PW / 2 ? v + 0.4 : v)) };
    expect(stepIsWholeFrame([[whole, sharp]])).toBe(true);
    expect(stepIsWholeFrame([[left, sharp]])).toBe(false);
    expect(stepIsWholeFrame([[whole, null]])).toBe(false);
  });
});

describe('blur events', () => {
  it('reports a blur step and not a soft shot', () => {
    const step = blurRun([0.3, 0.3, 0.3, 0.55, 0.56, 0.55, 0.55, 0.3, 0.3, 0.3], Array(10).fill(5));
    const found = localizeEvents([step], 30, 0.5);
    expect(found.map((e) => `${e.type}@${e.startS}-${e.endS}`)).toEqual(['blur@1.5-3.25']);
    // Every patch rose with the step: a whole-frame blur carries no region.
    expect(found[0]!.region).toBeUndefined();
    const bokeh = blurRun([0.4, 0.4, 0.66, 0.66, 0.67, 0.66, 0.4, 0.4], [1, 1, 2, 2, 2, 2, 3, 3]);
    expect(localizeEvents([bokeh], 30, 0.5)).toEqual([]);
  });
});
