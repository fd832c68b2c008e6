import { describe, expect, it } from 'vitest';
import { validateReport } from '../report/validate.ts';
import type { Report, Tier } from '../report/types.ts';
import { CONTENT_TYPES, type Router } from '../router/types.ts';
import { fakeFrameSource, type FakeVideo } from '../testing/fake-frame-source.ts';
import { NodeExecutor } from '../testing/node-executor.ts';
import { analyzeSource, type SourceAnalyzeOptions } from './analyze-source.ts';
import { TIERS } from './plan.ts';
import { PROBE_FRAMES } from './probe.ts';

const executor = new NodeExecutor();
const video: FakeVideo = { width: 320, height: 180, fps: 30, frames: 120, hold: [45, 90] };

async function analyze(over: Partial<SourceAnalyzeOptions> = {}, vlmRouter?: Router, v = video) {
  const source = fakeFrameSource(v);
  const opts: SourceAnalyzeOptions = { tier: 1, router: 'fast', modelBaseUrl: 'file:///models/', ep: 'wasm', externalExperts: [], ...over };
  const report = await analyzeSource(source, { name: 'fake.mp4', bytes: 1000 }, opts, () => undefined, new AbortController().signal, { executor, vlmRouter });
  return { report, reads: source.reads };
}

const overlap = (a: { startS: number; endS: number }, b: [number, number]) => {
  const inter = Math.max(0, Math.min(a.endS, b[1]) - Math.max(a.startS, b[0]));
  return inter / (Math.max(a.endS, b[1]) - Math.min(a.startS, b[0]));
};

describe('the staged pipeline on a fake frame source, in this thread', () => {
  const byTier = new Map<Tier, Report>();

  it('routes first, runs only the routed experts, and reports a valid qrouter.report/2', async () => {
    const { report, reads } = await analyze();
    byTier.set(1, report);
    expect(validateReport(report)).toEqual([]);
    expect(report.route).toMatchObject({ requested: 'fast', router: 'fast' });
    expect(report.route.fallbackReason).toBeUndefined();
    expect(CONTENT_TYPES).toContain(report.route.contentType);
    const routed = new Set(report.route.experts.filter((e) => e.weight > 0).map((e) => e.id));
    const ran = report.experts.filter((e) => e.stage === undefined).map((e) => e.id);
    expect(ran.length).toBeGreaterThan(5);
    for (const id of ran) expect(routed.has(id)).toBe(true);
    // Experts the route turned off were measured by the probe only, if at all.
    for (const e of report.route.experts.filter((x) => x.weight === 0)) expect(ran).not.toContain(e.id);
    expect(reads.sequential).toBe(120);
    expect(reads.sparse).toBeGreaterThan(0);
    expect(report.timings.probeMs).toBeGreaterThan(0);
  }, 180_000);

  it('finds the held span as one freeze event', () => {
    const report = byTier.get(1)!;
    const freezes = report.artifacts.filter((a) => a.type === 'freeze');
    expect(freezes.length).toBe(1);
    expect(overlap(freezes[0]!, [1.5, 3])).toBeGreaterThan(0.6);
  });

  it('reads only bursts by timestamp at tier 0, and tiers agree within 10 points', async () => {
    // A steady pan without a hold: what each tier samples is alike, so the verdict must be too.
    const steady: FakeVideo = { ...video, hold: undefined };
    const t0 = await analyze({ tier: 0 }, undefined, steady);
    expect(t0.reads.sequential).toBe(0);
    expect(t0.reads.sparse).toBeLessThan(100);
    const t1 = await analyze({ tier: 1 }, undefined, steady);
    const t2 = await analyze({ tier: 2 }, undefined, steady);
    const scores = [t0.report.score, t1.report.score, t2.report.score];
    expect(Math.max(...scores) - Math.min(...scores)).toBeLessThanOrEqual(10);
    expect(t2.report.confidence).toBeGreaterThan(t0.report.confidence);
  }, 300_000);

  it('glances at tier 0: bursts at keyframes, read once by the probe and never decoded again', async () => {
    const keyed: FakeVideo = { ...video, hold: undefined, keyEvery: 30 };
    const { report, reads } = await analyze({ tier: 0 }, undefined, keyed);
    expect(reads.sequential).toBe(0);
    expect(reads.sparse).toBeLessThanOrEqual(PROBE_FRAMES * TIERS[0].burst!);
    const keys = [0, 1, 2, 3];
    expect(report.timings.framesAnalyzed).toBeGreaterThanOrEqual(keys.length * TIERS[0].burst! - 1);
    expect(report.warnings.join(' ')).not.toMatch(/Tier 0 looked only/);
    // One long group of pictures in a large frame: the glance keeps to the probe's decode budget, and says so.
    const single = await analyze({ tier: 0 }, undefined, { ...keyed, width: 1920, height: 1080, frames: 150, keyEvery: 1000 });
    expect(single.reads.sequential).toBe(0);
    expect(single.report.warnings.join(' ')).toMatch(/Tier 0 looked only at the first \d\.\d s of 5\.0 s/);
  }, 120_000);

  it('falls back to the fast router visibly when the VLM is missing or answers nonsense', async () => {
    const missing = await analyze({ router: 'vlm' });
    expect(missing.report.route).toMatchObject({ requested: 'vlm', router: 'fast' });
    expect(missing.report.route.fallbackReason).toMatch(/no vision-language model/);
    expect(missing.report.warnings.join(' ')).toMatch(/vlm router was not used/);
    const nonsense: Router = {
      kind: 'vlm',
      plan: async () => ({ contentType: 'natural-camera', contentConfidence: 0.9, experts: [{ id: 'no-such-expert', weight: 3 }], reasons: ['made up'] }),
    };
    const invalid = await analyze({ router: 'vlm' }, nonsense);
    expect(invalid.report.route.router).toBe('fast');
    expect(invalid.report.route.fallbackReason).toMatch(/invalid.*unknown expert "no-such-expert"/);
    expect(validateReport(invalid.report)).toEqual([]);
  }, 300_000);

  it('picks the tier from a time budget and says when none fits', async () => {
    const tight = await analyze({ budgetMs: 1 });
    expect(tight.report.tier).toBe(0);
    expect(tight.report.budget).toMatchObject({ budgetMs: 1, fits: false });
    expect(tight.report.warnings.join(' ')).toMatch(/No tier fits/);
    const roomy = await analyze({ budgetMs: 600_000 });
    expect(roomy.report.tier).toBe(2);
    expect(roomy.report.budget?.fits).toBe(true);
  }, 300_000);
});
