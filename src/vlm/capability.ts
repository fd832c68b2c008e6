/**
 * Can this device run the model? Checked before any download: a WebGPU adapter that is a real GPU (a
 * software rasterizer such as SwiftShader runs a billion-parameter model at minutes per answer), the
 * GPU features the model library needs (`shader-f16` for f16 variants), and an estimate of memory
 * against what the device reports. Each failure comes with a sentence saying what to do instead.
 */
import { formatBytes, type VlmModelRecord } from './model-record.ts';

/** What the check reads of a WebGPU adapter (the real `GPUAdapter` has all of it). */
export interface GpuAdapterLike {
  features: { has(name: string): boolean };
  limits: { maxBufferSize: number; maxStorageBufferBindingSize: number };
  info?: { vendor?: string; architecture?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

/** What the check reads of the environment (defaults: `navigator.gpu`, `navigator.deviceMemory`). */
export interface GpuEnvironment {
  gpu?: { requestAdapter(options?: { powerPreference?: 'high-performance' | 'low-power' }): Promise<GpuAdapterLike | null> };
  /** Device memory in GB as the browser reports it (Chrome rounds and caps it at 8). */
  deviceMemoryGB?: number;
}

/** The outcome of the capability check. */
export type VlmCapability =
  | { ok: true; adapter: string; notes: string[] }
  | { ok: false; code: 'NO_WEBGPU' | 'NO_ADAPTER' | 'SOFTWARE_ADAPTER' | 'MISSING_FEATURE' | 'MEMORY'; reason: string; adapter?: string };

/** The environment of this page or worker. */
export function currentGpuEnvironment(): GpuEnvironment {
  const nav = globalThis.navigator as (Navigator & { gpu?: GpuEnvironment['gpu']; deviceMemory?: number }) | undefined;
  return { gpu: nav?.gpu, deviceMemoryGB: nav?.deviceMemory };
}

/** A readable adapter name, and whether it is a software renderer. */
export function describeAdapter(adapter: GpuAdapterLike): { name: string; software: boolean } {
  const info = adapter.info ?? {};
  const name = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ') || 'unknown adapter';
  const software = !!(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || /swiftshader|llvmpipe|lavapipe|software|basic render/i.test(name);
  return { name, software };
}

const LOCAL_HINT = 'You can still use a vision model running on your own machine through a local endpoint, or the fast router.';

/** Checks that `record` can run here; nothing is downloaded. */
export async function checkVlmCapability(record: VlmModelRecord, env: GpuEnvironment = currentGpuEnvironment()): Promise<VlmCapability> {
  if (!env.gpu) {
    return { ok: false, code: 'NO_WEBGPU', reason: `This browser has no WebGPU, which the model needs. Use a recent Chrome or Edge with hardware acceleration on. ${LOCAL_HINT}` };
  }
  let adapter: GpuAdapterLike | null = null;
  try {
    adapter = await env.gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch {
    adapter = null;
  }
  if (!adapter) {
    return { ok: false, code: 'NO_ADAPTER', reason: `WebGPU gave no adapter (the GPU may be blocklisted or hardware acceleration turned off). ${LOCAL_HINT}` };
  }
  const { name, software } = describeAdapter(adapter);
  if (software) {
    return {
      ok: false,
      code: 'SOFTWARE_ADAPTER',
      adapter: name,
      reason: `The only WebGPU adapter here is a software renderer (${name}), not a GPU: a ${formatBytes(record.sizeBytes)} model would take minutes per answer. ${LOCAL_HINT}`,
    };
  }
  const missing = record.requiredFeatures.filter((f) => !adapter.features.has(f));
  if (missing.length) {
    const f16 = missing.includes('shader-f16') ? ' An f32 variant of the model (q4f32) does without it but needs more memory.' : '';
    return { ok: false, code: 'MISSING_FEATURE', adapter: name, reason: `The GPU (${name}) lacks ${missing.join(', ')}, which this model needs.${f16} ${LOCAL_HINT}` };
  }
  const notes: string[] = [];
  const needGB = record.vramMB / 1024;
  if (env.deviceMemoryGB !== undefined && env.deviceMemoryGB < 8 && env.deviceMemoryGB < needGB * 1.25) {
    return {
      ok: false,
      code: 'MEMORY',
      adapter: name,
      reason: `The model needs about ${needGB.toFixed(1)} GB of GPU memory, and this device reports ${env.deviceMemoryGB} GB in all. ${LOCAL_HINT}`,
    };
  }
  notes.push(`The model needs about ${needGB.toFixed(1)} GB of GPU memory; the browser cannot tell how much the GPU has, so loading may still fail on a small GPU.`);
  if (adapter.limits.maxStorageBufferBindingSize < 128 * 1024 * 1024) {
    notes.push(`The adapter binds at most ${formatBytes(adapter.limits.maxStorageBufferBindingSize)} per buffer, a low limit for this model.`);
  }
  return { ok: true, adapter: name, notes };
}
