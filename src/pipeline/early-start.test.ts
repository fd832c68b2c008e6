import { describe, expect, it } from 'vitest';
import { EXPERTS } from '../experts/registry.ts';
import type { BatchOutputs, ExpertExecutor, ExpertJob } from '../inference/executor.ts';
import { fakeFrameSource } from '../testing/fake-frame-source.ts';
import { NodeExecutor } from '../testing/node-executor.ts';
import { EarlyStart, earlyExperts } from './early-start.ts';
import { availableExperts, makePlan, TIERS, temporalSizeOf } from './plan.ts';
import { runProbe } from './probe.ts';
import { runGlance } from './run-glance.ts';
import { runExperts } from './run-experts.ts';
import { openSharedPass } from './shared-pass.ts';
import { ExternalRun } from './external-run.ts';

const node = new NodeExecutor();

/** The Node executor, logging every (expert, frame count) it runs and when, beside the source's reads. */
function countingExecutor(log: string[]): ExpertExecutor & { spatialRuns: Map<string, number> } {
  const spatialRuns = new Map<string, number>();
  return {
    spatialRuns,
    load: (metas, base, ep) => node.load(metas, base, ep),
    run(jobs: ExpertJob[]): Promise<BatchOutputs> {
      for (const j of jobs) {
        log.push(`run ${j.id}`);
        if (!j.t) spatialRuns.set(j.id, (spatialRuns.get(j.id) ?? 0) + (j.x.dims[0] ?? 0));
      }
      return node.run(jobs);
    },
  };
}

const video = { width: 320, height: 180, fps: 30, frames: 240, keyEvery: 60 };
const load = { modelBaseUrl: 'file:///models/', ep: 'wasm' as const };
const catalogue = availableExperts(0, video, EXPERTS, 'wasm');
// The route as a test sets it: one artifact expert left out, one on every other frame.
const weights = new Map(catalogue.map((m) => [m.id, m.id === 'blocking' ? 0 : 1]));
const frameBudgets = new Map([['banding', 2]]);

/** Tier 0's probe and run over the fake video, with or without the early start. */
async function glanceRun(withEarly: boolean) {
  const log: string[] = [];
  const executor = countingExecutor(log);
  const source = fakeFrameSource(video);
  const logged = {
    ...source,
    async *framesAt(times: readonly number[], signal?: AbortSignal) {
      for await (const f of source.framesAt(times, signal)) {
        log.push('read');
        yield f;
      }
    },
  };
  const signal = new AbortController().signal;
  const early = withEarly ? new EarlyStart(catalogue, source.info, executor, load, signal, 0) : undefined;
  const { glance } = await runProbe(logged, catalogue, executor, load.modelBaseUrl, 'wasm', signal, { length: TIERS[0].burst, keep: temporalSizeOf(0, video), early });
  log.push('routed');
  const plan = makePlan(0, source.info, catalogue, 'wasm', weights, frameBudgets, glance!.segments.map((s) => s.first.tS));
  const run = await runGlance(glance!, plan, executor, load, signal, () => undefined, video.fps, early);
  return { run, plan, log, spatialRuns: executor.spatialRuns };
}

const series = (run: Awaited<ReturnType<typeof glanceRun>>['run']) =>
  Object.fromEntries(run.active.map((e) => [e.meta.id, e.results.frames.map((f) => [f.tS, f.raw])]));

describe("tier 0's early start", () => {
  it('starts the spatial artifact experts before the probe has read its last frame, with the same outputs as without it', async () => {
    const plain = await glanceRun(false);
    const early = await glanceRun(true);
    expect(series(early.run)).toEqual(series(plain.run));
    // Banding kept its planned frames only, in time order.
    const banding = early.run.active.find((e) => e.meta.id === 'banding')!;
    expect(banding.stride).toBeGreaterThan(1);
    expect(banding.results.frames.map((f) => f.tS)).toEqual(plain.run.active.find((e) => e.meta.id === 'banding')!.results.frames.map((f) => f.tS));
    expect(early.run.active.some((e) => e.meta.id === 'blocking')).toBe(false);
    // Without the early start no spatial artifact expert runs before the route; with it, one does
    // before the last frame is read.
    const artifactIds = new Set(earlyExperts(catalogue).map((m) => m.id));
    // (The probe runs some artifact experts on its own frames; sharpness and banding are not among them.)
    const firstArtifact = (log: string[]) => log.findIndex((l) => l === 'run sharpness' || l === 'run banding');
    expect(firstArtifact(plain.log)).toBeGreaterThan(plain.log.indexOf('routed'));
    expect(firstArtifact(early.log)).toBeLessThan(early.log.lastIndexOf('read'));
    // No planned (expert, frame) is inferred twice: each planned expert ran at most as often as
    // without the early start, plus the frames its stride at full weight adds.
    for (const e of plain.run.active.filter((x) => x.meta.inputs.stream === 'analysis')) {
      expect(early.spatialRuns.get(e.meta.id) ?? 0).toBeLessThanOrEqual((plain.spatialRuns.get(e.meta.id) ?? 0) + (artifactIds.has(e.meta.id) ? e.results.frames.length : 0));
    }
    for (const id of ['sharpness', 'noise']) expect(early.spatialRuns.get(id)).toBe(plain.spatialRuns.get(id));
  }, 180_000);
});

/** Tier 1 over a video with one group of pictures (a shared pass), with or without the early start. */
async function passRun(withEarly: boolean) {
  const log: string[] = [];
  const executor = countingExecutor(log);
  const v = { width: 320, height: 180, fps: 30, frames: 150, keyEvery: 150 };
  const source = fakeFrameSource(v);
  const signal = new AbortController().signal;
  const cat = availableExperts(1, v, EXPERTS, 'wasm');
  const early = withEarly ? new EarlyStart(cat, source.info, executor, load, signal, 1) : undefined;
  const shared = await openSharedPass(source, 1, signal, early);
  expect(shared).toBeDefined();
  await runProbe(shared!.probeView(), cat, executor, load.modelBaseUrl, 'wasm', signal);
  log.push('routed');
  const plan = makePlan(1, source.info, cat, 'wasm', new Map(cat.map((m) => [m.id, m.id === 'banding' ? 0.3 : 1])));
  const external = await ExternalRun.load([], v.frames, 'wasm');
  const run = await runExperts(shared!.runView(), plan, executor, load, external, signal, () => undefined, shared!.kept, early);
  return { run, log, spatialRuns: executor.spatialRuns };
}

describe('the early start at tier 1', () => {
  it("runs on a shared pass's kept analysis frames before the route, with the same outputs as without it", async () => {
    const plain = await passRun(false);
    const early = await passRun(true);
    expect(series(early.run)).toEqual(series(plain.run));
    expect(plain.log.indexOf('run sharpness')).toBeGreaterThan(plain.log.indexOf('routed'));
    expect(early.log.indexOf('run sharpness')).toBeLessThan(early.log.indexOf('routed'));
    for (const id of ['sharpness', 'blocking', 'interlacing']) expect(early.spatialRuns.get(id)).toBe(plain.spatialRuns.get(id));
  }, 180_000);
});
