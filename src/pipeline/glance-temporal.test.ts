import { describe, expect, it } from 'vitest';
import { EXPERTS } from '../experts/registry.ts';
import type { BatchOutputs, ExpertExecutor, ExpertJob } from '../inference/executor.ts';
import { fakeFrameSource } from '../testing/fake-frame-source.ts';
import { NodeExecutor } from '../testing/node-executor.ts';
import type { TemporalFrame } from './batches.ts';
import { GlanceSteps, GlanceTemporal, glanceTemporalExperts } from './glance-temporal.ts';
import { availableExperts, makePlan, TIERS, temporalSizeOf } from './plan.ts';
import { runProbe } from './probe.ts';
import { runGlance } from './run-glance.ts';

const frame = (i: number): TemporalFrame => ({ tS: i / 30, luma: { width: 1, height: 1, channels: 1, data: new Float32Array([i]) } });
const frames = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => frame(from + k));
const ids = (fs: TemporalFrame[]) => fs.map((f) => Math.round(f.tS * 30));

describe('GlanceSteps', () => {
  it('uses a lone burst’s first frames as history and carries history into a burst that touches the last', () => {
    const steps = new GlanceSteps(30);
    const a = steps.next(frames(0, 8))!;
    expect(ids(a.carry)).toEqual([0, 1, 2, 3]);
    expect(ids(a.frames)).toEqual([4, 5, 6, 7]);
    // Starts at the last frame read: reads on, frame 7 counted once, with as much history as the
    // stream's batches carry (more than a lone burst keeps).
    const b = steps.next(frames(7, 12))!;
    expect(ids(b.carry)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(ids(b.frames)).toEqual([8, 9, 10, 11]);
    expect(steps.next([])).toBeUndefined();
    // Far from the last: a fresh sequence again.
    const c = steps.next(frames(60, 63))!;
    expect(ids(c.carry)).toEqual([60, 61]);
    expect(ids(c.frames)).toEqual([62]);
    expect(steps.counted).toBe(4 + 4 + 1);
  });
});

const node = new NodeExecutor();
const video = { width: 320, height: 180, fps: 30, frames: 240, keyEvery: 60 };
const load = { modelBaseUrl: 'file:///models/', ep: 'wasm' as const };
const catalogue = availableExperts(0, video, EXPERTS, 'wasm');
const temporalIds = new Set(glanceTemporalExperts(catalogue).map((m) => m.id));

/** The Node executor logging each temporal expert it runs; `failEarly` rejects temporal batches before the route. */
function loggingExecutor(log: string[], failEarly: boolean): ExpertExecutor {
  return {
    load: (metas, base, ep) => node.load(metas, base, ep),
    run(jobs: ExpertJob[]): Promise<BatchOutputs> {
      const temporal = jobs.filter((j) => temporalIds.has(j.id));
      for (const j of temporal) log.push(`run ${j.id}`);
      if (failEarly && temporal.length && !log.includes('routed')) return Promise.reject(new Error('inference worker lost'));
      return node.run(jobs);
    },
  };
}

/** Tier 0's probe and run with only the temporal experts planned (`leaveOut` weighted 0 by the route). */
async function glanceRun(early: boolean, opts: { leaveOut?: string; failEarly?: boolean } = {}) {
  const log: string[] = [];
  const executor = loggingExecutor(log, opts.failEarly ?? false);
  const source = fakeFrameSource(video);
  const signal = new AbortController().signal;
  const temporal = early ? new GlanceTemporal(catalogue, executor, load, signal, video.fps) : undefined;
  const { glance } = await runProbe(source, catalogue, executor, load.modelBaseUrl, 'wasm', signal, { length: TIERS[0].burst, keep: temporalSizeOf(0, video), temporal });
  log.push('routed');
  const weights = new Map(catalogue.map((m) => [m.id, temporalIds.has(m.id) && m.id !== opts.leaveOut ? 1 : 0]));
  const plan = makePlan(0, source.info, catalogue, 'wasm', weights, undefined, glance!.segments.map((s) => s.first.tS));
  const run = await runGlance(glance!, plan, executor, load, signal, () => undefined, video.fps, undefined, temporal);
  const series = Object.fromEntries(run.active.map((e) => [e.meta.id, e.results.frames.map((f) => [f.tS, f.raw])]));
  return { run, log, series };
}

describe("tier 0's early temporal run", () => {
  it('runs the temporal experts on each burst before the route, once, with the same outputs as after it', async () => {
    const plain = await glanceRun(false);
    const early = await glanceRun(true);
    expect(Object.keys(plain.series).sort()).toEqual([...temporalIds].sort());
    expect(early.series).toEqual(plain.series);
    expect(early.run.temporalFrames).toBe(plain.run.temporalFrames);
    expect(plain.run.temporalFrames).toBeGreaterThan(0);
    const runs = (log: string[]) => log.filter((l) => l.startsWith('run '));
    // The same batches, once each: all before the route with the early run, all after it without.
    expect(runs(early.log).sort()).toEqual(runs(plain.log).sort());
    expect(plain.log.indexOf('run freeze')).toBeGreaterThan(plain.log.indexOf('routed'));
    expect(early.log.lastIndexOf('run freeze')).toBeLessThan(early.log.indexOf('routed'));
  }, 120_000);

  it('drops what the route leaves out, and the run does it all when the early batches fail', async () => {
    const plain = await glanceRun(false, { leaveOut: 'stutter' });
    const early = await glanceRun(true, { leaveOut: 'stutter' });
    expect(early.series).toEqual(plain.series);
    expect(early.series.stutter).toBeUndefined();
    const failed = await glanceRun(true, { failEarly: true });
    const ok = await glanceRun(false);
    expect(failed.series).toEqual(ok.series);
    expect(failed.log.slice(failed.log.indexOf('routed')).filter((l) => l === 'run freeze').length).toBeGreaterThan(0);
  }, 120_000);
});
