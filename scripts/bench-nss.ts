/**
 * Measures the NSS experts (BRISQUE, NIQE) per 960x540 frame on the wasm path in Node:
 * `npx tsx scripts/bench-nss.ts [image] [runs]`. The frame is a real photograph scaled to 960x540
 * (a textured frame costs what a real one does; the ArgMin tables do not depend on content).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildModel as buildBrisque } from '../src/experts/brisque/model.ts';
import { buildModel as buildNiqe } from '../src/experts/niqe/model.ts';
import { postprocess as niqePost } from '../src/experts/niqe/post.ts';
import niqeMeta from '../src/experts/niqe/meta.json' with { type: 'json' };
import { createSession } from '../src/runtime/ort.ts';
import type { ExpertMeta } from '../src/experts/types.ts';

const W = 960;
const H = 540;
const root = resolve(import.meta.dirname, '..');
const image = process.argv[2] ?? resolve(root, 'src/experts/brisque/fixtures/rubberwhale1.png');
const runs = Number(process.argv[3] ?? 10);

function frame(): Float32Array {
  if (!existsSync(image)) return Float32Array.from({ length: W * H }, (_, i) => 16 + ((i * 2654435761) % 220));
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', image, '-vf', `scale=${W}:${H},format=gray`, '-f', 'rawvideo', '-']);
  return Float32Array.from(raw);
}

async function time(label: string, bytes: Uint8Array, post?: (o: Awaited<ReturnType<Awaited<ReturnType<typeof createSession>>['run']>>) => void): Promise<void> {
  const session = await createSession(label, bytes, 'wasm');
  const x = { data: frame(), dims: [1, 1, H, W] };
  await session.run({ x }); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const out = await session.run({ x });
    post?.(out);
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[Math.floor(ms.length / 2)]!.toFixed(1)} ms/frame, min ${ms[0]!.toFixed(1)} ms (${W}x${H}, wasm, ${runs} runs)`);
  await session.release();
}

await time('brisque', buildBrisque());
await time('niqe', buildNiqe(), (o) => niqePost(o, niqeMeta as unknown as ExpertMeta));
