/**
 * Bit-exact outputs of the heaviest spatial expert graphs on five 960x540 frames made from a real
 * photograph (the committed `e2e/fixtures/source/leuvenA.jpg`, mirrored out to 960x540): the picture
 * as it is, a blurred copy posterized in steps of 6 (banding), one pushed bright, one pushed dark and
 * one made of flat 8×8 blocks.
 * `graph-bits.test.ts` requires every stored value to be equal to the bit, so a graph rewritten to run
 * faster must compute exactly what it computed before (graph-reference.ts allows 1e-4, for changes that
 * only reorder float sums).
 *
 *   npx tsx scripts/onnx/graph-bits.ts [--write]     # print (or store) the current outputs
 *
 * Store only from graphs whose outputs are the accepted ones, never to make a changed graph pass.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { convertRange } from '../../src/frames/frame-planes.ts';
import { createSession, type TensorData } from '../../src/inference/ort.ts';
import { readPlanes } from '../../src/testing/media.ts';

/** Folder of the expert sources. */
const EXPERTS = resolve(import.meta.dirname, '../../src/experts');
/** Where the stored outputs live. */
export const BITS_FILE = join(import.meta.dirname, 'graph-bits.json');
/** The experts checked to the bit. */
export const BIT_EXPERTS = ['banding', 'blocking', 'overexposure', 'sharpness', 'underexposure'];
const PHOTO = resolve(import.meta.dirname, '../../e2e/fixtures/source/leuvenA.jpg');
const WIDTH = 960;
const HEIGHT = 540;

/** Stored outputs: expert id → output name → dims and the float32 values' bytes in base64. */
export type StoredBits = Record<string, Record<string, { dims: number[]; base64: string }>>;

/** Box mean over (2r+1)² pixels, the window cut at the borders. */
function boxBlur(p: Float32Array, w: number, h: number, r: number): Float32Array {
  const tmp = new Float32Array(p.length);
  const out = new Float32Array(p.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let k = Math.max(0, x - r); k <= Math.min(w - 1, x + r); k++, n++) s += p[y * w + k]!;
      tmp[y * w + x] = s / n;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      let n = 0;
      for (let k = Math.max(0, y - r); k <= Math.min(h - 1, y + r); k++, n++) s += tmp[k * w + x]!;
      out[y * w + x] = s / n;
    }
  }
  return out;
}

/** The five full-range luma frames, each 960x540. */
export function bitFrames(): Float32Array[] {
  const photo = readPlanes(PHOTO, { frames: 1 })[0]!;
  const full = convertRange(photo.data, 'limited', 'full');
  const mirror = (i: number, n: number) => (i < n ? i : 2 * (n - 1) - i);
  const base = new Float32Array(WIDTH * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) for (let x = 0; x < WIDTH; x++) base[y * WIDTH + x] = full[mirror(y, photo.height) * photo.width + mirror(x, photo.width)]!;
  const posterized = boxBlur(base, WIDTH, HEIGHT, 4).map((v) => Math.floor(v / 6) * 6 + 3);
  // 8×8 blocks, each at its mean (rounded), as a starved codec leaves them.
  const blocks = base.map((_, i) => {
    const bx = Math.floor((i % WIDTH) / 8) * 8;
    const by = Math.floor(i / WIDTH / 8) * 8;
    let s = 0;
    let n = 0;
    for (let y = by; y < Math.min(HEIGHT, by + 8); y++) for (let x = bx; x < bx + 8; x++, n++) s += base[y * WIDTH + x]!;
    return Math.round(s / n);
  });
  return [base, posterized, base.map((v) => Math.min(255, v * 1.7)), base.map((v) => v * 0.3), blocks];
}

function metaOf(id: string): ExpertMeta {
  return JSON.parse(readFileSync(join(EXPERTS, id, 'meta.json'), 'utf8')) as ExpertMeta;
}

/** The feeds of expert `meta` on the frames (a `yuv` expert gets neutral chroma rows below the luma). */
export function bitFeeds(meta: ExpertMeta, frames: Float32Array[]): Record<string, TensorData> {
  const rows = meta.inputs.planes === 'yuv' ? HEIGHT + HEIGHT / 2 : HEIGHT;
  const size = rows * WIDTH;
  const x = new Float32Array(frames.length * size).fill(128);
  frames.forEach((f, i) => x.set(f, i * size));
  return { x: { data: x, dims: [frames.length, 1, rows, WIDTH] }, ...(meta.inputs.scale ? { scale: { data: Float32Array.of(1), dims: [1] } } : {}) };
}

/** The raw outputs of expert `id`'s graph, built from its model.ts now, on the frames. */
export async function bitOutputs(id: string, frames: Float32Array[]): Promise<Record<string, TensorData>> {
  const meta = metaOf(id);
  if (meta.inputs.planes === 'rgb') throw new Error(`${id}: RGB experts are not covered`);
  const mod = (await import(pathToFileURL(join(EXPERTS, id, 'model.ts')).href)) as { buildModel(): Uint8Array | Promise<Uint8Array> };
  const session = await createSession(`${id}-bits`, await mod.buildModel(), 'wasm');
  try {
    return await session.run(bitFeeds(meta, frames));
  } finally {
    await session.release();
  }
}

/** Float32 values from their stored base64 bytes. */
export function decodeBits(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

/** Index of the first value whose bits differ (NaN matches NaN, −0 does not match 0), or −1. */
export function firstBitDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}

async function main(): Promise<void> {
  const frames = bitFrames();
  const all: StoredBits = {};
  for (const id of BIT_EXPERTS) {
    const out = await bitOutputs(id, frames);
    all[id] = Object.fromEntries(Object.entries(out).map(([name, t]) => [name, { dims: t.dims, base64: Buffer.from(Float32Array.from(t.data).buffer).toString('base64') }]));
    console.log(id.padEnd(14), Array.from(out.score?.data ?? [], (v) => v.toFixed(4)).join(' '));
  }
  if (process.argv.includes('--write')) {
    writeFileSync(BITS_FILE, `${JSON.stringify(all, null, 1)}\n`);
    console.log(`wrote ${BITS_FILE}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
