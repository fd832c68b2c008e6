/**
 * Test harness: builds an expert's model from source and runs it in Node through the same
 * onnxruntime-web path the app uses, on synthetic or decoded planes.
 */
import { getExpert } from '../experts/registry.ts';
import type { ExpertFrameOutput, ExpertMeta } from '../experts/types.ts';
import { runExpert } from '../inference/expert-runner.ts';
import { createSession, type ModelSession } from '../inference/ort.ts';
import { seededRandom } from '../util/seeded-random.ts';

const sessions = new Map<string, Promise<ModelSession>>();

/** The metadata of an expert, or a thrown error naming it. */
export function metaOf(id: string): ExpertMeta {
  const meta = getExpert(id);
  if (!meta) throw new Error(`no expert "${id}"`);
  return meta;
}

/** A session for the expert, built from its model.ts once per test file. */
export function sessionOf(id: string): Promise<ModelSession> {
  let s = sessions.get(id);
  if (!s) {
    s = (async () => {
      const mod = (await import(`../experts/${id}/model.ts`)) as { buildModel(): Uint8Array | Promise<Uint8Array> };
      return createSession(id, await mod.buildModel(), 'wasm');
    })();
    sessions.set(id, s);
  }
  return s;
}

/** A single-channel plane of pixel values 0..255. */
export interface Plane {
  width: number;
  height: number;
  data: Float32Array;
}

/** Runs an expert on planes of equal size (stacked into one batch); `scale`: source pixels per analysis pixel (1 when absent). */
export async function runOn(id: string, planes: Plane[], timestamps?: number[], channels = 1, scale?: number): Promise<ExpertFrameOutput> {
  const meta = metaOf(id);
  const first = planes[0];
  if (!first) throw new Error('no planes');
  const frame = first.width * first.height * channels;
  const x = new Float32Array(frame * planes.length);
  planes.forEach((p, i) => x.set(p.data, i * frame));
  const batch = {
    x: { data: x, dims: [planes.length, channels, first.height, first.width] },
    t: timestamps ? { data: Float32Array.from(timestamps), dims: [timestamps.length] } : undefined,
    scale,
  };
  return runExpert(await sessionOf(id), meta, batch);
}

/** A luma plane as a `yuv` plane (what `planes: 'yuv'` experts read): half-size chroma rows of 128 below it. */
export function asYuv(p: Plane): Plane {
  const data = new Float32Array(p.width * (p.height + Math.floor(p.height / 2))).fill(128);
  data.set(p.data);
  return { width: p.width, height: data.length / p.width, data };
}

/** Makes a plane from a function of (x, y). */
export function planeFrom(width: number, height: number, f: (x: number, y: number) => number): Plane {
  const data = new Float32Array(width * height);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * width + x] = f(x, y);
  return { width, height, data };
}

/** A deterministic pseudo-random generator for reproducible textures and noise. */
export const rng = seededRandom;
