/**
 * Tier 0's run stage: the planned experts on the frames the probe already read (a `Glance`), so the
 * run decodes nothing. Each probe point's consecutive frames go to the temporal experts as one
 * sequence (no history carried between points, which are far apart; the first frames of each serve as
 * history only); each point's first frame is an analysis frame for the spatial experts. With an
 * `EarlyStart`, the frames its experts already took during the probe are not run again.
 */
import type { ExpertExecutor } from '../inference/executor.ts';
import { throwIfAborted } from '../errors.ts';
import { toAnalysisFrame } from './analysis-frame.ts';
import type { EarlyStart } from './early-start.ts';
import { TEMPORAL_CARRY, type AnalysisFrame, type TemporalFrame } from './batches.ts';
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
): Promise<RunOutcome> {
  const { active, unavailable, dispatcher, spatial, temporal, needsAt } = await startRun(plan, executor, load, signal);
  early?.adopt(spatial);
  let frames = 0;
  let temporalFrames = 0;
  let batch: AnalysisFrame[] = [];
  const gap = 1.5 / (fps > 0 ? fps : 30);
  let previous: TemporalFrame[] = [];
  for (const [index, segment] of glance.segments.entries()) {
    if (temporal.length > 0 && segment.temporal.length > 0) {
      const continues = previous.length > 0 && segment.temporal[0]!.tS - previous[previous.length - 1]!.tS <= gap;
      const sequence = continues ? [...previous, ...segment.temporal.filter((f) => f.tS > previous[previous.length - 1]!.tS + 1e-6)] : segment.temporal;
      if (continues) {
        // Points closer than a burst read on where the last one stopped: one run of frames, carried
        // over (a frame both read is counted once, or it would look like a repeated picture).
        const lastT = previous[previous.length - 1]!.tS;
        const fresh = segment.temporal.filter((f) => f.tS > lastT + 1e-6);
        if (fresh.length) await dispatcher.temporal(fresh, previous.slice(-TEMPORAL_CARRY), temporal);
        temporalFrames += fresh.length;
      } else {
        // A burst's first frames have no history of their own (freeze, stutter and flicker compare a
        // frame with the ones before it): they serve as history, and only the frames after them count.
        const history = Math.min(TEMPORAL_CARRY, segment.temporal.length - 1);
        await dispatcher.temporal(segment.temporal.slice(history), segment.temporal.slice(0, history), temporal);
        temporalFrames += segment.temporal.length - history;
      }
      previous = sequence;
    }
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
  const earlyMs = early ? await early.finish(spatial, { dispatcher, plan }) : 0;
  await dispatcher.drain();
  // Early outputs arrive apart from the run's own: every series in time order, as without them.
  if (early) for (const e of spatial) e.results.frames.sort((a, b) => a.tS - b.tS);
  return {
    active,
    unavailable,
    frames,
    temporalFrames,
    decodeMs: glance.decodeMs,
    inferenceMs: dispatcher.inferenceMs + earlyMs,
  };
}

/** How far into the video the glance reaches: its last frame's time plus one frame, in seconds. */
export function glanceSpan(glance: Glance, fps: number): number {
  const last = glance.segments.at(-1)?.temporal.at(-1)?.tS ?? 0;
  return last + (fps > 0 ? 1 / fps : 0);
}
