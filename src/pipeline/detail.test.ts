import { describe, expect, it } from 'vitest';
import type { ExpertMeta } from '../experts/types.ts';
import { decodeMap, DETAIL_LIMITS, validateDetail } from '../report/detail.ts';
import { buildDetail, coverOf, poolMap } from './detail.ts';
import { ExpertResults } from './expert-results.ts';
import type { TrackFrame } from './luma-track.ts';
import { makePlan } from './plan.ts';

function meta(over: Partial<ExpertMeta> & { id: string }): ExpertMeta {
  return {
    label: over.id,
    kind: 'spatial',
    lowerIsBetter: true,
    range: [0, 1],
    unit: 'u',
    threshold: 0.5,
    pool: 'mean',
    costPerFrameMs: 1,
    requires: [],
    model: `models/${over.id}.onnx`,
    inputs: { planes: 'luma', stream: 'analysis', patch: 32 },
    description: '',
    ...over,
  };
}

const video = { width: 640, height: 360, durationS: 4, frameCount: 120 };

describe('buildDetail', () => {
  it('keeps the luma track whole up to its cap, rounded, and leaves a longer one out', () => {
    const plan = makePlan(1, video, [], 'wasm');
    const track = (n: number): TrackFrame[] => Array.from({ length: n }, (_, i) => ({ tS: i / 30, mean: 100.123 + i, correlation: i === 0 ? Number.NaN : 0.987654 }));
    const d = buildDetail([], { plan, durationS: 4, fps: 30, track: track(120) });
    expect(validateDetail(d)).toEqual([]);
    expect(d.luma?.tS.length).toBe(120);
    expect(d.luma?.mean.slice(0, 2)).toEqual([100.12, 101.12]);
    expect(d.luma?.correlation.slice(0, 2)).toEqual([0, 0.9877]);
    expect(buildDetail([], { plan, durationS: 4, fps: 30, track: track(DETAIL_LIMITS.lumaFrames + 1) }).luma).toBeUndefined();
    expect(validateDetail({ ...d, luma: { tS: [0, 1], mean: [1], correlation: [0, 1] } })).toContain('detail.luma.mean: must have 2 entries (got 1)');
  });

  it('keeps each expert series and quantized maps that decode back within one step', () => {
    const plan = makePlan(2, video, [], 'wasm');
    const blur = new ExpertResults(meta({ id: 'sharpness', artifact: 'blur' }));
    // 20×11 patches at 640×360 with 32-px patches; a bad block in columns 10..15, rows 2..7.
    const map = new Float32Array(11 * 20).fill(0.2);
    for (let r = 2; r < 8; r++) for (let c = 10; c < 16; c++) map[r * 20 + c] = 0.9;
    for (let i = 0; i < 32; i++) blur.add((i + 0.5) / 8, i >= 8 && i < 16 ? 0.7 : 0.3, map, 11, 20, true);
    const contrast = new ExpertResults(meta({ id: 'contrast', lowerIsBetter: false, range: [12, 60], threshold: undefined }));
    for (let i = 0; i < 32; i++) contrast.add((i + 0.5) / 8, 30 + i, new Float32Array(4), 2, 2, true);

    const d = buildDetail([blur, contrast], { plan, durationS: 4, fps: 30 });
    expect(validateDetail(d)).toEqual([]);
    expect(d.experts.map((e) => e.id)).toEqual(['sharpness', 'contrast']);
    const s = d.experts[0]!;
    expect(s.artifact).toBe('blur');
    expect(s.series.mean.slice(7, 10)).toEqual([0.3, 0.7, 0.7]);
    expect(s.series.worst).toBeUndefined();
    const maps = s.maps!;
    expect([maps.ph, maps.pw, maps.frames.length]).toEqual([11, 20, 32]);
    expect(maps.coverW).toBe(1);
    expect(maps.coverH).toBeCloseTo(352 / 360, 3);
    expect(poolMap(map, 11, 20, 1, 11, 20)).toBe(map);
    expect(maps.holdS).toBeCloseTo(1 / 16, 2);
    const back = decodeMap(maps, maps.frames[0]!);
    const step = (maps.hi - maps.lo) / 255;
    for (let i = 0; i < map.length; i++) expect(Math.abs(back[i]! - map[i]!)).toBeLessThanOrEqual(step);
    // A content measure has a series but no maps.
    expect(d.experts[1]!.maps).toBeUndefined();
    expect(d.experts[1]!.series.mean[31]).toBe(61);
  });

  it('finds how much of the frame the cells cover, also for models that shrink a side first', () => {
    expect(coverOf(20, 20, 1, 32, 640)).toBe(1);
    expect(coverOf(11, 11, 1, 32, 360)).toBeCloseTo(352 / 360, 3);
    expect(coverOf(10, 10, 1, 32, 640)).toBe(1); // width halved inside the model: 64-px cells
    expect(coverOf(33, 17, 2, 32, 1080)).toBeCloseTo(1088 / 1080, 3);
  });

  it('pools large maps down to the cell limit by block means', () => {
    const m = new Float32Array(4 * 6).map((_, i) => i);
    const p = poolMap(m, 4, 6, 2, 2, 3);
    expect(Array.from(p)).toEqual([3.5, 5.5, 7.5, 15.5, 17.5, 19.5]);
  });

  it('stays under 5 MB for a 10-minute 1080p video at the densest tier, whatever the experts flag', () => {
    const long = { width: 1920, height: 1080, durationS: 600, frameCount: 18_000 };
    const plan = makePlan(2, long, [], 'wasm');
    const results: ExpertResults[] = [];
    // 11 artifact experts and 4 without an artifact, like the shipped set; temporal ones see every frame.
    for (let e = 0; e < 15; e++) {
      const temporal = e < 4;
      const m = meta({
        id: `e${e}`,
        artifact: e < 11 ? 'blur' : undefined,
        inputs: { planes: 'luma', stream: temporal ? 'temporal' : 'analysis', patch: temporal ? 16 : 32 },
      });
      const res = new ExpertResults(m);
      const size = temporal ? plan.temporalSize : plan.analysisSize;
      const [ph, pw] = [Math.floor(size.height / m.inputs.patch), Math.floor(size.width / m.inputs.patch)];
      const frames = temporal ? long.frameCount : 32;
      for (let i = 0; i < frames; i++) {
        const map = new Float32Array(ph * pw).map(() => Math.random());
        res.add((i / frames) * long.durationS, 0.5 + Math.random() / 2, map, ph, pw, true);
      }
      results.push(res);
    }
    const d = buildDetail(results, { plan, durationS: long.durationS, fps: 30 });
    expect(validateDetail(d)).toEqual([]);
    const bytes = new TextEncoder().encode(JSON.stringify(d)).length;
    console.log(`detail of a 10-minute 1080p video, every frame flagged: ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(5e6);
    for (const e of d.experts) {
      expect(e.series.tS.length).toBeLessThanOrEqual(DETAIL_LIMITS.seriesPoints);
      if (e.maps) expect(Math.max(e.maps.ph, e.maps.pw)).toBeLessThanOrEqual(DETAIL_LIMITS.mapSide);
    }
  });

  it('stays under 5 MB at its absolute caps: 15 experts, each with full series and the most maps of the largest grid', () => {
    const long = { width: 1920, height: 1080, durationS: 600, frameCount: 18_000 };
    const plan = makePlan(2, long, [], 'wasm');
    const results = Array.from({ length: 15 }, (_, e) => {
      const res = new ExpertResults(meta({ id: `e${e}`, artifact: 'noise', inputs: { planes: 'luma', stream: 'temporal', patch: 4 } }));
      const big = new Float32Array(64 * 64).map((_, i) => (i % 97) / 97);
      for (let i = 0; i < long.frameCount; i++) res.add(i / 30, 0.1 + (i % 13) / 13, big, 64, 64, i % 40 === 0);
      return res;
    });
    const d = buildDetail(results, { plan, durationS: long.durationS, fps: 30 });
    expect(validateDetail(d)).toEqual([]);
    expect(d.experts.every((e) => e.maps?.frames.length === DETAIL_LIMITS.maps && e.maps.pw === DETAIL_LIMITS.mapSide)).toBe(true);
    const bytes = new TextEncoder().encode(JSON.stringify(d)).length;
    console.log(`detail at its caps (15 experts × ${DETAIL_LIMITS.maps} maps of ${DETAIL_LIMITS.mapSide}² cells, ${DETAIL_LIMITS.seriesPoints}-point series): ${(bytes / 1e6).toFixed(2)} MB`);
    expect(bytes).toBeLessThan(5e6);
  });

  it('names what is wrong in a malformed document', () => {
    expect(validateDetail({ schema: 'qrouter.detail/1', durationS: 1, experts: [{ id: 'x' }] })).toContain('detail.experts[0].series: must be an object');
    expect(validateDetail({ schema: 'x', durationS: -1, experts: [], more: 1 })).toEqual([
      'detail.more: is not in the schema',
      'detail.schema: must be "qrouter.detail/1"',
      'detail.durationS: must be a number ≥ 0',
    ]);
  });
});
