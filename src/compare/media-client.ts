/**
 * The page side of the media worker: full-reference measures between two encodes (progress, cancel
 * through an AbortSignal) and single decoded frames for the player. The worker starts on first use
 * and stops after a minute without work; the page thread only posts messages and draws bitmaps.
 */
import * as Comlink from 'comlink';
import { IdleWorker } from '../api/idle-worker.ts';
import { CancelledError, reviveError, WorkerCrashedError } from '../errors.ts';
import type { MediaWorkerApi } from '../protocol.ts';
import type { FullRefResult } from './fullref.ts';

const CANCEL_GRACE_MS = 400;

/** The media worker, started on first use and stopped after a minute without work. */
const mediaWorker = new IdleWorker<MediaWorkerApi>(
  () => new Worker(new URL('../../workers/media.worker.ts', import.meta.url), { type: 'module', name: 'qrouter-media' }),
  (detail) => `The media worker stopped unexpectedly${detail ? ` (${detail})` : ''}.`,
);
let nextId = 1;

function defaultModelBaseUrl(): string {
  const base = (import.meta.env?.BASE_URL as string | undefined) ?? '/';
  return new URL(`${base}models/`, globalThis.location?.href ?? 'http://localhost/').href;
}

/** Options of a full-reference measurement. */
export interface FullRefOptions {
  signal?: AbortSignal;
  /** Frames measured so far and the expected total. */
  onProgress?: (done: number, total: number) => void;
  /** Folder of the models (default: the app's `models/`). */
  modelBaseUrl?: string;
  decoderBaseUrl?: string;
}

/**
 * Measures PSNR and SSIM between two encodes, frame by frame, in the media worker.
 * @throws CancelledError when `signal` fires; a typed error when a file cannot be decoded
 */
export async function measureFullReference(a: Blob, b: Blob, options: FullRefOptions = {}): Promise<FullRefResult> {
  const { signal } = options;
  if (signal?.aborted) throw new CancelledError();
  const h = mediaWorker.acquire();
  const runId = nextId++;
  let settled = false;
  let onAbort: (() => void) | undefined;
  const cancelled = new Promise<never>((_, reject) => {
    onAbort = () => {
      void h.api.cancel(runId).catch(() => undefined);
      // A worker inside one long model run cannot hear the cancel; stop it when nothing else uses it.
      setTimeout(() => {
        if (settled) return;
        if (mediaWorker.current === h && mediaWorker.users <= 1) mediaWorker.stop();
        reject(new CancelledError());
      }, CANCEL_GRACE_MS);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  cancelled.catch(() => undefined);
  try {
    const modelBaseUrl = new URL(options.modelBaseUrl ?? defaultModelBaseUrl(), globalThis.location?.href).href;
    const progress = Comlink.proxy((done: number, total: number) => options.onProgress?.(done, total));
    const run = h.api.fullRef(runId, a, b, { modelBaseUrl, decoderBaseUrl: options.decoderBaseUrl }, progress);
    const out = await Promise.race([run, h.crashed, cancelled]);
    if (!out.ok) throw signal?.aborted ? new CancelledError() : reviveError(out.error);
    return out.result;
  } catch (err) {
    if (err instanceof WorkerCrashedError && mediaWorker.current === h) mediaWorker.stop();
    throw err;
  } finally {
    settled = true;
    if (onAbort) signal?.removeEventListener('abort', onAbort);
    mediaWorker.release();
  }
}

/** A decoded frame: its time and its picture. */
export interface DecodedFrame {
  tS: number;
  bitmap: ImageBitmap;
}

/** A new id under which the media worker keeps one file open for frame requests. */
export function newSourceId(): number {
  return nextId++;
}

/** The frame shown at `tS` seconds of `blob` (opened once per `sourceId`), fitted in `box`. */
export async function decodeFrameAt(sourceId: number, blob: Blob, tS: number, box: [number, number]): Promise<DecodedFrame> {
  const h = mediaWorker.acquire();
  try {
    const out = await Promise.race([h.api.frameAt(sourceId, blob, tS, box), h.crashed]);
    if (!out.ok) throw reviveError(out.error);
    return { tS: out.tS, bitmap: out.bitmap };
  } catch (err) {
    if (err instanceof WorkerCrashedError && mediaWorker.current === h) mediaWorker.stop();
    throw err;
  } finally {
    mediaWorker.release();
  }
}

/** Releases the file opened as `sourceId` (when the worker is still running). */
export function closeSource(sourceId: number): void {
  void mediaWorker.current?.api.closeSource(sourceId).catch(() => undefined);
}
