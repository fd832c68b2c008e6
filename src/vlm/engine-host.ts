/**
 * The page's handle on the in-browser vision-language model. Nothing is fetched until `load()` is
 * called, which the UI does only after the user agreed to the download (see `download-offer.ts`):
 * first the capability check, then the weight list (to know the exact size), then WebLLM in its own
 * worker (`workers/vlm.worker.ts`), which fetches the model library and the weights into WebLLM's
 * cache (so a second visit loads from disk). Progress is reported in bytes; `signal` cancels.
 */
import type { WebWorkerMLCEngine } from '@mlc-ai/web-llm';
import { messageOf, type VlmBackend } from './backend.ts';
import { checkVlmCapability, type GpuEnvironment, type VlmCapability } from './capability.ts';
import { toWebLlmAppConfig, type VlmModelRecord } from './model-record.ts';
import { WebLlmBackend } from './webllm-backend.ts';

/** Progress of `load()`, as a typed union. */
export type VlmLoadProgress =
  | { stage: 'check'; adapter: string }
  | { stage: 'manifest'; totalBytes: number; files: number }
  | { stage: 'download'; loadedBytes: number; totalBytes: number; text: string }
  | { stage: 'ready'; ms: number };

/** Why loading stopped; `message` is a sentence for the user. */
export class VlmLoadError extends Error {
  constructor(
    readonly code: 'CAPABILITY' | 'MANIFEST' | 'ENGINE' | 'CANCELLED',
    message: string,
    readonly capability?: VlmCapability,
  ) {
    super(message);
    this.name = 'VlmLoadError';
  }
}

/** Options of `load()`. */
export interface VlmLoadOptions {
  onProgress?: (p: VlmLoadProgress) => void;
  signal?: AbortSignal;
  /**
   * Accept a software WebGPU adapter (SwiftShader). Only for development and tests: the model would
   * be far too slow on it.
   */
  allowSoftwareAdapter?: boolean;
  /** The environment to check (default: this page's). */
  env?: GpuEnvironment;
}

/**
 * The folder WebLLM reads a model from: it appends Hugging Face's `resolve/main/` to every model URL
 * that has no `/resolve/<revision>/` segment, on any host. A self-hosted mirror therefore keeps the
 * files under `<modelUrl>/resolve/main/`, or names the revision folder in `modelUrl` itself.
 */
export function modelFolderUrl(modelUrl: string): string {
  let u = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  if (!/.+\/resolve\/.+\//.test(u)) u += 'resolve/main/';
  return new URL(u, globalThis.location?.href).href;
}

/** Total bytes of the weight shards listed in a model's `tensor-cache.json`. */
export async function readWeightManifest(record: VlmModelRecord, signal?: AbortSignal): Promise<{ totalBytes: number; files: number }> {
  const url = new URL('tensor-cache.json', modelFolderUrl(record.modelUrl)).href;
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'omit' });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new VlmLoadError('MANIFEST', `The model's weight list at ${url} could not be read (${messageOf(err)}).`);
  }
  if (!res.ok) throw new VlmLoadError('MANIFEST', `The model's weight list at ${url} could not be read (HTTP ${res.status}).`);
  const json = (await res.json()) as { records?: { dataPath?: string; nbytes?: number }[] };
  const records = json.records ?? [];
  const totalBytes = records.reduce((n, r) => n + (typeof r.nbytes === 'number' ? r.nbytes : 0), 0);
  if (!(totalBytes > 0)) throw new VlmLoadError('MANIFEST', `The model's weight list at ${url} lists no weights.`);
  return { totalBytes, files: records.length };
}

/** Loads and holds one model in its own worker. */
export class VlmEngineHost {
  private worker: Worker | undefined;
  private engine: WebWorkerMLCEngine | undefined;
  private loaded: VlmBackend | undefined;

  constructor(readonly record: VlmModelRecord) {}

  /** The capability check alone (no download). */
  check(env?: GpuEnvironment): Promise<VlmCapability> {
    return checkVlmCapability(this.record, env);
  }

  /** True when WebLLM's cache already holds this model (loading then downloads nothing). */
  async isCached(): Promise<boolean> {
    const { hasModelInCache } = await import('@mlc-ai/web-llm');
    return hasModelInCache(this.record.id, toWebLlmAppConfig(this.record)).catch(() => false);
  }

  /** The loaded model as a backend, or undefined before `load()` succeeded. */
  get backend(): VlmBackend | undefined {
    return this.loaded;
  }

  /** Checks, then downloads (or reads from the cache) and starts the model. Call after the user agreed. */
  async load(options: VlmLoadOptions = {}): Promise<VlmBackend> {
    if (this.loaded) return this.loaded;
    const { onProgress, signal } = options;
    const t0 = performance.now();
    const cancelled = () => new VlmLoadError('CANCELLED', 'The model download was cancelled.');
    if (signal?.aborted) throw cancelled();

    const capability = await this.check(options.env);
    const softwareOnly = !capability.ok && capability.code === 'SOFTWARE_ADAPTER' && options.allowSoftwareAdapter;
    if (!capability.ok && !softwareOnly) throw new VlmLoadError('CAPABILITY', capability.reason, capability);
    onProgress?.({ stage: 'check', adapter: capability.adapter ?? '' });

    const manifest = await readWeightManifest(this.record, signal).catch((err: unknown) => {
      throw signal?.aborted ? cancelled() : err;
    });
    onProgress?.({ stage: 'manifest', ...manifest });

    const webllm = await import('@mlc-ai/web-llm');
    const worker = new Worker(new URL('../../workers/vlm.worker.ts', import.meta.url), { type: 'module', name: 'qrouter-vlm' });
    this.worker = worker;
    const stop = () => this.stopWorker();
    const aborted = new Promise<never>((_, reject) => {
      signal?.addEventListener(
        'abort',
        () => {
          stop();
          reject(cancelled());
        },
        { once: true },
      );
    });
    aborted.catch(() => undefined);
    try {
      const engine = await Promise.race([
        webllm.CreateWebWorkerMLCEngine(worker, this.record.id, {
          appConfig: toWebLlmAppConfig(this.record),
          initProgressCallback: (r) => {
            const loadedBytes = Math.min(manifest.totalBytes, Math.round(r.progress * manifest.totalBytes));
            onProgress?.({ stage: 'download', loadedBytes, totalBytes: manifest.totalBytes, text: r.text });
          },
        }),
        aborted,
      ]);
      this.engine = engine;
      this.loaded = new WebLlmBackend(engine, this.record.id);
      onProgress?.({ stage: 'ready', ms: performance.now() - t0 });
      return this.loaded;
    } catch (err) {
      stop();
      if (err instanceof VlmLoadError) throw err;
      const missing = await this.missingFile();
      throw new VlmLoadError('ENGINE', `The model ${this.record.id} could not be started: ${missing ?? messageOf(err)}`);
    }
  }

  /** Frees the GPU memory and stops the worker; the cached weights stay on disk. */
  async unload(): Promise<void> {
    await this.engine?.unload().catch(() => undefined);
    this.stopWorker();
  }

  /**
   * After a failed start, names the first of the model's own files that cannot be fetched (WebLLM's
   * cache reports only "Request failed"); only the record's URLs are asked.
   */
  private async missingFile(): Promise<string | undefined> {
    const folder = modelFolderUrl(this.record.modelUrl);
    const files: [string, string][] = [
      ['its configuration', new URL('mlc-chat-config.json', folder).href],
      ['its model library', new URL(this.record.modelLibUrl, globalThis.location?.href).href],
    ];
    for (const [what, url] of files) {
      const status = await fetch(url, { method: 'HEAD', credentials: 'omit' }).then((r) => (r.ok ? 0 : r.status), () => -1);
      if (status !== 0) return `${what} at ${url} is missing (${status > 0 ? `HTTP ${status}` : 'unreachable'}).`;
    }
    return undefined;
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.engine = undefined;
    this.loaded = undefined;
  }
}
