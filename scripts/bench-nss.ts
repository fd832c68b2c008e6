/**
 * Measures the NSS experts (BRISQUE, NIQE) per 960x540 frame on the wasm path in Node, for batches
 * of 1 and 4 frames: `npx tsx scripts/bench-nss.ts [runs] [--baseline dir]`. Each figure is the
 * median ms/frame of `runs` (default 7) timed runs after one warm-up. With `--baseline dir`, the
 * models `dir/brisque.onnx` and `dir/niqe.onnx` are timed too, interleaved with the current ones,
 * so that a comparison on a busy machine sees the same load. The frame is a real photograph scaled
 * to 960x540 (a textured frame costs what a real one does).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildModel as buildBrisque } from '../src/experts/brisque/model.ts';
import { buildModel as buildNiqe } from '../src/experts/niqe/model.ts';
import { postprocess as niqePost } from '../src/experts/niqe/post.ts';
import niqeMeta from '../src/experts/niqe/meta.json' with { type: 'json' };
import { createSession, type ModelSession, type TensorData } from '../src/inference/ort.ts';
import type { ExpertMeta } from '../src/experts/types.ts';

const W = 960;
const H = 540;
const BATCHES = [1, 4];
const root = resolve(import.meta.dirname, '..');
const image = resolve(root, 'src/experts/brisque/fixtures/rubberwhale1.png');
const args = process.argv.slice(2);
const baselineAt = args.indexOf('--baseline');
const baseline = baselineAt >= 0 ? args[baselineAt + 1] : undefined;
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && i !== baselineAt + 1) ?? 7);

type Post = (o: Record<string, TensorData>) => void;

/** One 960x540 gray frame, repeated `n` times as a batch. */
function batch(n: number): TensorData {
  const one = existsSync(image)
    ? Float32Array.from(execFileSync('ffmpeg', ['-v', 'error', '-i', image, '-vf', `scale=${W}:${H},format=gray`, '-f', 'rawvideo', '-']))
    : Float32Array.from({ length: W * H }, (_, i) => 16 + ((i * 2654435761) % 220));
  const data = new Float32Array(n * W * H);
  for (let f = 0; f < n; f++) data.set(one, f * W * H);
  return { data, dims: [n, 1, H, W] };
}

/** Wall time of one run plus its post-processing, in ms per frame. */
async function once(session: ModelSession, x: TensorData, post?: Post): Promise<number> {
  const t0 = performance.now();
  const out = await session.run({ x });
  post?.(out);
  return (performance.now() - t0) / x.dims[0]!;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;

/** Times the given variants of one model, interleaved run by run, and prints one line each. */
async function compare(label: string, variants: [string, Uint8Array][], post?: Post): Promise<void> {
  const sessions = await Promise.all(variants.map(([name, bytes]) => createSession(`${label}-${name}`, bytes, 'wasm')));
  for (const n of BATCHES) {
    const x = batch(n);
    for (const s of sessions) await once(s, x, post); // warm-up
    const ms = sessions.map(() => [] as number[]);
    for (let r = 0; r < runs; r++) for (const [i, s] of sessions.entries()) ms[i]!.push(await once(s, x, post));
    for (const [i, [name]] of variants.entries()) {
      console.log(`${label} ${name} batch ${n}: median ${median(ms[i]!).toFixed(1)} ms/frame, min ${Math.min(...ms[i]!).toFixed(1)} (${W}x${H}, wasm, ${runs} runs)`);
    }
  }
  await Promise.all(sessions.map((s) => s.release()));
}

const niqe: Post = (o) => void niqePost(o, niqeMeta as unknown as ExpertMeta);
const withBaseline = (id: string, bytes: Uint8Array): [string, Uint8Array][] =>
  baseline ? [['baseline', new Uint8Array(readFileSync(resolve(baseline, `${id}.onnx`)))], ['current', bytes]] : [['current', bytes]];

await compare('brisque', withBaseline('brisque', buildBrisque()));
await compare('niqe', withBaseline('niqe', buildNiqe()), niqe);
