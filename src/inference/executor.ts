/**
 * Where expert models run. The analysis worker hands batches to an executor: in the app a second
 * worker (so decoding and inference use both cores), in tests the current thread. Both load sessions
 * once and reuse them.
 */
import type { ExpertFrameOutput, ExpertMeta } from '../experts/types.ts';
import { runExpert } from './expert-runner.ts';
import type { ExecutionProvider, ModelSession, TensorData } from './ort.ts';
import { sessionFor } from './expert-pool.ts';
import { rawJobs, type RawSpatialBatch } from './raw-batch.ts';

/** One expert's job in a batch. */
export interface ExpertJob {
  id: string;
  x: TensorData;
  t?: TensorData;
  /** Source pixels per analysis pixel of the frames in `x` (spatial jobs). */
  scale?: number;
}

/** Outputs of a batch of jobs, with the time spent in inference. */
export interface BatchOutputs {
  outputs: Record<string, ExpertFrameOutput>;
  ms: number;
}

/** Runs expert models. */
export interface ExpertExecutor {
  /** Loads the sessions; returns the ids of experts whose model failed to load, with the first error. */
  load(metas: ExpertMeta[], modelBaseUrl: string, ep: ExecutionProvider): Promise<{ failed: string[]; error?: { code: string; message: string } }>;
  /**
   * Runs jobs, each on its expert's session. `first`: ahead of the batches queued without it (the
   * probe's, which the route waits for), else in arrival order.
   */
  run(jobs: ExpertJob[], first?: boolean): Promise<BatchOutputs>;
  /**
   * Runs a spatial batch given as decoded pixels, making the experts' planes first (`raw-batch.ts`):
   * the same outputs as `run` on the planes made by the caller. Optional: without it the caller makes them.
   */
  runRaw?(batch: RawSpatialBatch, first?: boolean): Promise<BatchOutputs>;
}

/** Where a session comes from: fetched from the model base URL in the app, read from disk in Node tests. */
export type SessionLoader = (meta: ExpertMeta, modelBaseUrl: string, ep: ExecutionProvider) => Promise<ModelSession>;

/** Runs models in the calling thread. */
export class LocalExecutor implements ExpertExecutor {
  private readonly sessions = new Map<string, { meta: ExpertMeta; session: ModelSession; ep: ExecutionProvider }>();
  private modelBaseUrl = '';

  constructor(private readonly sessionOf: SessionLoader = sessionFor) {}

  async load(metas: ExpertMeta[], modelBaseUrl: string, ep: ExecutionProvider) {
    this.modelBaseUrl = modelBaseUrl;
    const settled = await Promise.allSettled(metas.map((m) => this.sessionOf(m, modelBaseUrl, ep)));
    const failed: string[] = [];
    let error: { code: string; message: string } | undefined;
    settled.forEach((s, i) => {
      const meta = metas[i]!;
      if (s.status === 'fulfilled') this.sessions.set(meta.id, { meta, session: s.value, ep });
      else {
        failed.push(meta.id);
        const reason = s.reason as { code?: string; message?: string };
        error ??= { code: reason.code ?? 'MODEL_LOAD', message: reason.message ?? String(s.reason) };
      }
    });
    return { failed, error };
  }

  /** Batches waiting to run, `first` ones ahead of the rest; each kind in arrival order. */
  private readonly waiting: { first: boolean; start: () => void }[] = [];
  private busy = false;

  /**
   * Runs batches one after another: the analysis worker keeps several in flight, and runs on one
   * onnxruntime session (or the one wasm instance) must not interleave. Batches marked `first` (the
   * probe's) go ahead of those waiting without the mark (the early start's), so the route is not held
   * up behind work that can wait; results do not depend on the order.
   */
  run(jobs: ExpertJob[], first = false): Promise<BatchOutputs> {
    return this.enqueue(() => jobs, first);
  }

  /** Like `run`; the planes are made when the batch's turn comes (in the inference worker: beside decoding). */
  runRaw(batch: RawSpatialBatch, first = false): Promise<BatchOutputs> {
    return this.enqueue(() => rawJobs(batch), first);
  }

  private enqueue(jobsOf: () => ExpertJob[], first: boolean): Promise<BatchOutputs> {
    return new Promise<BatchOutputs>((resolve, reject) => {
      const start = () => {
        const t0 = performance.now();
        Promise.resolve()
          .then(() => this.runNow(jobsOf(), t0))
          .then(resolve, reject)
          .finally(() => this.next());
      };
      const at = first ? this.waiting.findIndex((w) => !w.first) : -1;
      this.waiting.splice(at < 0 ? this.waiting.length : at, 0, { first, start });
      if (!this.busy) this.next();
    });
  }

  private next(): void {
    const job = this.waiting.shift();
    this.busy = job !== undefined;
    job?.start();
  }

  private async runNow(jobs: ExpertJob[], start = performance.now()): Promise<BatchOutputs> {
    const outputs: Record<string, ExpertFrameOutput> = {};
    for (const job of jobs) {
      const entry = this.sessions.get(job.id);
      if (!entry) throw new Error(`expert "${job.id}" is not loaded`);
      outputs[job.id] = await this.runOne(entry, job);
    }
    return { outputs, ms: performance.now() - start };
  }

  /**
   * Runs one job; a model that fails on WebGPU (a kernel the adapter lacks) is moved to wasm for the
   * rest of the worker's life and the job is run again there.
   */
  private async runOne(entry: { meta: ExpertMeta; session: ModelSession; ep: ExecutionProvider }, job: ExpertJob): Promise<ExpertFrameOutput> {
    try {
      return await runExpert(entry.session, entry.meta, { x: job.x, t: job.t, scale: job.scale });
    } catch (err) {
      if (entry.ep !== 'webgpu') throw err;
      const session = await this.sessionOf(entry.meta, this.modelBaseUrl, 'wasm');
      this.sessions.set(entry.meta.id, { meta: entry.meta, session, ep: 'wasm' });
      return runExpert(session, entry.meta, { x: job.x, t: job.t, scale: job.scale });
    }
  }
}
