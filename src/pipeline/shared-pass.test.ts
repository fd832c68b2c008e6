import { describe, expect, it } from 'vitest';
import { EXPERTS } from '../experts/registry.ts';
import type { FrameSource } from '../decode/frame-source.ts';
import { fakeFrameSource, type FakeVideo } from '../testing/fake-frame-source.ts';
import { NodeExecutor } from '../testing/node-executor.ts';
import { analyzeSource } from './analyze-source.ts';
import { ExternalRun } from './external-run.ts';
import { availableExperts, makePlan } from './plan.ts';
import { runProbe } from './probe.ts';
import { runExperts } from './run-experts.ts';
import { openSharedPass } from './shared-pass.ts';

const executor = new NodeExecutor();
/** One group of pictures: the container indexes a single keyframe, so the probe spreads its points. */
const video: FakeVideo = { width: 320, height: 180, fps: 30, frames: 90, hold: [40, 60], keyEvery: 1000 };
const signal = new AbortController().signal;
const load = { modelBaseUrl: 'file:///models/', ep: 'wasm' as const };
const catalogue = availableExperts(1, video, EXPERTS, 'wasm');

/** The source's frames written into one buffer, overwritten by the next frame, as the WebCodecs source does. */
function reusingOneBuffer(source: FrameSource): FrameSource {
  const buffer = { data: new Uint8Array(0) };
  return {
    ...source,
    async *frames(s) {
      for await (const f of source.frames(s)) {
        if (buffer.data.length !== f.pixels.data.length) buffer.data = new Uint8Array(f.pixels.data.length);
        buffer.data.set(f.pixels.data);
        yield { tS: f.tS, pixels: { ...f.pixels, data: buffer.data } };
      }
    },
  };
}

describe('the shared pass of tiers 1 and 2', () => {
  it('gives the probe the frames a read by timestamp gives, and the run the results of a second decode', async () => {
    const sparse = fakeFrameSource(video);
    const own = await runProbe(sparse, catalogue, executor, load.modelBaseUrl, 'wasm', signal);
    const source = fakeFrameSource(video);
    const pass = (await openSharedPass(source, 1, signal))!;
    expect(pass).toBeDefined();
    const shared = await runProbe(pass.probeView(), catalogue, executor, load.modelBaseUrl, 'wasm', signal);
    expect(shared.keyframes.map((k) => k.tS)).toEqual(own.keyframes.map((k) => k.tS));
    expect(shared.keyframes.map((k) => [...k.rgb])).toEqual(own.keyframes.map((k) => [...k.rgb]));
    expect(shared.experts.map((e) => e.values)).toEqual(own.experts.map((e) => e.values));
    expect(shared.motion).toEqual(own.motion);
    // The probe read part of the video once; the run goes on from there and decodes nothing twice.
    expect(source.reads.sparse).toBe(0);
    expect(pass.kept.length).toBeGreaterThan(1);
    expect(pass.kept.length).toBeLessThan(video.frames);
    const keptTimes = pass.kept.map((k) => k.tS);
    expect(keptTimes).toEqual(keptTimes.map((_, i) => i / video.fps));

    const plan = makePlan(1, { ...video, durationS: video.frames / video.fps, frameCount: video.frames }, catalogue, 'wasm');
    const none = await ExternalRun.load([], video.frames, 'wasm');
    const twice = await runExperts(fakeFrameSource(video), plan, executor, load, none, signal, () => undefined);
    const once = await runExperts(pass.runView(), plan, executor, load, none, signal, () => undefined, pass.kept);
    expect(source.reads.sequential).toBe(video.frames);
    expect(once.frames).toBe(video.frames);
    expect(once.temporalFrames).toBe(twice.temporalFrames);
    expect(pass.kept).toEqual([]);
    for (const [i, e] of once.active.entries()) {
      const other = twice.active[i]!;
      expect(e.meta.id).toBe(other.meta.id);
      expect(e.results.frames.map((f) => [f.tS, f.raw])).toEqual(other.results.frames.map((f) => [f.tS, f.raw]));
    }
  }, 180_000);

  it('gives the probe and the run the same frames when the decoder reuses one buffer', async () => {
    const own = await runProbe(fakeFrameSource(video), catalogue, executor, load.modelBaseUrl, 'wasm', signal);
    const pass = (await openSharedPass(reusingOneBuffer(fakeFrameSource(video)), 1, signal))!;
    const shared = await runProbe(pass.probeView(), catalogue, executor, load.modelBaseUrl, 'wasm', signal);
    // Compared as text: a failing deep comparison of the pictures would print a huge diff.
    expect(shared.keyframes.map((k) => `${k.tS}:${k.rgb.join(',')}`).join('|') === own.keyframes.map((k) => `${k.tS}:${k.rgb.join(',')}`).join('|')).toBe(true);
    expect(shared.experts.map((e) => e.values)).toEqual(own.experts.map((e) => e.values));
    expect(shared.motion).toEqual(own.motion);
    const plan = makePlan(1, { ...video, durationS: video.frames / video.fps, frameCount: video.frames }, catalogue, 'wasm');
    const none = await ExternalRun.load([], video.frames, 'wasm');
    const twice = await runExperts(fakeFrameSource(video), plan, executor, load, none, signal, () => undefined);
    const once = await runExperts(pass.runView(), plan, executor, load, none, signal, () => undefined, pass.kept);
    for (const [i, e] of once.active.entries()) {
      expect(e.results.frames.map((f) => [f.tS, f.raw])).toEqual(twice.active[i]!.results.frames.map((f) => [f.tS, f.raw]));
    }
  }, 180_000);

  it('decodes every frame once in a whole tier 1 analysis', async () => {
    const source = fakeFrameSource(video);
    const opts = { tier: 1 as const, router: 'fast' as const, modelBaseUrl: load.modelBaseUrl, ep: 'wasm' as const, externalExperts: [] };
    const report = await analyzeSource(source, { name: 'one-gop.mp4', bytes: 1000 }, opts, () => undefined, signal, { executor });
    expect(source.reads).toEqual({ sequential: video.frames, sparse: 0 });
    expect(report.timings.framesAnalyzed).toBe(video.frames);
    expect(report.artifacts.some((a) => a.type === 'freeze')).toBe(true);
  }, 180_000);

  it('is not used where the probe sits on keyframes', async () => {
    expect(await openSharedPass(fakeFrameSource({ ...video, keyEvery: 15 }), 1, signal)).toBeUndefined();
    expect(await openSharedPass(fakeFrameSource({ ...video, keyEvery: undefined }), 1, signal)).toBeUndefined();
  });
});
