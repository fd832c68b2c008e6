/**
 * One analysis over an opened frame source, stage by stage, routing before the experts:
 * probe (a few frames by timestamp, the cheapest experts, keyframes) → route (content type, experts,
 * weights, frame budgets) → run (the planned experts on the planned frames) → fuse → localize → report.
 */
import type { EpPreference, ProgressEvent } from '../api/options.ts';
import type { FrameSource } from '../decode/frame-source.ts';
import { throwIfAborted } from '../errors.ts';
import type { ExternalExpertSpec } from '../experts/external.ts';
import { EXPERTS } from '../experts/registry.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import { canPrepare } from '../inference/session-prep.ts';
import { detectBackend } from '../inference/ort.ts';
import type { Report, Tier } from '../report/types.ts';
import type { Router } from '../router/types.ts';
import { tierForBudget } from './budget.ts';
import { ExternalRun } from './external-run.ts';
import { gateByEvents } from './event-gate.ts';
import { fuseStage } from './fuse-stage.ts';
import { localizeStage } from './localize-stage.ts';
import { availableExperts, makePlan, temporalSizeOf, TIERS } from './plan.ts';
import { runProbe } from './probe.ts';
import { ProgressTracker } from './progress.ts';
import { buildReport } from './report-builder.ts';
import { routeStage } from './route.ts';
import { routableExperts } from './routable.ts';
import { runExperts } from './run-experts.ts';
import { openSharedPass } from './shared-pass.ts';
import { glanceSpan, runGlance } from './run-glance.ts';
import { EarlyStart } from './early-start.ts';
import { GlanceTemporal } from './glance-temporal.ts';

/** The options the stages read. */
export interface SourceAnalyzeOptions {
  tier: Tier;
  router: 'fast' | 'vlm';
  modelBaseUrl: string;
  ep: EpPreference;
  externalExperts: ExternalExpertSpec[];
  /** A time budget for the whole analysis: picks the richest tier predicted to fit (overrides `tier`). */
  budgetMs?: number;
  /**
   * `uniform` turns the content type's routing factors off (every content gets the same weights): the
   * benchmark's ablation of routing. Default `content`.
   */
  routing?: 'content' | 'uniform';
}

/** What the pipeline needs from its host: the executor, and a VLM router when one is loaded. */
export interface PipelineDeps {
  executor: ExpertExecutor;
  vlmRouter?: Router;
}

/** Analyzes an opened frame source (any decoder; Node tests use an ffmpeg-CLI source). */
export async function analyzeSource(
  video: FrameSource,
  file: { name: string; bytes: number },
  opts: SourceAnalyzeOptions,
  onProgress: (e: ProgressEvent) => void,
  signal: AbortSignal,
  deps: PipelineDeps,
  t0 = performance.now(),
): Promise<Report> {
  const progress = new ProgressTracker(onProgress);
  progress.emit('decode', 0.01, 'Opening the video');
  const backend = await detectBackend(opts.ep);
  const { info } = video;
  const warnings: string[] = [];

  let tier = opts.tier;
  let budget: Report['budget'];
  if (opts.budgetMs !== undefined) {
    // The file's size tells the decoding cost (it follows the bit rate).
    const chosen = tierForBudget(opts.budgetMs, { ...info, bytes: file.bytes }, EXPERTS, backend.ep);
    tier = chosen.tier;
    budget = { budgetMs: opts.budgetMs, predictedMs: Math.round(chosen.predictedMs), fits: chosen.fits };
    if (!chosen.fits) warnings.push(`No tier fits the ${opts.budgetMs} ms budget (the quickest, tier 0, is predicted to take ${Math.round(chosen.predictedMs)} ms); tier 0 was used.`);
  }
  const catalogue = availableExperts(tier, info, EXPERTS, backend.ep);
  // Sessions the run may need are made while the inference worker waits for the probe's frames.
  if (canPrepare(deps.executor)) deps.executor.prepare(routableExperts(catalogue), opts.modelBaseUrl, backend.ep);

  progress.emit('route', 0.02, 'Looking at a few frames');
  // Tier 0 reads a burst at each probe point and keeps it for its run, so it decodes nothing more. Its
  // points are the other tiers' probe points, so every tier routes on the same evidence.
  const burst = TIERS[tier].burst;
  // The spatial artifact experts start on analysis frames the probe reads, before the route (early-start.ts).
  const early = new EarlyStart(catalogue, info, deps.executor, { modelBaseUrl: opts.modelBaseUrl, ep: backend.ep }, signal, tier);
  // Tiers 1 and 2 on a file with one long group of pictures: the probe reads from the run's own sequential pass.
  // Tier 0's temporal experts run on each burst as soon as it is read (glance-temporal.ts).
  const earlyTemporal = burst ? new GlanceTemporal(catalogue, deps.executor, { modelBaseUrl: opts.modelBaseUrl, ep: backend.ep }, signal, info.fps) : undefined;
  const shared = burst || opts.externalExperts?.length ? undefined : await openSharedPass(video, tier, signal, early);
  const { glance, ...probe } = await runProbe(shared?.probeView() ?? video, catalogue, deps.executor, opts.modelBaseUrl, backend.ep, signal, burst ? { length: burst, keep: temporalSizeOf(tier, info), early, temporal: earlyTemporal } : {});
  throwIfAborted(signal);
  const route = await routeStage({ video: info, probe, catalogue, budget: { tier, budgetMs: opts.budgetMs } }, opts.router, deps.vlmRouter, signal, opts.routing);
  if (route.fallbackReason) warnings.push(`The ${route.requested} router was not used: ${route.fallbackReason}. The fast router decided instead.`);
  progress.emit('route', 0.05, `Routing: ${route.plan.contentType}`);

  const weights = new Map(route.plan.experts.map((e) => [e.id, e.weight]));
  const trust = new Map(route.plan.experts.map((e) => [e.id, e.trust ?? e.weight]));
  const frameBudgets = new Map(route.plan.experts.filter((e) => e.frames !== undefined).map((e) => [e.id, e.frames!]));
  const plan = makePlan(tier, info, catalogue, backend.ep, weights, frameBudgets, glance?.segments.map((s) => s.first.tS), trust);
  const external = await ExternalRun.load(opts.externalExperts ?? [], info.frameCount, backend.ep);
  const planned = glance ? glance.segments.reduce((n, s) => n + s.temporal.length, 0) : info.frameCount;
  const onFrame = (frames: number) => progress.emit('infer', 0.05 + 0.85 * Math.min(1, frames / Math.max(1, planned)), undefined, frames, planned);
  const load = { modelBaseUrl: opts.modelBaseUrl, ep: backend.ep };
  const run = glance ? await runGlance(glance, plan, deps.executor, load, signal, onFrame, info.fps, early, earlyTemporal) : await runExperts(shared?.runView() ?? video, plan, deps.executor, load, external, signal, onFrame, shared?.kept, shared ? early : undefined);
  if (glance) {
    const seen = glanceSpan(glance, info.fps);
    if (seen < 0.6 * info.durationS)
      warnings.push(`Tier 0 looked only at the first ${seen.toFixed(1)} s of ${info.durationS.toFixed(1)} s: the file has too few keyframes to glance at all of it quickly. Tier 1 looks at every frame.`);
  }
  const externalResults = await external.finish();
  throwIfAborted(signal);
  if (run.unavailable.length) warnings.push(`Left out because their models could not be loaded: ${run.unavailable.join(', ')}.`);
  if (external.failed.length) warnings.push(`External experts that could not run: ${external.failed.join(', ')}.`);

  const results = [...run.active.map((e) => e.results), ...externalResults];
  for (const r of externalResults) weights.set(r.meta.id, weights.get(r.meta.id) ?? 0.5);
  for (const r of externalResults) trust.set(r.meta.id, trust.get(r.meta.id) ?? weights.get(r.meta.id)!);
  const frameCount = glance ? info.frameCount : run.frames;
  const analysisGap = info.durationS / Math.max(1, plan.analysisTimes.length);
  progress.emit('localize', 0.95);
  const artifacts = localizeStage(results, info.fps, analysisGap, trust, run.track?.frames);
  // Temporal artifact experts count towards the score only inside their events (src/pipeline/event-gate.ts).
  const scored = gateByEvents(results, artifacts, info.fps);
  const fused = fuseStage(scored, weights, plan.analysisTimes, analysisGap, run.temporalFrames / Math.max(1, frameCount), opts.routing === 'uniform' ? undefined : route.plan.contentType);
  const report = buildReport({
    file,
    info: { ...info, frameCount },
    plan,
    probe,
    route,
    results,
    fused,
    artifacts,
    backend,
    timings: { decodeMs: run.decodeMs, expertsMs: run.inferenceMs, totalMs: performance.now() - t0, framesAnalyzed: run.frames },
    warnings,
    budget,
    track: run.track?.frames,
  });
  progress.emit('done', 1, 'Done');
  return report;
}
