/**
 * The VLM router inside the real pipeline (in this thread, on a fake frame source), reached through a
 * MessagePort as in the app: the probe's keyframes and catalogue go in, a valid plan becomes the route,
 * an invalid one leaves the fast router in charge with the reason in the report.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSource, type SourceAnalyzeOptions } from '../pipeline/analyze-source.ts';
import { validateReport } from '../report/validate.ts';
import { createVlmRouter } from '../router/vlm-router.ts';
import { fakeFrameSource } from '../testing/fake-frame-source.ts';
import { NodeExecutor } from '../testing/node-executor.ts';
import type { JsonSchema, VlmBackend } from './backend.ts';
import { exposeVlmBackend, vlmBackendFromPort } from './port.ts';

const executor = new NodeExecutor();

/** Runs the pipeline with a backend that answers `answer(schema)`, served over a MessagePort. */
async function run(answer: (schema: any) => string) {
  const seen: { images: readonly string[]; schema: JsonSchema; user: string }[] = [];
  const backend: VlmBackend = {
    label: 'scripted model',
    routeJson: async (prompt, images, schema) => {
      seen.push({ images, schema, user: prompt.user });
      return answer(schema);
    },
    describe: () => Promise.reject(new Error('unused')),
  };
  const served = exposeVlmBackend(backend);
  try {
    const opts: SourceAnalyzeOptions = { tier: 1, router: 'vlm', modelBaseUrl: 'file:///models/', ep: 'wasm', externalExperts: [] };
    const source = fakeFrameSource({ width: 320, height: 180, fps: 30, frames: 90 });
    const vlmRouter = createVlmRouter(vlmBackendFromPort(served.handle));
    const report = await analyzeSource(source, { name: 'fake.mp4', bytes: 1000 }, opts, () => undefined, new AbortController().signal, { executor, vlmRouter });
    return { report, seen };
  } finally {
    served.handle.port.close();
    served.close();
  }
}

describe('the VLM router in the pipeline', { timeout: 180_000 }, () => {
  it('routes with a valid plan made from the probe keyframes', async () => {
    const { report, seen } = await run((schema) => {
      const ids: string[] = schema.properties.experts.items.properties.id.enum;
      return JSON.stringify({ contentType: 'animation', contentConfidence: 0.75, experts: ids.slice(0, 3).map((id) => ({ id, weight: 0.6 })), reasons: ['Flat colour fields.'] });
    });
    expect(validateReport(report)).toEqual([]);
    expect(report.route).toMatchObject({ requested: 'vlm', router: 'vlm', contentType: 'animation', contentConfidence: 0.75 });
    expect(report.route.fallbackReason).toBeUndefined();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.images.length).toBeGreaterThan(0);
    expect(seen[0]!.images.length).toBeLessThanOrEqual(4);
    expect(seen[0]!.user).toMatch(/Video: 320x180/);
  });

  it('falls back visibly on an out-of-range plan', async () => {
    const { report } = await run((schema) => JSON.stringify({ contentType: 'animation', contentConfidence: 0.5, experts: [{ id: schema.properties.experts.items.properties.id.enum[0], weight: 2 }], reasons: ['x'] }));
    expect(validateReport(report)).toEqual([]);
    expect(report.route).toMatchObject({ requested: 'vlm', router: 'fast' });
    expect(report.route.fallbackReason).toMatch(/refused: weight 2 .* outside 0..1/);
  });
});
