/**
 * Runs the temporal-stream experts (and the row-keeping interlacing expert) in Node for the ladders,
 * loading models from their source and metadata from meta.json, without the app's registry.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExpertMeta } from '../../src/experts/types.ts';
import type { Plane } from '../../src/testing/expert-harness.ts';
import { createSession, type ModelSession } from '../../src/inference/ort.ts';

const expertsDir = resolve(import.meta.dirname, '../../src/experts');

/** The experts the ladders exercise. */
export const LADDER_EXPERTS = ['freeze', 'black', 'flicker', 'stutter', 'interlacing'] as const;

/** Frames of context fed before each batch (the flicker test looks three changes back). */
const CONTEXT = 3;

/** A loaded expert: metadata, session, and the accumulated inference time. */
export interface LoadedExpert {
  meta: ExpertMeta;
  session: ModelSession;
  ms: number;
  frames: number;
}

/** Builds and loads one expert. */
export async function loadExpert(id: string): Promise<LoadedExpert> {
  const meta = JSON.parse(readFileSync(join(expertsDir, id, 'meta.json'), 'utf8')) as ExpertMeta;
  const mod = (await import(join(expertsDir, id, 'model.ts'))) as { buildModel(): Uint8Array };
  return { meta, session: await createSession(id, mod.buildModel(), 'wasm'), ms: 0, frames: 0 };
}

/**
 * Per-frame scores of an expert over a whole clip. Temporal experts run in batches of `batch`
 * frames, each preceded by a few context frames whose outputs are discarded, as a streaming engine
 * would; spatial experts run frame batches as they are.
 */
export async function scoreClip(e: LoadedExpert, planes: Plane[], times: number[], batch = 48): Promise<number[]> {
  const out: number[] = [];
  const temporal = e.meta.kind === 'temporal';
  for (let s = 0; s < planes.length; s += batch) {
    const from = temporal ? Math.max(0, s - CONTEXT) : s;
    const chunk = planes.slice(from, s + batch);
    const first = chunk[0]!;
    const size = first.width * first.height;
    const x = new Float32Array(size * chunk.length);
    chunk.forEach((p, i) => x.set(p.data, i * size));
    const feeds: Record<string, { data: Float32Array; dims: number[] }> = { x: { data: x, dims: [chunk.length, 1, first.height, first.width] } };
    if (e.meta.inputs.timestamps) feeds.t = { data: Float32Array.from(times.slice(from, s + batch)), dims: [chunk.length] };
    const t0 = performance.now();
    const result = await e.session.run(feeds);
    e.ms += performance.now() - t0;
    e.frames += chunk.length;
    out.push(...Array.from(result.score!.data).slice(s - from));
  }
  return out;
}

/** Pools per-frame values the way the expert's metadata says. */
export function pool(meta: ExpertMeta, v: number[]): number {
  const sorted = [...v].sort((a, b) => a - b);
  const q = (f: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(f * (sorted.length - 1))))]!;
  switch (meta.pool) {
    case 'mean': return v.reduce((a, b) => a + b, 0) / v.length;
    case 'median': return q(0.5);
    case 'p90': return q(0.9);
    case 'p10': return q(0.1);
    case 'max': return sorted[sorted.length - 1]!;
    case 'min': return sorted[0]!;
  }
}

/** Milliseconds per frame of an expert on synthetic frames of the given size, batch of `batch`. */
export async function timePerFrame(e: LoadedExpert, width: number, height: number, batch: number, repeats = 5): Promise<number> {
  const x = new Float32Array(width * height * batch).map((_, i) => (i * 37) % 251);
  const feeds: Record<string, { data: Float32Array; dims: number[] }> = { x: { data: x, dims: [batch, 1, height, width] } };
  if (e.meta.inputs.timestamps) feeds.t = { data: Float32Array.from({ length: batch }, (_, i) => i / 30), dims: [batch] };
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
