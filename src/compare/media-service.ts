/**
 * The media worker's service (runs in `workers/media.worker.ts`): full-reference PSNR and SSIM
 * between two encodes on the full-reference ONNX model, and single decoded frames for the player
 * when the browser's `<video>` cannot play a file. Files are decoded with the project's
 * `openFrameSource` (WebCodecs, ffmpeg.wasm as the fallback); each measurement has its own id and
 * AbortController.
 */
import * as Comlink from 'comlink';
import { openFrameSource } from '../decode/open.ts';
import type { FrameSource } from '../decode/frame-source.ts';
import { CorruptInputError, serializeError } from '../errors.ts';
import { fetchVerifiedModel } from '../inference/model-store.ts';
import { createSession, detectBackend, type ModelSession } from '../inference/ort.ts';
import type { MediaWorkerApi } from '../protocol.ts';
import { FULLREF_BOX, FULLREF_MODEL_FILE, measureFullRef } from './fullref.ts';
import { yuvToRgba } from './yuv-rgba.ts';

/** Open sources kept for the player's frame requests (one per player; a comparison has two). */
const MAX_OPEN_SOURCES = 2;

interface OpenSource {
  source: Promise<FrameSource>;
  /** Requests on one source run one after another (a source's reads must not interleave). */
  queue: Promise<unknown>;
}

/** Makes the media worker's API. */
export function createMediaService(): MediaWorkerApi {
  const runs = new Map<number, AbortController>();
  const sources = new Map<number, OpenSource>();
  const sessions = new Map<string, Promise<ModelSession>>();

  const sessionFor = (modelBaseUrl: string, ep: 'auto' | 'wasm' | 'webgpu'): Promise<ModelSession> => {
    const key = `${ep}|${modelBaseUrl}`;
    let s = sessions.get(key);
    if (!s) {
      s = (async () => {
        const bytes = await fetchVerifiedModel(modelBaseUrl, FULLREF_MODEL_FILE, 'full-reference');
        return createSession('fullref', bytes, (await detectBackend(ep)).ep);
      })();
      sessions.set(key, s);
      s.catch(() => sessions.delete(key));
    }
    return s;
  };

  const close = (id: number): void => {
    const entry = sources.get(id);
    sources.delete(id);
    void entry?.source.then((s) => s.dispose()).catch(() => undefined);
  };

  return {
    async fullRef(runId, a, b, options, onProgress) {
      const controller = new AbortController();
      runs.set(runId, controller);
      const { signal } = controller;
      const opened: FrameSource[] = [];
      try {
        const session = sessionFor(options.modelBaseUrl, options.ep ?? 'auto');
        const hint = { analysisBox: FULLREF_BOX, decoderBaseUrl: options.decoderBaseUrl, signal };
        for (const blob of [a, b]) opened.push(await openFrameSource(blob, hint));
        const result = await measureFullRef(opened[0]!, opened[1]!, await session, { signal, onProgress: (done, total) => void onProgress(done, total) });
        return { ok: true, result };
      } catch (err) {
        return { ok: false, error: serializeError(err) };
      } finally {
        for (const s of opened) s.dispose();
        runs.delete(runId);
      }
    },
    cancel(runId) {
      runs.get(runId)?.abort();
    },
    async frameAt(sourceId, blob, tS, box, decoderBaseUrl) {
      let entry = sources.get(sourceId);
      if (!entry) {
        while (sources.size >= MAX_OPEN_SOURCES) close(sources.keys().next().value!);
        entry = { source: openFrameSource(blob, { analysisBox: box, decoderBaseUrl }), queue: Promise.resolve() };
        entry.source.catch(() => sources.delete(sourceId));
        sources.set(sourceId, entry);
      }
      const { source } = entry;
      const job = entry.queue.then(async () => {
        const s = await source;
        for await (const f of s.framesAt([Math.max(0, tS)])) {
          const rgba = yuvToRgba(f.pixels);
          const bitmap = await createImageBitmap(new ImageData(rgba, f.pixels.width, f.pixels.height));
          return Comlink.transfer({ ok: true as const, tS: f.tS, width: f.pixels.width, height: f.pixels.height, bitmap }, [bitmap]);
        }
        throw new CorruptInputError(`No frame could be decoded at ${tS.toFixed(3)} s.`);
      });
      entry.queue = job.catch(() => undefined);
      try {
        return await job;
      } catch (err) {
        return { ok: false, error: serializeError(err) };
      }
    },
    closeSource: close,
  };
}
