/**
 * An expert executor for Node: loads each expert's built model from `public/models/` on disk (made by
 * `npm run models`), or builds it from the expert's `model.ts` when it has not been built, and runs it
 * in this thread through the same runner the app's inference worker uses.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import type { ExpertMeta } from '../experts/types.ts';
import type { BatchOutputs, ExpertExecutor, ExpertJob } from '../inference/executor.ts';
import { runExpert } from '../inference/expert-runner.ts';
import { createSession, type ModelSession } from '../inference/ort.ts';

const MODELS_DIR = resolve(import.meta.dirname, '../../public');
const EXPERTS_DIR = resolve(import.meta.dirname, '../experts');

async function modelBytes(meta: ExpertMeta): Promise<Uint8Array> {
  const built = join(MODELS_DIR, meta.model);
  if (existsSync(built)) return new Uint8Array(readFileSync(built));
  const mod = (await import(pathToFileURL(join(EXPERTS_DIR, meta.id, 'model.ts')).href)) as { buildModel(): Uint8Array | Promise<Uint8Array> };
  return mod.buildModel();
}

/** Runs expert models from disk in the calling thread. */
export class NodeExecutor implements ExpertExecutor {
  private readonly sessions = new Map<string, { meta: ExpertMeta; session: Promise<ModelSession> }>();

  async load(metas: ExpertMeta[]) {
    const failed: string[] = [];
    let error: { code: string; message: string } | undefined;
    for (const meta of metas) {
      if (this.sessions.has(meta.id)) continue;
      try {
        const bytes = await modelBytes(meta);
        this.sessions.set(meta.id, { meta, session: createSession(meta.id, bytes, 'wasm') });
        await this.sessions.get(meta.id)!.session;
      } catch (err) {
        this.sessions.delete(meta.id);
        failed.push(meta.id);
        error ??= { code: 'MODEL_LOAD', message: `${meta.id}: ${err instanceof Error ? err.message : String(err)} (run npm run models)` };
      }
    }
    return { failed, error };
  }

  private queue: Promise<unknown> = Promise.resolve();

  /** Runs batches one after another: onnxruntime's wasm backend must not interleave runs. */
  run(jobs: ExpertJob[]): Promise<BatchOutputs> {
    const next = this.queue.then(() => this.runNow(jobs));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async runNow(jobs: ExpertJob[]): Promise<BatchOutputs> {
    const start = performance.now();
    const outputs: BatchOutputs['outputs'] = {};
    for (const job of jobs) {
      const entry = this.sessions.get(job.id);
      if (!entry) throw new Error(`expert "${job.id}" is not loaded`);
      outputs[job.id] = await runExpert(await entry.session, entry.meta, { x: job.x, t: job.t });
    }
    return { outputs, ms: performance.now() - start };
  }
}
