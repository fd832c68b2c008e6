/**
 * Tier 0's run stage: the planned experts on the frames the probe already read (a `Glance`), so the
 * run decodes nothing. Each probe point's consecutive frames go to the temporal experts as one
 * sequence (no history carried between points, which are far apart; the first frames of each serve as
 * history only: `GlanceSteps`); each point's first frame is an analysis frame for the spatial experts.
 * With an `EarlyStart`, the frames its experts already took during the probe are not run again, and
 * with a `GlanceTemporal` neither are the temporal experts it ran on the bursts.
 */
import type { ExpertExecutor } from '../inference/executor.ts';
import { throwIfAborted } from '../errors.ts';
import { toAnalysisFrame } from './analysis-frame.ts';
import type { EarlyStart } from './early-start.ts';
import type { AnalysisFrame } from './batches.ts';
import { GlanceSteps, type GlanceTemporal } from './glance-temporal.ts';
import type { AnalysisPlan } from './plan.ts';
import type { Glance } from './probe.ts';
import { startRun, type RunOutcome } from './run-experts.ts';

/** Runs the plan over the glance; `plan.analysisTimes` are the glance's segment starts. */
export async function runGlance(
  glance: Glance,
  plan: AnalysisPlan,
  executor: ExpertExecutor,
  load: { modelBaseUrl: string; ep: 'webgpu' | 'wasm' },
  signal: AbortSignal,
  onFrame: (frames: number) => void,
  fps = 30,
  early?: EarlyStart,
  earlyTemporal?: GlanceTemporal,
): Promise<RunOutcome> {
  const { active, unavailable, dispatcher, spatial, temporal, needsAt } = await startRun(plan, executor, load, signal);
  early?.adopt(spatial);
  let frames = 0;
  let batch: AnalysisFrame[] = [];
  for (const [index, segment] of glance.segments.entries()) {
    const needs = needsAt(index);
    if (needs) batch.push(toAnalysisFrame(segment.first.pixels, index, segment.first.tS, plan.analysisSize, plan.rowsSize, needs));
    if (batch.length >= plan.budget.batch) {
      await dispatcher.spatial(batch, spatial);
      batch = [];
    }
    frames += segment.temporal.length;
    throwIfAborted(signal);
    onFrame(frames);
  }
  if (batch.length > 0) await dispatcher.spatial(batch, spatial);
  // Temporal experts the early start ran on every burst are not run again; the rest (all of them
  // without one, or when it failed) get the same batches here.
  const covered = earlyTemporal ? await earlyTemporal.finish(temporal) : { covered: new Set<string>(), inferenceMs: 0 };
  const rest = temporal.filter((e) => !covered.covered.has(e.meta.id));
  const steps = new GlanceSteps(fps);
  for (const segment of glance.segments) {
    const step = steps.next(segment.temporal);
    if (step && rest.length > 0) await dispatcher.temporal(step.frames, step.carry, rest);
  }
  const earlyMs = early ? await early.finish(spatial, { dispatcher, plan }) : 0;
  await dispatcher.drain();
  // Early outputs arrive apart from the run's own: every series in time order, as without them.
  if (early) for (const e of spatial) e.results.frames.sort((a, b) => a.tS - b.tS);
  return {
    active,
    unavailable,
    frames,
    temporalFrames: temporal.length > 0 ? steps.counted : 0,
    decodeMs: glance.decodeMs,
    inferenceMs: dispatcher.inferenceMs + earlyMs + covered.inferenceMs,
  };
}

/** How far into the video the glance reaches: its last frame's time plus one frame, in seconds. */
export function glanceSpan(glance: Glance, fps: number): number {
  const last = glance.segments.at(-1)?.temporal.at(-1)?.tS ?? 0;
  return last + (fps > 0 ? 1 / fps : 0);
}
