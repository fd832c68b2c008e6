/**
 * Loads and runs spatial experts in plain Node (tsx), without the Vite-only registry: the metadata
 * is read from the expert's meta.json and the model is built from its model.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { createSession, type ModelSession, type TensorData } from '../../src/inference/ort.ts';
import type { Plane } from '../../src/testing/expert-harness.ts';

const EXPERTS_DIR = join(import.meta.dirname, '../../src/experts');
const loaded = new Map<string, Promise<{ meta: ExpertMeta; session: ModelSession }>>();

/** The expert's metadata and a wasm session of its model (built once per process). */
export function loadExpert(id: string): Promise<{ meta: ExpertMeta; session: ModelSession }> {
  let l = loaded.get(id);
  if (!l) {
    l = (async () => {
      const meta = JSON.parse(readFileSync(join(EXPERTS_DIR, id, 'meta.json'), 'utf8')) as ExpertMeta;
      const mod = (await import(pathToFileURL(join(EXPERTS_DIR, id, 'model.ts')).href)) as { buildModel(): Uint8Array };
      return { meta, session: await createSession(id, mod.buildModel(), 'wasm') };
    })();
    loaded.set(id, l);
  }
  return l;
}

/** Runs a session on equally sized planes stacked into one batch; returns score and map. */
export async function runPlanes(session: ModelSession, planes: Plane[], channels = 1): Promise<{ score: Float32Array; map: Float32Array; dims: number[] }> {
  const first = planes[0];
  if (!first) throw new Error('no planes');
  const frame = first.width * first.height * channels;
  const x = new Float32Array(frame * planes.length);
  planes.forEach((p, i) => x.set(p.data, i * frame));
  // A model that reads the analysis scale gets the planes as read at their own size.
  const feeds: Record<string, TensorData> = { x: { data: x, dims: [planes.length, channels, first.height, first.width] } };
  if (session.inputNames.includes('scale')) feeds.scale = { data: Float32Array.of(1), dims: [1] };
  const out = await session.run(feeds);
  if (!out.score || !out.map) throw new Error('model must output score and map');
  return { score: out.score.data, map: out.map.data, dims: out.map.dims };
}
