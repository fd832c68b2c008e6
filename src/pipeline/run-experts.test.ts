import { describe, expect, it } from 'vitest';
import { EXPERTS } from '../experts/registry.ts';
import { smallLumaAt } from '../frames/frame-planes.ts';
import { fakeFrameSource, type FakeVideo } from '../testing/fake-frame-source.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import { NodeExecutor } from '../testing/node-executor.ts';
import { BatchDispatcher, TEMPORAL_CARRY, type ActiveExpert, type TemporalFrame } from './batches.ts';
import { ExpertResults } from './expert-results.ts';
import { ExternalRun } from './external-run.ts';
import { availableExperts, makePlan } from './plan.ts';
import { runExperts, TEMPORAL_BATCH } from './run-experts.ts';

const executor = new NodeExecutor();
/** Hands the jobs over as the inference worker gets them: their buffers transferred (detached here). */
const transferring: ExpertExecutor = {
  load: (...a) => executor.load(...a),
  run: (jobs, first) => {
    const buffers = new Set(jobs.flatMap((j) => [j.x.data.buffer, ...(j.t ? [j.t.data.buffer] : [])]));
    return executor.run(structuredClone(jobs, { transfer: [...buffers] as ArrayBuffer[] }), first);
  },
};
// Two full temporal batches and a part of one, a held span across the first boundary.
const video: FakeVideo = { width: 320, height: 180, fps: 30, frames: 2 * TEMPORAL_BATCH + 20, hold: [40, 60], keyEvery: 30 };
const signal = new AbortController().signal;
const load = { modelBaseUrl: 'file:///models/', ep: 'wasm' as const };

describe('the run of tiers 1 and 2', () => {
  it('sends the last analysis frames without waiting for a batch partner, with the outputs batches of four give', async () => {
    const spatial = availableExperts(1, video, EXPERTS, 'wasm').filter((m) => ['sharpness', 'blocking', 'noise'].includes(m.id));
    const plan = makePlan(1, { ...video, durationS: video.frames / video.fps, frameCount: video.frames }, spatial, 'wasm');
    expect(plan.budget.batch).toBe(2);
    const batches: number[] = [];
    const counting: ExpertExecutor = {
      load: (...a) => executor.load(...a),
      run: (jobs, first) => {
        batches.push(Math.max(...jobs.map((j) => j.x.dims[0]!)));
        return transferring.run(jobs, first);
      },
    };
    const none = await ExternalRun.load([], video.frames, 'wasm');
    const run = await runExperts(fakeFrameSource(video), plan, counting, load, none, signal, () => undefined);
    // 12 analysis frames: five pairs, then the last two each on its own.
    expect(batches).toEqual([2, 2, 2, 2, 2, 1, 1]);

    // The reference: the analysis frames in batches of four.
    const reference = await runExperts(fakeFrameSource(video), { ...plan, budget: { ...plan.budget, batch: 4 } }, transferring, load, none, signal, () => undefined);
    for (const [i, e] of run.active.entries()) {
      const got = e.results.frames.map((f) => [f.tS, f.raw, ...(f.map ?? [])]);
      expect(got.length).toBeGreaterThan(0);
      expect(got).toEqual(reference.active[i]!.results.frames.map((f) => [f.tS, f.raw, ...(f.map ?? [])]));
    }
  }, 120_000);

  it('gives the temporal experts, whose batches it stacks in place, what separate frames in batches with carried history give', async () => {
    const temporal = availableExperts(1, video, EXPERTS, 'wasm').filter((m) => m.inputs.stream === 'temporal');
    const plan = makePlan(1, { ...video, durationS: video.frames / video.fps, frameCount: video.frames }, temporal, 'wasm');
    const none = await ExternalRun.load([], video.frames, 'wasm');
    const run = await runExperts(fakeFrameSource(video), plan, transferring, load, none, signal, () => undefined);

    // The reference: each frame's luma in its own array, batches stacked by copying, as the run did before.
    await executor.load(temporal, load.modelBaseUrl, 'wasm');
    const active: ActiveExpert[] = temporal.map((meta) => ({ meta, stride: 1, results: new ExpertResults(meta) }));
    const dispatcher = new BatchDispatcher(executor);
    let batch: TemporalFrame[] = [];
    let carry: TemporalFrame[] = [];
    const flush = async () => {
      await dispatcher.temporal(batch, carry, active);
      carry = [...carry, ...batch].slice(-TEMPORAL_CARRY);
      batch = [];
    };
    for await (const { tS, pixels } of fakeFrameSource(video).frames(signal)) {
      batch.push({ tS, luma: smallLumaAt(pixels, plan.temporalSize.width, plan.temporalSize.height) });
      if (batch.length >= TEMPORAL_BATCH) await flush();
    }
    await flush();
    await dispatcher.drain();

    expect(run.temporalFrames).toBe(video.frames);
    expect(run.active.map((e) => e.meta.id)).toEqual(active.map((e) => e.meta.id));
    for (const [i, e] of run.active.entries()) {
      const got = e.results.frames.map((f) => [f.tS, f.raw, ...(f.map ?? [])]);
      expect(got).toHaveLength(video.frames);
      expect(got).toEqual(active[i]!.results.frames.map((f) => [f.tS, f.raw, ...(f.map ?? [])]));
    }
    // The held span is seen: the outputs are not all alike.
    const freeze = run.active.find((e) => e.meta.id === 'freeze')!;
    expect(new Set(freeze.results.frames.map((f) => f.raw)).size).toBeGreaterThan(1);
  }, 120_000);
});
