/**
 * Cost per frame of each expert on the wasm path at 540p: in Node through onnxruntime-web (the
 * library the app uses), on a batch of real 960x540 frames (model run plus post-processing), and in
 * the browser (model run only, generated texture) with WebGPU on tiny inputs when an adapter exists.
 *
 *   npx tsx bench/expert-cost.ts [--batch 8] [--reps 5] [--no-browser] [--write] [--out bench/out/expert-cost.json]
 *                                [--only id,id] [--against <checkout>]
 *
 * `--against <checkout>`: also builds each expert's graph from another version's source (a folder
 * holding its `src/experts`, e.g. `git archive <commit> | tar -x -C <dir>` with `node_modules`
 * linked in) and runs the two in alternation on the same frames, printing the former's model time
 * and the median per-repetition ratio (current / former) and checking that their outputs are equal
 * to the bit. `--only` limits the run to some experts.
 *
 * `--write` stores each expert's Node wasm ms/frame, rounded to 0.1 ms, as `costPerFrameMs` in its
 * src/experts/<id>/meta.json (the field the router reads).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  /** With `--against`: the other version's model run per frame (ms), the median ratio current / it, and whether every output was equal to the bit. */
  against?: { modelMs: number; ratio: number; equal: boolean };
}

/** The graph of expert `id` built from another checkout's source. */
async function formerModelBytes(checkout: string, id: string): Promise<Uint8Array> {
  const mod = (await import(pathToFileURL(join(checkout, 'src/experts', id, 'model.ts')).href)) as { buildModel(): Uint8Array | Promise<Uint8Array> };
  return mod.buildModel();
}

/** True when every output tensor of `a` holds the same bits as `b`'s. */
function sameOutputs(a: Record<string, { data: ArrayLike<number | bigint> }>, b: Record<string, { data: ArrayLike<number | bigint> }>): boolean {
  return Object.keys(a).every((k) => {
    const x = a[k]!.data;
    const y = b[k]?.data;
    if (!y || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) return false;
    return true;
  });
}

async function main(): Promise<void> {
  const batch = Number(argValue('batch', '8'));
  const reps = Number(argValue('reps', '5'));
  const outFile = argValue('out', join(ROOT, 'bench/out/expert-cost.json'))!;
  const source = join(ROOT, 'bench/clips/synth-720.mp4');
  const clip = existsSync(source) ? source : join(ROOT, 'e2e/fixtures/bench720.mp4');
  const only = argValue('only', '')!.split(',').filter(Boolean);
  const experts = listExperts().filter((m) => !only.length || only.includes(m.id));
  const against = argValue('against', '');
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
      ...(meta.inputs.scale ? { scale: { data: Float32Array.of(1), dims: [1] } } : {}),
    };
    const session = await createSession(meta.id, await buildModelBytes(meta.id), 'wasm');
    const post = meta.post ? await loadPost(meta.id) : undefined;
    const first = await session.run(feeds);
    const former = against ? await createSession(`${meta.id}-former`, await formerModelBytes(against, meta.id), 'wasm') : undefined;
    const equal = former ? sameOutputs(first, await former.run(feeds)) : true;
    const formerT: number[] = [];
    const model: number[] = [];
    const postT: number[] = [];
    const runFormer = async (): Promise<void> => {
      const f0 = performance.now();
      await former!.run(feeds);
      formerT.push(performance.now() - f0);
    };
    for (let r = 0; r < reps; r++) {
      // The two versions take turns at going first, so each pair meets the same load.
      if (former && r % 2 === 0) await runFormer();
      const t0 = performance.now();
      const outputs = await session.run(feeds);
      const t1 = performance.now();
      if (post) post(outputs, meta);
      model.push(t1 - t0);
      postT.push(performance.now() - t1);
      if (former && r % 2 === 1) await runFormer();
    }
    await session.release();
    await former?.release();
    const modelMs = median(model) / planes.length;
    const postMs = median(postT) / planes.length;
    const cost: ExpertCost = { id: meta.id, kind: meta.kind, modelMs, postMs, wasmMs: modelMs + postMs };
    if (former) cost.against = { modelMs: median(formerT) / planes.length, ratio: median(model.map((m, i) => m / formerT[i]!)), equal };
    costs.push(cost);
    const vs = cost.against ? `; former model ${cost.against.modelMs.toFixed(2)}, ratio ${cost.against.ratio.toFixed(3)}, outputs ${equal ? 'equal to the bit' : 'DIFFER'}` : '';
    console.log(`expert-cost (node): ${meta.id} ${(modelMs + postMs).toFixed(2)} ms/frame (model ${modelMs.toFixed(2)}, post ${postMs.toFixed(2)}${vs})`);
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
