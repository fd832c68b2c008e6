/**
 * Runs the temporal-stream experts (and the row-keeping interlacing expert) in Node for the ladders
 * through the engine's own parts: the Node executor (`src/testing/node-executor.ts`), the batch
 * dispatcher with its temporal carry (`src/pipeline/batches.ts`) and the expert-results pooling
 * (`src/pipeline/expert-results.ts`). Nothing of the engine is re-implemented here.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { createSession, type ModelSession } from '../../src/inference/ort.ts';
import { BatchDispatcher, TEMPORAL_CARRY, type ActiveExpert, type AnalysisFrame, type TemporalFrame } from '../../src/pipeline/batches.ts';
import { ExpertResults, pool as enginePool } from '../../src/pipeline/expert-results.ts';
import { asYuv, type Plane } from '../../src/testing/expert-harness.ts';
import { NodeExecutor } from '../../src/testing/node-executor.ts';

const expertsDir = resolve(import.meta.dirname, '../../src/experts');

/** The experts the ladders exercise. */
export const LADDER_EXPERTS = ['freeze', 'black', 'flicker', 'stutter', 'interlacing'] as const;

/** A loaded expert: metadata, a session for timing, and the accumulated inference time. */
export interface LoadedExpert {
  meta: ExpertMeta;
  session: ModelSession;
  ms: number;
  frames: number;
}

const executor = new NodeExecutor();

/** Loads one expert into the shared Node executor (and a session of its own for timing). */
export async function loadExpert(id: string): Promise<LoadedExpert> {
  const meta = JSON.parse(readFileSync(join(expertsDir, id, 'meta.json'), 'utf8')) as ExpertMeta;
  const { failed, error } = await executor.load([meta], '', 'wasm');
  if (failed.length) throw new Error(error?.message ?? `${id} did not load`);
  const mod = (await import(join(expertsDir, id, 'model.ts'))) as { buildModel(): Uint8Array };
  return { meta, session: await createSession(id, mod.buildModel(), 'wasm'), ms: 0, frames: 0 };
}

const planes = (p: Plane) => ({ width: p.width, height: p.height, channels: 1, data: p.data });

/**
 * Per-frame raw values of an expert over a whole clip, as the engine produces them: temporal experts
 * in batches of `batch` frames carrying the engine's history of earlier frames, row-keeping and other
 * analysis-stream experts on every frame given.
 */
export async function scoreClip(e: LoadedExpert, frames: Plane[], times: number[], batch = 48): Promise<number[]> {
  const results = new ExpertResults(e.meta);
  const active: ActiveExpert[] = [{ meta: e.meta, stride: 1, results }];
  const dispatcher = new BatchDispatcher(executor);
  if (e.meta.inputs.stream === 'temporal') {
    let carry: TemporalFrame[] = [];
    for (let s = 0; s < frames.length; s += batch) {
      const chunk: TemporalFrame[] = frames.slice(s, s + batch).map((p, i) => ({ tS: times[s + i]!, luma: planes(p) }));
      await dispatcher.temporal(chunk, carry, active);
      carry = [...carry, ...chunk].slice(-TEMPORAL_CARRY);
    }
  } else {
    for (let s = 0; s < frames.length; s += batch) {
      const chunk: AnalysisFrame[] = frames.slice(s, s + batch).map((p, i) => ({ index: s + i, tS: times[s + i] ?? (s + i) / 30, luma: planes(p), rows: planes(p), yuv: planes(asYuv(p)) }));
      await dispatcher.spatial(chunk, active);
    }
  }
  await dispatcher.drain();
  e.ms += dispatcher.inferenceMs;
  e.frames += frames.length;
  return results.frames.map((f) => f.raw);
}

/** Pools per-frame values the way the expert's metadata says, with the engine's pooling. */
export function pool(meta: ExpertMeta, v: number[]): number {
  return enginePool(v.filter((x) => Number.isFinite(x)), meta.pool);
}

/** Milliseconds per frame of an expert on synthetic frames of the given size, batch of `batch`. */
export async function timePerFrame(e: LoadedExpert, width: number, height: number, batch: number, repeats = 5): Promise<number> {
  const x = new Float32Array(width * height * batch).map((_, i) => (i * 37) % 251);
  const feeds: Record<string, { data: Float32Array; dims: number[] }> = { x: { data: x, dims: [batch, 1, height, width] } };
  if (e.meta.inputs.timestamps) feeds.t = { data: Float32Array.from({ length: batch }, (_, i) => i / 30), dims: [batch] };
  if (e.meta.inputs.scale) feeds.scale = { data: Float32Array.of(1), dims: [1] };
  await e.session.run(feeds);
  // The fastest of several runs: the machine may be shared, and contention only ever adds time.
  let best = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    await e.session.run(feeds);
    best = Math.min(best, performance.now() - t0);
  }
  return best / batch;
}
