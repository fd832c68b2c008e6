/**
 * The run stage of tiers 1 and 2: the planned experts on the planned frames. Every frame is decoded
 * (the temporal experts see all of them, the spatial ones the sampled analysis frames); frames go to
 * the executor in batches as they are decoded, so memory stays bounded. Tier 0 runs on what its probe
 * read instead (`run-glance.ts`).
 */
import type { FrameSource } from '../decode/frame-source.ts';
import { CancelledError, CorruptInputError, reviveError, throwIfAborted, type ErrorCode } from '../errors.ts';
import { smallLumaAt, type FloatPlanes } from '../frames/frame-planes.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import { planeNeeds, type PlaneNeeds } from './analysis-frame.ts';
import { BatchDispatcher, TEMPORAL_CARRY, type ActiveExpert, type TemporalFrame } from './batches.ts';
import { ExpertResults } from './expert-results.ts';
import type { ExternalRun } from './external-run.ts';
import type { AnalysisPlan, PlannedExpert } from './plan.ts';
import type { KeptFrame } from './shared-pass.ts';
import { LumaTrack } from './luma-track.ts';
import type { EarlyStart } from './early-start.ts';
import { copyPlanes, type YuvPlanes } from '../frames/frame-pixels.ts';
import { stackBuffer } from '../inference/raw-batch.ts';

/** Frames of the temporal stream per batch. */
export const TEMPORAL_BATCH = 48;

/** What the run produced. */
export interface RunOutcome {
  active: ActiveExpert[];
  /** Labels of planned experts whose model could not be loaded. */
  unavailable: string[];
  /** Frames decoded. */
  frames: number;
  /** Frames the temporal experts saw. */
  temporalFrames: number;
  decodeMs: number;
  inferenceMs: number;
  /** The temporal stream's luma track (every frame the temporal experts saw), when they ran on every frame. */
  track?: LumaTrack;
}

/**
 * Runs the plan over the source; `onFrame` reports decoded frames for progress. `kept` are the first
 * frames of the video when the probe already read them in a shared pass (`shared-pass.ts`), taken
 * out of the array as the run goes; the source then goes on after them.
 */
export async function runExperts(
  source: FrameSource,
  plan: AnalysisPlan,
  executor: ExpertExecutor,
  load: { modelBaseUrl: string; ep: 'webgpu' | 'wasm' },
  external: ExternalRun,
  signal: AbortSignal,
  onFrame: (frames: number) => void,
  kept: KeptFrame[] = [],
  early?: EarlyStart,
): Promise<RunOutcome> {
  const { active, unavailable, dispatcher, spatial, temporal, needsAt } = await startRun(plan, executor, load, signal);
  // Analysis frames the early start took during the probe (a shared pass's kept frames) are not run again.
  early?.adopt(spatial);
  const { analysisSize: as, temporalSize: ts, rowsSize: rs } = plan;

  let decodeMs = 0;
  let frames = 0;
  let temporalFrames = 0;
  let nextTarget = 0;
  // Analysis frames go as pixels: their planes are made in the inference worker (raw-batch.ts), so
  // this worker's time between decoded frames stays short.
  let analysisBatch: { index: number; tS: number; pixels: YuvPlanes; needs: PlaneNeeds }[] = [];
  let temporalBatch: TemporalFrame[] = [];
  let carry: TemporalFrame[] = [];
  const track = new LumaTrack();
  // The temporal batch is made in place: the carried frames, then each frame's luma in the next slot,
  // so a full batch is its stacked tensor without a copy (`stackBuffer`).
  const lumaLength = ts.width * ts.height;
  let stacked: Float32Array | undefined;
  const nextLumaSlot = (): Float32Array => {
    if (!stacked) {
      stacked = stackBuffer((carry.length + TEMPORAL_BATCH) * lumaLength);
      carry = carry.map((f, i) => ({ tS: f.tS, luma: { ...f.luma, data: placed(stacked!, i, f.luma.data) } }));
    }
    return stacked.subarray((carry.length + temporalBatch.length) * lumaLength, (carry.length + temporalBatch.length + 1) * lumaLength);
  };
  const placed = (buf: Float32Array, i: number, data: Float32Array) => {
    const slot = buf.subarray(i * lumaLength, (i + 1) * lumaLength);
    slot.set(data);
    return slot;
  };
  let lastT = -1;
  let tDecode = performance.now();
  const flushTemporal = async () => {
    if (temporalBatch.length > 0) {
      // Copied out first: the batch's tensor goes to the inference worker.
      const next = [...carry, ...temporalBatch].slice(-TEMPORAL_CARRY).map((f) => ({ tS: f.tS, luma: { ...f.luma, data: f.luma.data.slice() } }));
      await dispatcher.temporal(temporalBatch, carry, temporal);
      carry = next;
    }
    temporalBatch = [];
    stacked = undefined;
  };
  try {
    for await (const { tS, pixels, luma } of keptThenSource(kept, source, signal)) {
      if (pixels) external.offer(frames, tS, pixels);
      frames++;
      lastT = tS;
      if (temporal.length > 0) {
        const slot = luma?.data.length === lumaLength || !luma ? nextLumaSlot() : undefined;
        const frame: TemporalFrame = { tS, luma: luma ? (slot ? { ...luma, data: placed(slot, 0, luma.data) } : luma) : smallLumaAt(pixels!, ts.width, ts.height, slot) };
        temporalBatch.push(frame);
        track.add(tS, frame.luma);
        temporalFrames++;
      }
      const target = plan.analysisTimes[nextTarget];
      if (target !== undefined && tS + 1e-6 >= target) {
        const needs = needsAt(nextTarget);
        // A kept frame has pixels exactly when it is an analysis frame (the same rule picked it).
        if (needs && pixels) analysisBatch.push({ index: nextTarget, tS, pixels: copyPlanes(pixels), needs });
        while (plan.analysisTimes[nextTarget] !== undefined && tS + 1e-6 >= plan.analysisTimes[nextTarget]!) nextTarget++;
      }
      decodeMs += performance.now() - tDecode;
      // The last analysis frames go without a batch partner: one that comes later would leave the
      // batch to run after decoding ends. The outputs are the same either way.
      const batchFull = analysisBatch.length >= plan.budget.batch || plan.analysisTimes.length - nextTarget < plan.budget.batch;
      if (analysisBatch.length > 0 && batchFull) {
        await dispatcher.spatialPixels(analysisBatch, spatial, as, rs);
        analysisBatch = [];
      }
      if (temporalBatch.length >= TEMPORAL_BATCH) await flushTemporal();
      throwIfAborted(signal);
      onFrame(frames);
      tDecode = performance.now();
    }
  } catch (err) {
    if (err instanceof CancelledError) throw err;
    if (frames === 0) throw new CorruptInputError(`No frame of the video could be decoded (${messageOf(err)}). The file may be damaged; try re-exporting it.`);
    throw new CorruptInputError(`The video is damaged after ${Math.max(0, lastT).toFixed(2)} s (${messageOf(err)}); ${frames} frames were readable. Re-export or repair the file and try again.`);
  }
  if (frames === 0) throw new CorruptInputError('No frame of the video could be decoded. The file may be damaged; try re-exporting it.');
  if (analysisBatch.length > 0) await dispatcher.spatialPixels(analysisBatch, spatial, as, rs);
  await flushTemporal();
  const earlyMs = early ? await early.finish(spatial, { dispatcher, plan }) : 0;
  await dispatcher.drain();
  // Early outputs arrive apart from the run's own: every series in time order, as without them.
  if (early) for (const e of spatial) e.results.frames.sort((a, b) => a.tS - b.tS);
  return { active, unavailable, frames, temporalFrames, decodeMs, inferenceMs: dispatcher.inferenceMs + earlyMs, track: temporal.length > 0 ? track : undefined };
}

/** The kept frames (taken out of the array as they go, so they can be freed), then the source's. */
async function* keptThenSource(kept: KeptFrame[], source: FrameSource, signal: AbortSignal): AsyncGenerator<{ tS: number; pixels?: YuvPlanes; luma?: FloatPlanes }> {
  while (kept.length > 0) yield kept.shift()!;
  yield* source.frames(signal);
}

/**
 * What both run stages start from: the loaded experts split by stream, a dispatcher, and for each
 * analysis frame the planes the experts that take it read (none when no expert takes it).
 */
export async function startRun(plan: AnalysisPlan, executor: ExpertExecutor, load: { modelBaseUrl: string; ep: 'webgpu' | 'wasm' }, signal: AbortSignal) {
  const { active, unavailable } = await loadExperts(executor, plan.experts, load.modelBaseUrl, load.ep);
  throwIfAborted(signal);
  const spatial = active.filter((e) => e.meta.inputs.stream === 'analysis');
  const temporal = active.filter((e) => e.meta.inputs.stream === 'temporal');
  const needsAt = (index: number): PlaneNeeds | undefined => {
    const taking = spatial.filter((e) => index % e.stride === 0 && !e.done?.has(index));
    return taking.length ? planeNeeds(taking.map((e) => e.meta)) : undefined;
  };
  return { active, unavailable, dispatcher: new BatchDispatcher(executor), spatial, temporal, needsAt };
}

/** Loads every planned expert; one that fails is left out (and named in the report), all failing is an error. */
async function loadExperts(executor: ExpertExecutor, planned: PlannedExpert[], modelBaseUrl: string, ep: 'webgpu' | 'wasm'): Promise<{ active: ActiveExpert[]; unavailable: string[] }> {
  const { failed, error } = await executor.load(
    planned.map((p) => p.meta),
    modelBaseUrl,
    ep,
  );
  const active = planned.filter((p) => !failed.includes(p.meta.id)).map((p) => ({ ...p, results: new ExpertResults(p.meta) }));
  if (active.length === 0 && error) throw reviveError({ name: 'ModelLoadError', code: error.code as ErrorCode, message: error.message });
  return { active, unavailable: planned.filter((p) => failed.includes(p.meta.id)).map((p) => p.meta.label) };
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
