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
import type { DecodeOnlyResult } from './pipeline/decode-only.ts';
import type { Report } from './report/types.ts';

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
  run(jobs: ExpertJob[]): Promise<BatchOutputs>;
}
