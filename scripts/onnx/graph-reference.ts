/**
 * Reference outputs of every expert graph on fixed synthetic inputs, so that a change made to a graph
 * for speed alone (same math, cheaper ops) can be checked against what the graph gave before it:
 * `graph-reference.test.ts` builds each model from its model.ts, runs it on the same inputs and
 * compares its raw outputs with `graph-reference.json`.
 *
 *   npx tsx scripts/onnx/graph-reference.ts [--write]     # print (or store) the current outputs
 *
 * Store only from a graph whose outputs are the accepted ones (before a speed change, never after a
 * change of meaning: a change of meaning also changes meta.json, the experts' tests and the benchmark).
 * The inputs cover what the experts look for: clipped highlights through bright shoulders, crushed
 * shadows, 8×8 blocks, a smooth gradient, a textured field with noise, and for the temporal experts a
 * pan, a held picture, brightness that alternates, a black frame and a doubled interval.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { createSession, type TensorData } from '../../src/inference/ort.ts';
import { seededRandom } from '../../src/util/seeded-random.ts';

/** Folder of the expert sources. */
const EXPERTS = resolve(import.meta.dirname, '../../src/experts');
/** Where the reference outputs live. */
export const REFERENCE_FILE = join(import.meta.dirname, 'graph-reference.json');

/** Spatial reference frames: 192 rows (NIQE's smallest side) by 288 columns, four of them. */
const SPATIAL = { frames: 4, height: 192, width: 288 };
/** Temporal reference frames: 14 small frames at 30 fps, one interval doubled. */
const TEMPORAL = { frames: 14, height: 72, width: 128 };

/** Stored outputs: expert id → output name → values (dims kept to catch a shape change). */
export type ReferenceOutputs = Record<string, Record<string, { dims: number[]; data: (number | null)[] }>>;

/** Every expert with a model, sorted by id. */
export function expertMetas(): ExpertMeta[] {
  return readdirSync(EXPERTS)
    .filter((id) => existsSync(join(EXPERTS, id, 'meta.json')) && existsSync(join(EXPERTS, id, 'model.ts')))
    .sort()
    .map((id) => JSON.parse(readFileSync(join(EXPERTS, id, 'meta.json'), 'utf8')) as ExpertMeta);
}

function clamp255(v: number): number {
  return Math.max(0, Math.min(255, v));
}

/** One spatial luma frame of kind `k` (0..3). */
function spatialFrame(k: number, h: number, w: number, seed: number): Float32Array {
  const r = seededRandom(seed);
  const out = new Float32Array(h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const n = 6 * (r() - 0.5);
      let v: number;
      if (k === 0) v = 90 + 1.4 * x + 0.3 * y + n; // a bright ramp that clips flat over its right third
      else if (k === 1) v = (x < w / 3 ? 2 : 20 + 40 * Math.sin(x / 9) ** 2) + (x > 250 && y < 20 ? 200 : 0) + n / 3; // crushed shadows, one light
      else if (k === 2) v = 40 + 170 * ((Math.floor(x / 8) * 7 + Math.floor(y / 8) * 13) % 11) / 10 + n; // 8×8 blocks
      else v = 128 + 30 * Math.sin(x / 5 + y / 11) + 20 * Math.sin(y / 3) + 4 * n; // texture with noise
      out[y * w + x] = Math.round(clamp255(v));
    }
  }
  return out;
}

/** One temporal frame `i` of the reference sequence. */
function temporalFrame(i: number, h: number, w: number): Float32Array {
  // Frames 0-4 pan by 2 px, 5-9 hold frame 4's picture (with light noise), 10-12 alternate ±12 in
  // brightness, 13 is black.
  const shift = Math.min(i, 4) * 2;
  const r = seededRandom(100 + i);
  const out = new Float32Array(h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const base = 128 + 40 * Math.sin((x + shift) / 7 + y / 13) + 25 * Math.sin(y / 4 - (x + shift) / 17);
      const flick = i >= 10 && i <= 12 ? (i % 2 === 0 ? 12 : -12) : 0;
      const v = i === 13 ? 16 + 2 * r() : base + flick + (i >= 5 && i <= 9 ? r() - 0.5 : 0);
      out[y * w + x] = clamp255(v);
    }
  }
  return out;
}

/** The feeds of an expert's reference run. */
export function referenceFeeds(meta: ExpertMeta): Record<string, TensorData> {
  if (meta.inputs.stream === 'temporal') {
    const { frames, height, width } = TEMPORAL;
    const x = new Float32Array(frames * height * width);
    for (let i = 0; i < frames; i++) x.set(temporalFrame(i, height, width), i * height * width);
    // One doubled interval (a dropped frame) between frames 2 and 3.
    const t = Float32Array.from({ length: frames }, (_, i) => (i + (i >= 3 ? 1 : 0)) / 30);
    return { x: { data: x, dims: [frames, 1, height, width] }, ...(meta.inputs.timestamps ? { t: { data: t, dims: [frames] } } : {}) };
  }
  const { frames, height, width } = SPATIAL;
  const channels = meta.inputs.planes === 'rgb' ? 3 : 1;
  // `yuv` experts read luma with half-size chroma rows below it.
  const rows = meta.inputs.planes === 'yuv' ? height + height / 2 : height;
  const size = channels * rows * width;
  const x = new Float32Array(frames * size);
  for (let f = 0; f < frames; f++) {
    const luma = spatialFrame(f, height, width, 7 + f);
    for (let c = 0; c < channels; c++) {
      // Colour channels: the luma pushed apart per channel, so chroma differs from frame to frame.
      const plane = c === 0 ? luma : luma.map((v, i) => clamp255(v + (c === 1 ? 25 : -25) * Math.sin(i / 97 + f)));
      x.set(plane, f * size + c * rows * width);
    }
    if (rows > height) {
      const chroma = new Float32Array((rows - height) * width).map((_, i) => 128 + 20 * Math.sin(i / 31 + f));
      x.set(chroma, f * size + height * width);
    }
  }
  // Experts that read the analysis scale get the frames as read at their own size.
  return { x: { data: x, dims: [frames, channels, rows, width] }, ...(meta.inputs.scale ? { scale: { data: Float32Array.of(1), dims: [1] } } : {}) };
}

/** Builds an expert's model from its model.ts. */
export async function buildExpert(id: string): Promise<Uint8Array> {
  const mod = (await import(pathToFileURL(join(EXPERTS, id, 'model.ts')).href)) as { buildModel(): Uint8Array | Promise<Uint8Array> };
  return mod.buildModel();
}

/** The raw outputs of one expert's current graph on its reference feeds. */
export async function currentOutputs(meta: ExpertMeta): Promise<Record<string, TensorData>> {
  const session = await createSession(meta.id, await buildExpert(meta.id), 'wasm');
  try {
    return await session.run(referenceFeeds(meta));
  } finally {
    await session.release();
  }
}

async function main(): Promise<void> {
  const all: ReferenceOutputs = {};
  for (const meta of expertMetas()) {
    const out = await currentOutputs(meta);
    all[meta.id] = Object.fromEntries(Object.entries(out).map(([name, t]) => [name, { dims: t.dims, data: Array.from(t.data, (v) => Number(v.toPrecision(9))) }]));
    const score = all[meta.id]!.score?.data ?? [];
    console.log(meta.id.padEnd(14), score.map((v) => (v ?? Number.NaN).toFixed(4)).join(' '));
  }
  if (process.argv.includes('--write')) {
    writeFileSync(REFERENCE_FILE, `${JSON.stringify(all)}\n`);
    console.log(`wrote ${REFERENCE_FILE}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
