/**
 * An executor backed by the inference worker. Input tensors are transferred, not copied; outputs come
 * back the same way. Started lazily by the analysis worker and kept for the worker's life.
 */
import * as Comlink from 'comlink';
import type { ExpertMeta } from '../experts/types.ts';
import type { ExecutionProvider } from './ort.ts';
import type { InferenceWorkerApi } from '../protocol.ts';
import type { BatchOutputs, ExpertExecutor, ExpertJob } from './executor.ts';
import { WorkerCrashedError } from '../errors.ts';
import type { RawSpatialBatch } from './raw-batch.ts';
import type { SessionPreparer } from './session-prep.ts';

/** Runs experts in a dedicated worker. */
export class RemoteExecutor implements ExpertExecutor, SessionPreparer {
  private readonly worker: Worker;
  private readonly api: Comlink.Remote<InferenceWorkerApi>;
  private readonly crashed: Promise<never>;

  constructor() {
    this.worker = new Worker(new URL('../../workers/inference.worker.ts', import.meta.url), { type: 'module', name: 'qrouter-inference' });
    this.api = Comlink.wrap<InferenceWorkerApi>(this.worker);
    this.crashed = new Promise<never>((_, reject) => {
      this.worker.addEventListener('error', (e) => {
        e.preventDefault();
        reject(new WorkerCrashedError(`The inference worker stopped unexpectedly${e.message ? ` (${e.message})` : ''}. Try again; if it keeps happening, try a lower tier.`));
      });
    });
    this.crashed.catch(() => undefined);
  }

  load(metas: ExpertMeta[], modelBaseUrl: string, ep: ExecutionProvider) {
    return Promise.race([this.api.load(metas, modelBaseUrl, ep), this.crashed]);
  }

  run(jobs: ExpertJob[], first = false): Promise<BatchOutputs> {
    const buffers = new Set<ArrayBuffer>();
    for (const j of jobs) {
      buffers.add(j.x.data.buffer as ArrayBuffer);
      if (j.t) buffers.add(j.t.data.buffer as ArrayBuffer);
    }
    return Promise.race([this.api.run(Comlink.transfer(jobs, [...buffers]), first), this.crashed]);
  }

  /** The frames' pixels are transferred: the planes are made in the inference worker. */
  runRaw(batch: RawSpatialBatch, first = false): Promise<BatchOutputs> {
    const buffers = new Set(batch.frames.map((f) => f.pixels.data.buffer as ArrayBuffer));
    return Promise.race([this.api.runRaw(Comlink.transfer(batch, [...buffers]), first), this.crashed]);
  }

  /** The worker makes these sessions when it is idle; nothing waits for them. */
  prepare(metas: ExpertMeta[], modelBaseUrl: string, ep: ExecutionProvider): void {
    this.api.prepare(metas, modelBaseUrl, ep).catch(() => undefined);
  }

  /** Stops the worker. */
  terminate(): void {
    this.worker.terminate();
  }
}
