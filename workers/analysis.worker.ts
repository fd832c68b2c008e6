/**
 * The analysis worker: decodes and runs the experts off the main thread. Errors cross back as plain
 * objects (see src/errors.ts) so the page can rebuild the typed error.
 */
import * as Comlink from 'comlink';
import { decodeOnly, type DecodeOnlyResult } from '../src/engine/decode-only.ts';
import { analyzeBlob } from '../src/engine/pipeline.ts';
import { RemoteExecutor } from '../src/engine/remote-executor.ts';
import type { ProgressEvent, WorkerAnalyzeOptions } from '../src/engine/options.ts';
import { serializeError, type SerializedError } from '../src/errors.ts';
import type { Report } from '../src/report/types.ts';

/** The result of one run, as it crosses the worker boundary. */
export type WorkerResult = { ok: true; report: Report } | { ok: false; error: SerializedError };

let controller: AbortController | undefined;
let executor: RemoteExecutor | undefined;

const api = {
  /** Analyzes one file. */
  async analyze(blob: Blob, options: WorkerAnalyzeOptions, onProgress: (e: ProgressEvent) => void): Promise<WorkerResult> {
    controller = new AbortController();
    try {
      executor ??= new RemoteExecutor();
      return { ok: true, report: await analyzeBlob(blob, options, onProgress, controller.signal, executor) };
    } catch (err) {
      const error = serializeError(err);
      // A crashed inference worker is replaced on the next run.
      if (error.code === 'WORKER_CRASHED') {
        executor?.terminate();
        executor = undefined;
      }
      return { ok: false, error };
    } finally {
      controller = undefined;
    }
  },
  /** Decodes every frame without analysis, for benchmarks (the decoding floor). */
  decodeOnly(blob: Blob, copy: boolean): Promise<DecodeOnlyResult> {
    return decodeOnly(blob, { copy });
  },
  /** Stops the current run at the next frame boundary. */
  cancel(): void {
    controller?.abort();
  },
};

/** The worker's API type, for the page side. */
export type AnalysisWorkerApi = typeof api;

Comlink.expose(api);
