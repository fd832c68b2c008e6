/**
 * One analysis, inside the worker: open and decode the video, stream frames into expert batches,
 * then route, fuse and localize into the report. Frames are closed as soon as their pixels are copied.
 */
import { EXPERTS } from '../experts/registry.ts';
import { CancelledError, CorruptInputError, reviveError, throwIfAborted, type ErrorCode } from '../errors.ts';
import { detectBackend } from '../inference/ort.ts';
import type { Report } from '../report/types.ts';
import { BatchDispatcher, TEMPORAL_CARRY, type ActiveExpert, type AnalysisFrame, type TemporalFrame } from './batches.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import type { FrameSource } from '../decode/frame-source.ts';
import { openFrameSource } from '../decode/open.ts';
import { ExpertResults } from './expert-results.ts';
import { ExternalRun } from './external-run.ts';
import { convertRange, lumaAt, rgbAt, smallLumaAt } from '../frames/frame-planes.ts';
import type { ProgressEvent, WorkerAnalyzeOptions } from '../api/options.ts';
import { makePlan, TIERS, type PlannedExpert } from './plan.ts';
import { ProgressTracker } from './progress.ts';
import { buildReport } from './report-builder.ts';

const TEMPORAL_BATCH = 48;
const now = () => performance.now();

/** Analyzes a video file and returns its report. */
export async function analyzeBlob(
  blob: Blob,
  opts: WorkerAnalyzeOptions,
  onProgress: (e: ProgressEvent) => void,
  signal: AbortSignal,
  executor: ExpertExecutor,
): Promise<Report> {
  const t0 = now();
  onProgress({ stage: 'decode', progress: 0.01, message: 'Opening the video' });
  const video = await openFrameSource(blob, { analysisBox: TIERS[opts.tier].analysisBox, decoderBaseUrl: opts.decoderBaseUrl, signal });
  try {
    return await analyzeSource(video, { name: opts.name, bytes: blob.size }, opts, onProgress, signal, executor, t0);
  } finally {
    video.dispose();
  }
}

/** Analyzes an opened frame source (any decoder; Node tests use an ffmpeg-CLI source). */
export async function analyzeSource(
  video: FrameSource,
  file: { name: string; bytes: number },
  opts: Omit<WorkerAnalyzeOptions, 'name'>,
  onProgress: (e: ProgressEvent) => void,
  signal: AbortSignal,
  executor: ExpertExecutor,
  t0 = now(),
): Promise<Report> {
  const progress = new ProgressTracker(onProgress);
  progress.emit('decode', 0.01, 'Opening the video');
  const backend = await detectBackend(opts.ep);
  {
    const { info } = video;
    const plan = makePlan(opts.tier, info, EXPERTS, backend.ep);
    const { active, unavailable } = await loadExperts(executor, plan.experts, opts.modelBaseUrl, backend.ep);
    const dispatcher = new BatchDispatcher(executor);
    const external = await ExternalRun.load(opts.externalExperts ?? [], info.frameCount, backend.ep);
    throwIfAborted(signal);
    const spatial = active.filter((e) => e.meta.inputs.stream === 'analysis');
    const temporal = active.filter((e) => e.meta.inputs.stream === 'temporal');
    const needRgb = spatial.some((e) => e.meta.inputs.planes === 'rgb');
    const needRows = spatial.some((e) => e.meta.inputs.keepRows);
    const needLimited = spatial.some((e) => e.meta.inputs.planes === 'luma' && e.meta.inputs.lumaRange === 'limited');
    const { analysisSize: as, temporalSize: ts, rowsSize: rs } = plan;

    let decodeMs = 0;
    let frames = 0;
    let nextTarget = 0;
    let analysisBatch: AnalysisFrame[] = [];
    let temporalBatch: TemporalFrame[] = [];
    let carry: TemporalFrame[] = [];
    let lastT = 0;
    let tDecode = now();
    try {
      for await (const { tS, pixels } of video.frames(signal)) {
        external.offer(frames, tS, pixels);
        frames++;
        lastT = tS;
        if (temporal.length > 0) temporalBatch.push({ tS, luma: smallLumaAt(pixels, ts.width, ts.height) });
        const target = plan.analysisTimes[nextTarget];
        if (target !== undefined && tS + 1e-6 >= target) {
          // One resample in limited range; the full-range plane is a linear conversion of it.
          const limited = lumaAt(pixels, as.width, as.height, 'limited');
          const luma = { ...limited, data: convertRange(Float32Array.from(limited.data), 'limited', 'full') };
          analysisBatch.push({
            index: nextTarget,
            tS,
            luma,
            lumaLimited: needLimited ? limited : undefined,
            rgb: needRgb ? rgbAt(pixels, as.width, as.height, limited) : undefined,
            rows: needRows ? lumaAt(pixels, rs.width, rs.height) : undefined,
          });
          while (plan.analysisTimes[nextTarget] !== undefined && tS + 1e-6 >= plan.analysisTimes[nextTarget]!) nextTarget++;
        }
        decodeMs += now() - tDecode;
        if (analysisBatch.length >= plan.budget.batch) {
          await dispatcher.spatial(analysisBatch, spatial);
          analysisBatch = [];
        }
        if (temporalBatch.length >= TEMPORAL_BATCH) {
          await dispatcher.temporal(temporalBatch, carry, temporal);
          carry = [...carry, ...temporalBatch].slice(-TEMPORAL_CARRY);
          temporalBatch = [];
        }
        throwIfAborted(signal);
        progress.emit('infer', 0.03 + 0.87 * Math.min(1, frames / info.frameCount), undefined, frames);
        tDecode = now();
      }
    } catch (err) {
      if (err instanceof CancelledError) throw err;
      if (frames === 0) throw new CorruptInputError(`No frame of the video could be decoded (${messageOf(err)}). The file may be damaged; try re-exporting it.`);
      throw new CorruptInputError(`The video is damaged after ${lastT.toFixed(2)} s (${messageOf(err)}); ${frames} frames were readable. Re-export or repair the file and try again.`);
    }
    if (frames === 0) throw new CorruptInputError('No frame of the video could be decoded. The file may be damaged; try re-exporting it.');
    if (analysisBatch.length > 0) await dispatcher.spatial(analysisBatch, spatial);
    if (temporalBatch.length > 0) await dispatcher.temporal(temporalBatch, carry, temporal);
    await dispatcher.drain();
    const externalResults = await external.finish();
    throwIfAborted(signal);

    progress.emit('route', 0.92, 'Routing experts');
    const report = await buildReport({
      file,
      info: { ...info, frameCount: frames },
      plan,
      results: [...active.map((e) => e.results), ...externalResults],
      router: opts.router,
      unavailable: [...unavailable, ...external.failed],
      backend,
      timings: { decodeMs, expertsMs: dispatcher.inferenceMs, startedAt: t0, now },
      signal,
      onStage: (stage, p) => progress.emit(stage, p),
    });
    progress.emit('done', 1, 'Done');
    return report;
  }
}

/** Loads every planned expert; one that fails is left out (and named in the report), all failing is an error. */
async function loadExperts(
  executor: ExpertExecutor,
  planned: PlannedExpert[],
  modelBaseUrl: string,
  ep: 'webgpu' | 'wasm',
): Promise<{ active: ActiveExpert[]; unavailable: string[] }> {
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
