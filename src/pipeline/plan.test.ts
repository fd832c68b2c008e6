import { describe, expect, it } from 'vitest';
import type { ExpertMeta } from '../experts/types.ts';
import { MIN_EVENT_TRUST } from './localize-stage.ts';
import { EVENT_BUDGET_MS, makePlan, MIN_EVENT_SAMPLE, MIN_SAMPLE, TIERS } from './plan.ts';

function meta(id: string, costPerFrameMs: number, over: Partial<ExpertMeta> = {}): ExpertMeta {
  return {
    id,
    label: id,
    kind: 'spatial',
    lowerIsBetter: true,
    range: [0, 1],
    unit: '',
    pool: 'mean',
    costPerFrameMs,
    requires: [],
    model: `models/${id}.onnx`,
    inputs: { planes: 'luma', stream: 'analysis', patch: 32 },
    description: '',
    ...over,
  };
}

const video720 = { width: 1280, height: 720, durationS: 8, frameCount: 240 };

describe('makePlan', () => {
  it('sizes the streams per tier without upscaling', () => {
    const p = makePlan(1, video720, [], 'wasm');
    expect(p.analysisSize).toEqual({ width: 960, height: 540 });
    expect(p.temporalSize).toEqual({ width: 320, height: 180 });
    expect(p.rowsSize).toEqual({ width: 960, height: 720 });
    const small = makePlan(2, { width: 640, height: 360, durationS: 4, frameCount: 120 }, [], 'wasm');
    expect(small.analysisSize).toEqual({ width: 640, height: 360 });
  });

  it('spreads analysis frames over the clip and more of them at higher tiers', () => {
    const t0 = makePlan(0, video720, [], 'wasm').analysisTimes;
    const t2 = makePlan(2, video720, [], 'wasm').analysisTimes;
    expect(t2.length).toBeGreaterThan(t0.length);
    expect(t0[0]!).toBeGreaterThan(0);
    expect(t0[t0.length - 1]!).toBeLessThan(8);
  });

  it('gives costly experts fewer frames, and leaves out WebGPU-only ones on wasm', () => {
    const experts = [meta('cheap', 1), meta('costly', 60), meta('gpu', 1, { requires: ['webgpu'] })];
    const p1 = makePlan(1, video720, experts, 'wasm');
    const stride = (id: string) => p1.experts.find((e) => e.meta.id === id)?.stride;
    expect(stride('cheap')).toBe(1);
    expect(stride('costly')!).toBeGreaterThan(1);
    expect(p1.experts.some((e) => e.meta.id === 'gpu')).toBe(false);
    expect(makePlan(1, video720, experts, 'webgpu').experts.some((e) => e.meta.id === 'gpu')).toBe(true);
    const p0 = makePlan(0, video720, experts, 'wasm');
    expect(p0.experts.find((e) => e.meta.id === 'costly')?.stride).toBeGreaterThan(1);
  });

  it('gives every spatial expert at least MIN_SAMPLE frames, however costly, so the content of one frame is not its verdict', () => {
    const experts = [meta('costly', 500)];
    for (const tier of [0, 1, 2] as const) {
      const p = makePlan(tier, video720, experts, 'wasm');
      const stride = p.experts[0]!.stride;
      expect(Math.ceil(p.analysisTimes.length / stride)).toBeGreaterThanOrEqual(MIN_SAMPLE);
    }
  });

  it('gives a costly artifact expert MIN_EVENT_SAMPLE frames at tiers 1 and 2, so its events can form, and a costly model without an artifact only MIN_SAMPLE', () => {
    const experts = [meta('costly-banding', 500, { artifact: 'banding' }), meta('costly-model', 500)];
    for (const tier of [1, 2] as const) {
      const p = makePlan(tier, video720, experts, 'wasm');
      const frames = (id: string) => Math.ceil(p.analysisTimes.length / p.experts.find((e) => e.meta.id === id)!.stride);
      expect(frames('costly-banding')).toBeGreaterThanOrEqual(MIN_EVENT_SAMPLE);
      expect(frames('costly-model')).toBeLessThan(MIN_EVENT_SAMPLE);
    }
  });

  it('pays an artifact expert’s tier-1 frames from EVENT_BUDGET_MS whatever its weight, and a model without an artifact from its weight', () => {
    const cost = EVENT_BUDGET_MS / 12;
    const experts = [meta('light-exposure', cost, { artifact: 'underexposure' }), meta('light-model', cost)];
    const p = makePlan(1, video720, experts, 'wasm', new Map([['light-exposure', 0.3], ['light-model', 0.3]]));
    const frames = (id: string) => Math.ceil(p.analysisTimes.length / p.experts.find((e) => e.meta.id === id)!.stride);
    expect(frames('light-exposure')).toBe(p.analysisTimes.length);
    expect(frames('light-model')).toBeLessThan(p.analysisTimes.length);
  });

  it('gives the event floors only to an artifact expert whose events the route lets through (trust >= MIN_EVENT_TRUST)', () => {
    const experts = [meta('exposure', 20, { artifact: 'underexposure' })];
    const weights = new Map([['exposure', 0.22]]);
    const frames = (trust: number) => {
      const p = makePlan(1, video720, experts, 'wasm', weights, undefined, undefined, new Map([['exposure', trust]]));
      return Math.ceil(p.analysisTimes.length / p.experts[0]!.stride);
    };
    // Trusted: every tier-1 frame (EVENT_BUDGET_MS); distrusted (its flags are content): paid by its weight, MIN_SAMPLE.
    expect(frames(1)).toBe(TIERS[1].analysisFrames);
    expect(frames(MIN_EVENT_TRUST)).toBe(TIERS[1].analysisFrames);
    expect(frames(MIN_EVENT_TRUST - 0.05)).toBe(MIN_SAMPLE);
    // Without a trust map every artifact expert keeps its event floors, as before routing.
    expect(Math.ceil(12 / makePlan(1, video720, experts, 'wasm', weights).experts[0]!.stride)).toBe(TIERS[1].analysisFrames);
  });

  it('analyses frames at the same size at every tier, so tiers agree on what an expert measures', () => {
    const sizes = ([0, 1, 2] as const).map((t) => makePlan(t, video720, [], 'wasm').analysisSize);
    expect(sizes[0]).toEqual(sizes[1]);
    expect(sizes[2]).toEqual(sizes[1]);
  });

  it('follows the route: weight 0 is not run, a light weight gets fewer frames than a full one', () => {
    const experts = [meta('a', 20), meta('b', 20), meta('off', 1)];
    const p = makePlan(1, video720, experts, 'wasm', new Map([['a', 1], ['b', 0.25], ['off', 0]]));
    const stride = (id: string) => p.experts.find((e) => e.meta.id === id)?.stride;
    expect(stride('off')).toBeUndefined();
    expect(stride('b')!).toBeGreaterThan(stride('a')!);
  });

  it('runs temporal experts on every frame', () => {
    const t = meta('t', 1, { kind: 'temporal', inputs: { planes: 'luma', stream: 'temporal', patch: 16 } });
    expect(makePlan(0, video720, [t], 'wasm').experts[0]?.stride).toBe(1);
  });
});
