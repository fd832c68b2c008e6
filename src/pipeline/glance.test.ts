import { describe, expect, it } from 'vitest';
import type { FrameSource } from '../decode/frame-source.ts';
import { fakeFrameSource, type FakeVideo } from '../testing/fake-frame-source.ts';
import { NodeExecutor } from '../testing/node-executor.ts';
import { analyzeSource } from './analyze-source.ts';
import { TIERS } from './plan.ts';
import { glancePoints, probePoints, PROBE_FRAMES } from './probe.ts';

/**
 * A fake source that counts the frames a real decoder would decode for each sparse read: from the
 * keyframe at or before the first requested time of a group of pictures up to the last one requested
 * in that group (decoding restarts at a keyframe when a read leaves the group or goes back in time).
 */
function gopCountingSource(v: FakeVideo & { keyEvery: number }): FrameSource & { decoded: number[] } {
  const inner = fakeFrameSource(v);
  const decoded: number[] = [];
  return {
    ...inner,
    decoded,
    framesAt(times, signal) {
      let group = -1;
      let from = 0;
      let last = -1;
      for (const t of times) {
        const i = Math.min(v.frames - 1, Math.floor(t * v.fps + 1e-6));
        const g = Math.floor(i / v.keyEvery);
        if (g !== group || i < last) {
          if (group >= 0) decoded.push(...range(from, last));
          group = g;
          from = g * v.keyEvery;
        }
        last = i;
      }
      if (group >= 0) decoded.push(...range(from, last));
      return inner.framesAt(times, signal);
    },
  };
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);

describe('tier 0 reads at keyframes only', () => {
  it('adds no point between periodic keyframes once it has enough, even where decoding is cheap', () => {
    const keys = [0, 2, 4, 6];
    const own = probePoints(8, 30, keys, 320 * 180);
    expect(own).toEqual([0, 2, 4, 6]);
    expect(glancePoints(own, 8, 30, keys, 320 * 180, PROBE_FRAMES, TIERS[0].burst!).extra).toEqual([]);
  });

  it('decodes no more than a burst after each keyframe of a file with a keyframe every 2 s', async () => {
    const v = { width: 320, height: 180, fps: 30, frames: 240, keyEvery: 60 };
    const source = gopCountingSource(v);
    const opts = { tier: 0 as const, router: 'fast' as const, modelBaseUrl: 'file:///models/', ep: 'wasm' as const, externalExperts: [] };
    const report = await analyzeSource(source, { name: 'keyed.mp4', bytes: 1000 }, opts, () => undefined, new AbortController().signal, { executor: new NodeExecutor() });
    const burst = TIERS[0].burst!;
    // Every decoded frame lies within a burst of its keyframe; each frame is decoded once.
    for (const i of source.decoded) expect(i % v.keyEvery).toBeLessThan(burst);
    expect(source.decoded.length).toBe(new Set(source.decoded).size);
    expect(source.decoded.length).toBeLessThanOrEqual((v.frames / v.keyEvery) * burst);
    expect(report.timings.framesAnalyzed).toBe(source.decoded.length);
    expect(report.warnings.join(' ')).not.toMatch(/Tier 0 looked only/);
  }, 120_000);
});
