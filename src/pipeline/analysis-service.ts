/**
 * The analysis worker's service: one AbortController per run, so runs that overlap never cancel or
 * outlive each other, and one inference executor shared by all runs (replaced after it crashes).
 */
import { decodeOnly } from './decode-only.ts';
import { analyzeBlob } from './analyze-blob.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import { serializeError } from '../errors.ts';
import type { AnalysisWorkerApi } from '../protocol.ts';
import { createVlmRouter } from '../router/vlm-router.ts';
import { vlmBackendFromPort } from '../vlm/port.ts';

/** Makes the worker's API around an executor factory (a worker-backed one in the app). */
export function createAnalysisService(makeExecutor: () => ExpertExecutor & { terminate?(): void }): AnalysisWorkerApi {
  const runs = new Map<number, AbortController>();
  let executor: (ExpertExecutor & { terminate?(): void }) | undefined;
  return {
    async analyze(runId, blob, options, onProgress) {
      const controller = new AbortController();
      runs.set(runId, controller);
      try {
        executor ??= makeExecutor();
        const vlmRouter = options.vlm ? createVlmRouter(vlmBackendFromPort(options.vlm)) : undefined;
        return { ok: true, report: await analyzeBlob(blob, options, onProgress, controller.signal, { executor, vlmRouter }) };
      } catch (err) {
        const error = serializeError(err);
        // A crashed inference worker is replaced on the next run.
        if (error.code === 'WORKER_CRASHED') {
          executor?.terminate?.();
          executor = undefined;
        }
        return { ok: false, error };
      } finally {
        options.vlm?.port.close();
        runs.delete(runId);
      }
    },
    decodeOnly: (blob, copy) => decodeOnly(blob, { copy }),
    cancel(runId) {
      runs.get(runId)?.abort();
    },
  };
}
