import { describe, expect, it } from 'vitest';
import type { ExpertMeta } from '../experts/types.ts';
import { ARTIFACT_TYPES } from '../report/types.ts';
import { ExpertResults } from './expert-results.ts';
import { makePlan } from './plan.ts';
import { buildReport } from './report-builder.ts';

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

const info = { container: 'mp4', codec: 'avc1.64001f', width: 640, height: 360, durationS: 4, fps: 30, frameCount: 120, decoder: 'webcodecs' as const };

async function reportFor(results: ExpertResults[]) {
  let t = 0;
  return buildReport({
    file: { name: 'clip.mp4', bytes: 10 },
    info,
    plan: makePlan(1, info, results.map((r) => r.meta), 'wasm'),
    results,
    router: 'fast',
    backend: { ep: 'wasm', adapter: '' },
    timings: { decodeMs: 5, expertsMs: 7, startedAt: 0, now: () => (t += 10) },
  });
}

describe('buildReport', () => {
  it('produces the qrouter.report/1 shape with pooled, normalised expert scores', async () => {
    const blur = new ExpertResults(meta({ id: 'blur', artifact: 'blur' }));
    const contrast = new ExpertResults(meta({ id: 'contrast', lowerIsBetter: false, range: [0, 10], threshold: undefined }));
    for (let i = 0; i < 16; i++) {
      blur.add(i * 0.25, 0.1, new Float32Array(4).fill(0.1), 2, 2, true);
      contrast.add(i * 0.25, 8, new Float32Array(4).fill(8), 2, 2, true);
    }
    const r = await reportFor([blur, contrast]);
    expect(r.schema).toBe('qrouter.report/1');
    expect(r.input).toMatchObject({ name: 'clip.mp4', bytes: 10, width: 640, height: 360, decoder: 'webcodecs' });
    expect(r.experts.find((e) => e.id === 'blur')).toMatchObject({ score: 90, raw: 0.1 });
    expect(r.experts.find((e) => e.id === 'contrast')).toMatchObject({ score: 80, raw: 8 });
    expect(r.score).toBeGreaterThan(80);
    expect(r.label).toBe('excellent');
    expect(r.artifacts).toEqual([]);
    expect(r.timeline.length).toBeGreaterThan(0);
    expect(r.timings).toMatchObject({ decodeMs: 5, expertsMs: 7, framesAnalyzed: 120 });
    expect(r.route.router).toBe('fast');
    expect(r.route.experts.map((e) => e.id).sort()).toEqual(['blur', 'contrast']);
  });

  it('turns a run of flagged frames into one artifact event with a local region', async () => {
    const blur = new ExpertResults(meta({ id: 'blur', artifact: 'blur' }));
    for (let i = 0; i < 16; i++) {
      const bad = i >= 4 && i < 8;
      // Only the top-left patch is blurred in the bad frames.
      const map = new Float32Array([bad ? 0.9 : 0.1, 0.1, 0.1, 0.1]);
      blur.add(i * 0.25, bad ? 0.8 : 0.1, map, 2, 2, true);
    }
    const r = await reportFor([blur]);
    expect(r.artifacts).toHaveLength(1);
    const a = r.artifacts[0]!;
    expect(ARTIFACT_TYPES).toContain(a.type);
    expect(a.type).toBe('blur');
    expect(a.startS).toBeCloseTo(1, 5);
    expect(a.endS).toBeGreaterThan(1.75);
    expect(a.endS).toBeLessThan(2.5);
    expect(a.region).toEqual({ x: 0, y: 0, w: 0.5, h: 0.5 });
    expect(r.score).toBeLessThan(100);
  });
});
