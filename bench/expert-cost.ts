/**
 * Cost per frame of each expert on the wasm path at 540p: in Node through onnxruntime-web (the
 * library the app uses), on a batch of real 960x540 frames (model run plus post-processing), and in
 * the browser (model run only, generated texture) with WebGPU on tiny inputs when an adapter exists.
 *
 *   npx tsx bench/expert-cost.ts [--batch 8] [--reps 5] [--no-browser] [--write] [--out bench/out/expert-cost.json]
 *
 * `--write` stores each expert's Node wasm ms/frame, rounded to 0.1 ms, as `costPerFrameMs` in its
 * src/experts/<id>/meta.json (the field the router reads).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createSession } from '../src/inference/ort.ts';
import { readPlanes } from '../src/testing/media.ts';
import { ROOT } from './lib/app.ts';
import { browserCosts, type BrowserCost } from './lib/browser-cost.ts';
import { buildModelBytes, EXPERTS_DIR, listExperts, loadPost } from './lib/expert-models.ts';
import { argFlag, argValue, median } from './lib/stats.ts';

/** One expert's measured cost. */
export interface ExpertCost {
  id: string;
  kind: 'spatial' | 'temporal';
  /** Node, wasm, 960x540: model run per frame (ms). */
  modelMs: number;
  /** Node: post-processing per frame (ms), 0 when the expert has none. */
  postMs: number;
  /** modelMs + postMs, the value written to meta.json. */
  wasmMs: number;
  browser?: BrowserCost;
}

async function main(): Promise<void> {
  const batch = Number(argValue('batch', '8'));
  const reps = Number(argValue('reps', '5'));
  const outFile = argValue('out', join(ROOT, 'bench/out/expert-cost.json'))!;
  const source = join(ROOT, 'bench/clips/synth-720.mp4');
  const clip = existsSync(source) ? source : join(ROOT, 'e2e/fixtures/bench720.mp4');
  const experts = listExperts();
  const luma = readPlanes(clip, { filter: 'scale=960:540', frames: batch, planes: 'luma' });
  const costs: ExpertCost[] = [];
  for (const meta of experts) {
    const channels = meta.inputs.planes === 'rgb' ? 3 : 1;
    const planes = channels === 1 ? luma : readPlanes(clip, { filter: 'scale=960:540', frames: batch, planes: 'rgb' });
    // A `yuv` expert reads luma with half-size chroma rows below it (neutral chroma costs the same).
    const rows = meta.inputs.planes === 'yuv' ? 540 + 270 : 540;
    const size = channels * rows * 960;
    const x = new Float32Array(size * planes.length).fill(128);
    planes.forEach((p, i) => x.set(p.data, i * size));
    const feeds = {
      x: { data: x, dims: [planes.length, channels, rows, 960] },
      ...(meta.inputs.timestamps ? { t: { data: Float32Array.from(planes, (_, i) => i / 30), dims: [planes.length] } } : {}),
    };
    const session = await createSession(meta.id, await buildModelBytes(meta.id), 'wasm');
    const post = meta.post ? await loadPost(meta.id) : undefined;
    await session.run(feeds);
    const model: number[] = [];
    const postT: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t0 = performance.now();
      const outputs = await session.run(feeds);
      const t1 = performance.now();
      if (post) post(outputs, meta);
      model.push(t1 - t0);
      postT.push(performance.now() - t1);
    }
    await session.release();
    const modelMs = median(model) / planes.length;
    const postMs = median(postT) / planes.length;
    costs.push({ id: meta.id, kind: meta.kind, modelMs, postMs, wasmMs: modelMs + postMs });
    console.log(`expert-cost (node): ${meta.id} ${(modelMs + postMs).toFixed(2)} ms/frame (model ${modelMs.toFixed(2)}, post ${postMs.toFixed(2)})`);
  }
  let adapter = '';
  if (!argFlag('no-browser')) {
    const b = await browserCosts(experts, { batch, reps: Math.max(2, Math.ceil(reps / 2)), webgpuCapMs: Number(argValue('webgpu-cap-ms', '20000')) });
    adapter = b.adapter;
    for (const c of costs) c.browser = b.costs.find((x) => x.id === c.id);
  }
  if (argFlag('write')) {
    for (const c of costs) {
      const file = join(EXPERTS_DIR, c.id, 'meta.json');
      const text = readFileSync(file, 'utf8');
      const value = Math.round(c.wasmMs * 10) / 10;
      const next = text.replace(/("costPerFrameMs"\s*:\s*)[-\d.eE+]+/, `$1${value}`);
      if (next !== text) writeFileSync(file, next);
    }
    console.log(`expert-cost: wrote costPerFrameMs into ${costs.length} meta.json files`);
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ batch, reps, size: '960x540', clip: clip.replace(`${ROOT}/`, ''), adapter, costs }, null, 2) + '\n');
  console.log(`expert-cost: wrote ${outFile}`);
}

await main();
