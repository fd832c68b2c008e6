import { describe, expect, it } from 'vitest';
import type { FrameSource } from '../decode/frame-source.ts';
import { EXPERTS } from '../experts/registry.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import { fakeFrameSource } from '../testing/fake-frame-source.ts';
import { NodeExecutor } from '../testing/node-executor.ts';
import { availableExperts } from './plan.ts';
import { glancePoints, periodicKeys, probePoints, probeTimes, runProbe, PROBE_FRAMES } from './probe.ts';

describe('probeTimes', () => {
  it('spreads pairs of adjacent frames over the video when keyframes are unknown', () => {
    const t = probeTimes(10, 25);
    expect(t).toHaveLength(2 * PROBE_FRAMES);
    for (let i = 0; i < t.length; i += 2) expect(t[i + 1]! - t[i]!).toBeCloseTo(0.04, 6);
    expect(t[0]!).toBeGreaterThan(0);
    expect(t[t.length - 2]!).toBeGreaterThan(8);
  });

  it('snaps to keyframes when the container has enough of them, so each point decodes two frames', () => {
    const keys = [0, 2, 4, 6, 8];
    const t = probeTimes(10, 25, keys);
    const starts = t.filter((_, i) => i % 2 === 0);
    for (const s of starts) expect(keys).toContain(s);
    expect(new Set(starts).size).toBe(starts.length);
    expect(Math.max(...starts)).toBeGreaterThanOrEqual(8);
  });

  it('keeps to its decode budget in a file with one long group of pictures: farther in a small one', () => {
    const hd = probeTimes(60, 30, [0], 1920 * 1080);
    expect(hd).toHaveLength(2 * PROBE_FRAMES);
    expect(Math.max(...hd)).toBeLessThan(1.5);
    const small = probeTimes(60, 30, [0], 640 * 360);
    expect(Math.max(...small)).toBeGreaterThan(5);
    expect(Math.max(...small)).toBeLessThan(10);
    // A short small clip is probed over its whole length.
    expect(Math.max(...probeTimes(4, 30, [0], 320 * 180))).toBeGreaterThan(3);
  });
});

describe('glancePoints', () => {
  it('adds points between far-apart keyframes within its decode budget, cheapest reach first in time order', () => {
    // Keyframes every 4 s collapse the probe onto two points; a 360p frame is cheap to decode.
    const own = probePoints(8.4, 60, [0, 4.17, 8.33], 640 * 360);
    expect(own).toEqual([0, 4.17]);
    const extra = glancePoints(own, 8.4, 60, [0, 4.17, 8.33], 640 * 360, PROBE_FRAMES, 8).extra;
    expect(extra.length).toBeGreaterThan(0);
    for (const t of extra) for (const o of own) expect(Math.abs(t - o)).toBeGreaterThan(0.5);
    // A 4K frame costs about 40 ms: the budget reaches no point seconds away from its keyframe.
    const big = glancePoints(own, 8.4, 60, [0, 4.17, 8.33], 3840 * 2160, PROBE_FRAMES, 8).extra;
    expect(big.length).toBeLessThan(extra.length);
  });

  it('adds nothing when the probe already has its points', () => {
    const keys = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const own = probePoints(10, 25, keys);
    expect(own).toHaveLength(PROBE_FRAMES);
    expect(glancePoints(own, 10, 25, keys, 640 * 360, PROBE_FRAMES, 8)).toEqual({ extra: [], skipOwn: new Set() });
  });

  it('leaves keyframes placed at scene cuts for evenly spread points it can afford', () => {
    const keys = [0, 2, 3, 4, 5, 8, 9];
    expect(periodicKeys(keys)).toBe(false);
    expect(periodicKeys([0, 2, 4, 6, 7.5])).toBe(true);
    // Cuts that happen to be nearly regular (a 6-s clip cut at 2.5 and 4.5 s) are not an encoder's interval.
    expect(periodicKeys([0, 2.5, 4.5], 30)).toBe(false);
    expect(periodicKeys([0, 2.1, 4.133, 5.8], 30)).toBe(false);
    expect(periodicKeys([0, 2.002, 4.004, 6.006], 29.97)).toBe(true);
    const own = probePoints(10, 30, keys, 854 * 480);
    const { extra, skipOwn } = glancePoints(own, 10, 30, keys, 854 * 480, PROBE_FRAMES, 8);
    expect(extra.length).toBeGreaterThanOrEqual(4);
    for (const t of extra) expect(keys).not.toContain(t);
    expect(skipOwn.size).toBeGreaterThan(0);
  });
});

describe('runProbe', () => {
  /** A source that, like the WebCodecs reader, hands out every frame in one reused buffer. */
  function reusingSource(inner: FrameSource): FrameSource {
    return {
      ...inner,
      async *framesAt(times, signal) {
        let buffer: Uint8Array | undefined;
        for await (const f of inner.framesAt(times, signal)) {
          buffer ??= new Uint8Array(f.pixels.data.length);
          buffer.set(f.pixels.data);
          yield { tS: f.tS, pixels: { ...f.pixels, data: buffer } };
        }
      },
    };
  }

  it("hands its frames' pixels to the executor, which makes the same planes the probe would", async () => {
    const video = { width: 320, height: 180, fps: 30, frames: 90, panPx: 3 };
    const catalogue = availableExperts(0, video, EXPERTS, 'wasm');
    const node = new NodeExecutor();
    let raw = 0;
    const there: ExpertExecutor = { load: (m, b, e) => node.load(m, b, e), run: (j, f) => node.run(j, f), runRaw: (batch, f) => (raw++, node.runRaw(batch, f)) };
    // Without `runRaw` the planes are made on the probe's side.
    const here: ExpertExecutor = { load: (m, b, e) => node.load(m, b, e), run: (j, f) => node.run(j, f) };
    const signal = new AbortController().signal;
    const probe = (executor: ExpertExecutor) => runProbe(reusingSource(fakeFrameSource(video)), catalogue, executor, 'file:///models/', 'wasm', signal);
    const a = await probe(there);
    const b = await probe(here);
    // Some made there (the dispatcher makes them here while two batches wait: batches.ts).
    expect(raw).toBeGreaterThan(0);
    expect(a.experts.length).toBeGreaterThan(0);
    expect(a.experts.map((e) => [e.meta.id, e.values])).toEqual(b.experts.map((e) => [e.meta.id, e.values]));
    // The frames differ from one point to the next: a probe that let the reader's buffer change under
    // a queued frame would not give each point its own values.
    const contrast = a.experts.find((e) => e.meta.id === 'contrast')!;
    expect(new Set(contrast.values).size).toBeGreaterThan(1);
  }, 60_000);
});
