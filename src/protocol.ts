/**
 * The page/worker protocol: every message type that crosses between the page (`src/api/`), the
 * analysis worker (`workers/analysis.worker.ts`, running `src/pipeline/`) and the inference worker
 * (`workers/inference.worker.ts`, running `src/inference/`). Both sides import these types from here.
 */
import type { ProgressEvent, WorkerAnalyzeOptions } from './api/options.ts';
import type { SerializedError } from './errors.ts';
import type { ExpertMeta } from './experts/types.ts';
import type { BatchOutputs, ExpertJob } from './inference/executor.ts';
import type { ExecutionProvider } from './inference/ort.ts';
import type { RawSpatialBatch } from './inference/raw-batch.ts';
import type { DecodeOnlyResult } from './pipeline/decode-only.ts';
import type { Report } from './report/types.ts';
import type { FullRefResult } from './compare/fullref.ts';

export type { ProgressEvent, WorkerAnalyzeOptions };

/** The result of one run, as it crosses the worker boundary. */
export type WorkerResult = { ok: true; report: Report } | { ok: false; error: SerializedError };

/** What the analysis worker offers the page. Each run carries its own id. */
export interface AnalysisWorkerApi {
  /** Analyzes one file as run `runId`. */
  analyze(runId: number, blob: Blob, options: WorkerAnalyzeOptions, onProgress: (e: ProgressEvent) => void): Promise<WorkerResult>;
  /** Decodes every frame without analysis, for benchmarks (the decoding floor). */
  decodeOnly(blob: Blob, copy: boolean): Promise<DecodeOnlyResult>;
  /** Stops run `runId` at its next frame boundary. */
  cancel(runId: number): void;
}

/** What the inference worker offers the analysis worker. */
export interface InferenceWorkerApi {
  load(metas: ExpertMeta[], modelBaseUrl: string, ep: ExecutionProvider): Promise<{ failed: string[]; error?: { code: string; message: string } }>;
  run(jobs: ExpertJob[], first?: boolean): Promise<BatchOutputs>;
  /** A spatial batch as decoded pixels; the worker makes the planes (`src/inference/raw-batch.ts`). */
  runRaw(batch: RawSpatialBatch, first?: boolean): Promise<BatchOutputs>;
  /** Makes these experts' sessions while the worker is idle (`src/inference/session-prep.ts`); returns at once. */
  prepare(metas: ExpertMeta[], modelBaseUrl: string, ep: ExecutionProvider): void;
}

/** A decoded frame for the player (or why there is none). */
export type MediaFrameResult = { ok: true; tS: number; width: number; height: number; bitmap: ImageBitmap } | { ok: false; error: SerializedError };

/**
 * What the media worker (`workers/media.worker.ts`, running `src/compare/media-service.ts`) offers the
 * page: full-reference measures between two encodes, and single decoded frames for the player.
 */
export interface MediaWorkerApi {
  /** Measures PSNR and SSIM between `a` and `b` frame by frame as run `runId`. */
  fullRef(
    runId: number,
    a: Blob,
    b: Blob,
    options: { modelBaseUrl: string; decoderBaseUrl?: string; ep?: 'auto' | ExecutionProvider },
    onProgress: (done: number, total: number) => void,
  ): Promise<{ ok: true; result: FullRefResult } | { ok: false; error: SerializedError }>;
  /** Stops run `runId` at its next frame. */
  cancel(runId: number): void;
  /** The frame shown at `tS` seconds of the file opened as `sourceId` (opened on first use), fitted in `box`. */
  frameAt(sourceId: number, blob: Blob, tS: number, box: [number, number], decoderBaseUrl?: string): Promise<MediaFrameResult>;
  /** Releases the decoder of `sourceId`. */
  closeSource(sourceId: number): void;
}
