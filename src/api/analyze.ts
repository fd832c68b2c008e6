/**
 * `analyzeVideo`: the library's entry point on the page side. It runs the analysis in a lazily started
 * worker, forwards progress, cancels through an AbortSignal (asking the worker first, terminating it
 * when it does not stop in time and no other run shares it) and turns worker failures into typed
 * errors. Every run has its own id; the worker stops when idle only once no run is active.
 */
import * as Comlink from 'comlink';
import { CancelledError, CorruptInputError, QRouterError, reviveError, WorkerCrashedError } from '../errors.ts';
import type { Report, Tier } from '../report/types.ts';
import type { AnalysisWorkerApi, WorkerResult } from '../protocol.ts';
import type { AnalyzeOptions, ProgressEvent } from './options.ts';
import { exposeVlmBackend } from '../vlm/port.ts';
import { IdleWorker } from './idle-worker.ts';

const CANCEL_GRACE_MS = 400;
/** The analysis worker, started on first use; it stops when idle only once no run holds it. */
const analysisWorker = new IdleWorker<AnalysisWorkerApi>(
  () => new Worker(new URL('../../workers/analysis.worker.ts', import.meta.url), { type: 'module', name: 'qrouter-analysis' }),
  (detail) => `The analysis worker stopped unexpectedly${detail ? ` (${detail})` : ''}. Try again; if it keeps happening, try a shorter or smaller video.`,
);
let nextRunId = 1;

async function toBlob(input: File | Blob | URL, signal?: AbortSignal): Promise<{ blob: Blob; name: string }> {
  if (input instanceof URL) {
    let res: Response;
    try {
      res = await fetch(input, { signal });
    } catch (err) {
      if (signal?.aborted) throw new CancelledError();
      throw new CorruptInputError(`The video at ${input.href} could not be read (${err instanceof Error ? err.message : String(err)}).`);
    }
    if (!res.ok) throw new CorruptInputError(`The video at ${input.href} could not be read (HTTP ${res.status}).`);
    const name = decodeURIComponent(input.pathname.split('/').pop() || 'video');
    return { blob: await res.blob(), name };
  }
  return { blob: input, name: input instanceof File ? input.name : 'video' };
}

function defaultModelBaseUrl(): string {
  const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  return new URL(`${base}models/`, globalThis.location?.href ?? 'http://localhost/').href;
}

/**
 * Analyzes a video on this device and resolves to its report.
 * @param input a File, Blob, or same-origin URL of the video
 * @param options tier, router, signal, onProgress, modelBaseUrl, ep
 * @throws a {@link QRouterError} subclass with a `code` and a sentence saying what to do
 */
export async function analyzeVideo(input: File | Blob | URL, options: AnalyzeOptions = {}): Promise<Report> {
  const { signal } = options;
  if (signal?.aborted) throw new CancelledError();
  const tier: Tier = options.tier ?? 1;
  if (![0, 1, 2].includes(tier)) throw new QRouterError('INTERNAL', `options.tier must be 0, 1 or 2 (got ${String(tier)}).`);
  if (options.router !== undefined && options.router !== 'fast' && options.router !== 'vlm') throw new QRouterError('INTERNAL', `options.router must be "fast" or "vlm" (got ${String(options.router)}).`);
  const { budgetMs } = options;
  if (budgetMs !== undefined && !(typeof budgetMs === 'number' && budgetMs > 0 && Number.isFinite(budgetMs))) {
    throw new QRouterError('INTERNAL', `options.budgetMs must be a positive number of milliseconds (got ${String(budgetMs)}).`);
  }
  const runId = nextRunId++;
  // The worker starts (its script fetched and compiled, on a first run) while the page reads the file.
  const current = analysisWorker.acquire();
  let read: { blob: Blob; name: string };
  try {
    read = await toBlob(input, signal);
  } catch (err) {
    analysisWorker.release();
    throw err;
  }
  const { blob, name } = read;
  let settled = false;
  // Progress messages already on their way from the worker when the run settles are dropped: a caller
  // that saw the promise settle hears nothing more of that run.
  const onProgress = (e: ProgressEvent) => {
    if (!settled) options.onProgress?.(e);
  };
  const modelBaseUrl = new URL(options.modelBaseUrl ?? defaultModelBaseUrl(), globalThis.location?.href).href;

  let onAbort: (() => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => {
      void current.api.cancel(runId).catch(() => undefined);
      // A worker busy inside one long inference call cannot hear the cancel; stop it outright,
      // unless another run is using it (that run's result would be lost).
      setTimeout(() => {
        if (settled) return;
        if (analysisWorker.current === current && analysisWorker.users <= 1) analysisWorker.stop();
        reject(new CancelledError());
      }, CANCEL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  cancelled.catch(() => undefined);

  let vlm: ReturnType<typeof exposeVlmBackend> | undefined;
  try {
    // The VLM (when given) stays on the page; the worker's router reaches it through a port (src/vlm/port.ts).
    vlm = options.router === 'vlm' && options.vlm ? exposeVlmBackend(options.vlm) : undefined;
    const workerOptions = { tier, router: options.router ?? 'fast', modelBaseUrl, decoderBaseUrl: options.decoderBaseUrl, budgetMs, ep: options.ep ?? 'auto', name, externalExperts: options.externalExperts ?? [], vlm: vlm?.handle } as const;
    const run = current.api.analyze(runId, blob, Comlink.transfer(workerOptions, vlm ? [vlm.handle.port] : []), Comlink.proxy(onProgress));
    const result: WorkerResult = await Promise.race([run, current.crashed, cancelled]);
    if (!result.ok) throw reviveError(result.error);
    return result.report;
  } catch (err) {
    if (err instanceof WorkerCrashedError && analysisWorker.current === current) analysisWorker.stop();
    throw err;
  } finally {
    settled = true;
    vlm?.close();
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    analysisWorker.release();
  }
}

/**
 * Decodes a video without analysing it, in the analysis worker, and reports how long that took:
 * the floor that decoding sets for analysis time. With `copy`, each frame's pixels are copied too.
 */
export async function measureDecode(input: File | Blob | URL, copy = false): Promise<{ frames: number; ms: number; width: number; height: number }> {
  const { blob } = await toBlob(input);
  try {
    return await analysisWorker.acquire().api.decodeOnly(blob, copy);
  } finally {
    analysisWorker.release();
  }
}
