/**
 * The one module that owns onnxruntime-web: execution-provider detection, session creation and runs.
 * Everything else talks to models through this file, so swapping or configuring the runtime is local.
 */
import type * as OrtModule from 'onnxruntime-web';
import { ModelLoadError } from '../errors.ts';

type Ort = typeof OrtModule;

/** Execution providers the project knows. */
export type ExecutionProvider = 'webgpu' | 'wasm';

/** The result of probing the device for an execution provider. */
export interface BackendInfo {
  ep: ExecutionProvider;
  /** Adapter description when WebGPU is available, empty otherwise. */
  adapter: string;
}

/** A float32 tensor as plain data, safe to pass between threads. */
export interface TensorData {
  data: Float32Array;
  dims: number[];
}

const runtimes = new Map<string, Promise<Ort>>();

/**
 * The onnxruntime-web build for an execution provider, loaded on first use: the WebGPU build only
 * when WebGPU will be used, the plain wasm build otherwise (it runs the same graphs several times
 * faster than the WebGPU build's wasm fallback). Node always gets the package's Node build.
 */
function runtimeFor(ep: ExecutionProvider): Promise<Ort> {
  const isNode = typeof process !== 'undefined' && !!process.versions?.node && typeof window === 'undefined' && typeof WorkerGlobalScope === 'undefined';
  const key = isNode ? 'node' : ep;
  let r = runtimes.get(key);
  if (!r) {
    const load: Promise<Ort> = isNode ? import('onnxruntime-web') : ep === 'webgpu' ? import('onnxruntime-web/webgpu') : import('onnxruntime-web/wasm');
    r = load.then((ort) => {
      configure(ort);
      return ort;
    });
    runtimes.set(key, r);
  }
  return r;
}

/** Threads only when cross-origin isolated (SharedArrayBuffer), quiet logs. */
function configure(ort: Ort): void {
  const isolated = typeof globalThis.crossOriginIsolated === 'boolean' && globalThis.crossOriginIsolated;
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 1;
  ort.env.wasm.numThreads = isolated ? Math.min(4, cores) : 1;
  ort.env.logLevel = 'error';
}

/**
 * Detects the execution provider: WebGPU when a hardware adapter exists, wasm otherwise. A software
 * (fallback) adapter such as SwiftShader is recorded but not used on `auto`: it runs the same graphs
 * orders of magnitude slower than wasm. `prefer` forces one provider.
 */
export async function detectBackend(prefer: 'auto' | ExecutionProvider = 'auto'): Promise<BackendInfo> {
  if (prefer === 'wasm') return { ep: 'wasm', adapter: '' };
  const adapter = await probeAdapter();
  if (!adapter) return { ep: 'wasm', adapter: '' };
  if (prefer === 'webgpu' || !adapter.software) return { ep: 'webgpu', adapter: adapter.name };
  return { ep: 'wasm', adapter: `${adapter.name} (software adapter, not used)` };
}

interface AdapterInfoLike {
  vendor?: string;
  architecture?: string;
  description?: string;
  isFallbackAdapter?: boolean;
}

async function probeAdapter(): Promise<{ name: string; software: boolean } | undefined> {
  const gpu = (globalThis.navigator as (Navigator & { gpu?: { requestAdapter(): Promise<unknown> } }) | undefined)?.gpu;
  if (!gpu) return undefined;
  try {
    const adapter = (await gpu.requestAdapter()) as { info?: AdapterInfoLike; isFallbackAdapter?: boolean } | null;
    if (!adapter) return undefined;
    const info = adapter.info ?? {};
    const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
    const software = !!(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || /swiftshader|llvmpipe|software/i.test(name);
    return { name, software };
  } catch {
    return undefined;
  }
}

/** A created session with the names of its inputs and outputs. */
export interface ModelSession {
  readonly inputNames: readonly string[];
  readonly outputNames: readonly string[];
  run(feeds: Record<string, TensorData>): Promise<Record<string, TensorData>>;
  release(): Promise<void>;
}

/** Creates a session from model bytes on the given execution provider. */
export async function createSession(id: string, bytes: Uint8Array, ep: ExecutionProvider): Promise<ModelSession> {
  const ort = await runtimeFor(ep);
  let session: OrtModule.InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, {
      executionProviders: ep === 'webgpu' ? ['webgpu', 'wasm'] : ['wasm'],
      graphOptimizationLevel: 'all',
    });
  } catch (err) {
    throw new ModelLoadError(`The model for expert "${id}" could not be loaded: ${errorText(err)}`);
  }
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    async run(feeds) {
      const tensors: Record<string, OrtModule.Tensor> = {};
      for (const [name, t] of Object.entries(feeds)) tensors[name] = new ort.Tensor('float32', t.data, t.dims);
      const out = await session.run(tensors);
      const result: Record<string, TensorData> = {};
      for (const [name, t] of Object.entries(out)) {
        result[name] = { data: t.data as Float32Array, dims: t.dims.slice() };
        t.dispose();
      }
      return result;
    },
    release: () => session.release(),
  };
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
