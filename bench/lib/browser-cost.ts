/**
 * Expert cost in the browser: loads onnxruntime-web (the same package the app bundles) into a page
 * served from the repository, and times each expert model's session.run on a generated texture —
 * on wasm at 960x540, and on WebGPU (when the page gets an adapter) on tiny inputs under a time cap.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { startServer } from '../../bin/lib/server.mjs';
import { launchBrowser } from '../../bin/lib/browser.mjs';
import { ROOT } from './app.ts';
import { buildModelBytes } from './expert-models.ts';

/** Browser timing of one expert. */
export interface BrowserCost {
  id: string;
  /** ms per frame on wasm at 960x540 (model only, no post-processing). */
  wasmMs?: number;
  /** ms per frame on WebGPU at the tiny size, second run (first includes shader compilation). */
  webgpuMs?: number;
  webgpuSize?: string;
  webgpuNote?: string;
}

/** Times every expert in the browser; `webgpuCapMs` bounds each WebGPU measurement. */
export async function browserCosts(experts: ExpertMeta[], opts: { batch: number; reps: number; webgpuCapMs: number }): Promise<{ adapter: string; costs: BrowserCost[] }> {
  const dir = join(ROOT, 'bench/out/models');
  mkdirSync(dir, { recursive: true });
  for (const e of experts) writeFileSync(join(dir, `${e.id}.onnx`), await buildModelBytes(e.id));
  const server = await startServer({ root: ROOT });
  const browser = await launchBrowser({ headless: true });
  try {
    const page = await browser.newPage();
    // Any page on the server's origin will do (a 404 one included): only the origin matters for imports.
    await page.goto(`${server.origin}/__bench`);
    // tsx names inner functions with an `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const adapter = await page.evaluate(async () => {
      const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: Record<string, string> } | null> } }).gpu;
      const a = gpu ? await gpu.requestAdapter() : null;
      return a ? [a.info?.vendor, a.info?.architecture, a.info?.description].filter(Boolean).join(' ') || 'unknown adapter' : '';
    });
    const costs: BrowserCost[] = [];
    let gpuBudget = adapter ? opts.webgpuCapMs * 3 : 0;
    for (const e of experts) {
      const side = Math.max(e.inputs.minSide ?? 32, 64);
      const tiny = { w: Math.max(side, 128), h: side };
      const res = await page.evaluate(runInPage, {
        id: e.id,
        timestamps: !!e.inputs.timestamps,
        scale: !!e.inputs.scale,
        channels: e.inputs.planes === 'rgb' ? 3 : 1,
        batch: opts.batch,
        reps: opts.reps,
        tiny,
        gpuCapMs: gpuBudget > 0 ? opts.webgpuCapMs : 0,
      });
      if (res.gpuSpentMs) gpuBudget -= res.gpuSpentMs;
      costs.push({ id: e.id, wasmMs: res.wasmMs, webgpuMs: res.webgpuMs, webgpuSize: adapter ? `${tiny.w}x${tiny.h}x2` : undefined, webgpuNote: res.note });
      console.log(`expert-cost (browser): ${e.id} wasm ${res.wasmMs?.toFixed(2)} ms/frame` + (res.webgpuMs !== undefined ? `, webgpu ${res.webgpuMs.toFixed(1)} ms/frame` : res.note ? `, webgpu: ${res.note}` : ''));
    }
    return { adapter, costs };
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
}

interface PageArgs {
  id: string;
  timestamps: boolean;
  /** The model reads `scale` (fed 1: frames read at their own size). */
  scale: boolean;
  channels: number;
  batch: number;
  reps: number;
  tiny: { w: number; h: number };
  gpuCapMs: number;
}

/** Runs inside the page (serialized by playwright: self-contained). */
async function runInPage(a: PageArgs): Promise<{ wasmMs?: number; webgpuMs?: number; gpuSpentMs?: number; note?: string }> {
  type Ort = typeof import('onnxruntime-web');
  const ort = (await import(/* @vite-ignore */ '/node_modules/onnxruntime-web/dist/ort.all.bundle.min.mjs' as string)) as Ort;
  ort.env.wasm.numThreads = 1;
  ort.env.logLevel = 'error';
  const bytes = new Uint8Array(await (await fetch(`/bench/out/models/${a.id}.onnx`)).arrayBuffer());
  const feeds = (n: number, w: number, h: number) => {
    const x = new Float32Array(n * a.channels * w * h);
    let s = 12345;
    for (let i = 0; i < x.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      const p = i % (w * h);
      x[i] = Math.min(255, Math.max(0, 128 + 60 * Math.sin((p % w) / 7 + Math.floor(p / w) / 11 + i / (w * h)) + ((s >>> 16) % 40) - 20));
    }
    const f: Record<string, InstanceType<Ort['Tensor']>> = { x: new ort.Tensor('float32', x, [n, a.channels, h, w]) };
    if (a.timestamps) f.t = new ort.Tensor('float32', Float32Array.from({ length: n }, (_, i) => i / 30), [n]);
    if (a.scale) f.scale = new ort.Tensor('float32', Float32Array.of(1), [1]);
    return f;
  };
  const out: { wasmMs?: number; webgpuMs?: number; gpuSpentMs?: number; note?: string } = {};
  const wasm = await ort.InferenceSession.create(bytes, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
  const big = feeds(a.batch, 960, 540);
  await wasm.run(big);
  const times: number[] = [];
  for (let r = 0; r < a.reps; r++) {
    const t0 = performance.now();
    await wasm.run(big);
    times.push(performance.now() - t0);
  }
  times.sort((p, q) => p - q);
  out.wasmMs = times[times.length >> 1]! / a.batch;
  await wasm.release();
  if (a.gpuCapMs <= 0) return { ...out, note: 'no adapter or time budget left' };
  const t0 = performance.now();
  const cap = <T,>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('time cap')), a.gpuCapMs - (performance.now() - t0)))]);
  try {
    const gpu = await cap(ort.InferenceSession.create(bytes, { executionProviders: ['webgpu'], graphOptimizationLevel: 'all' }));
    const small = feeds(2, a.tiny.w, a.tiny.h);
    await cap(gpu.run(small));
    const t1 = performance.now();
    await cap(gpu.run(small));
    out.webgpuMs = (performance.now() - t1) / 2;
    void gpu.release();
  } catch (err) {
    out.note = err instanceof Error ? err.message.slice(0, 120) : String(err).slice(0, 120);
  }
  out.gpuSpentMs = performance.now() - t0;
  return out;
}
