/**
 * Which vision-language model to load and where from. A record states what the model needs before
 * anything is downloaded (size, GPU memory, GPU features), as WebLLM's own `ModelRecord` does, and can
 * point at a self-hosted mirror: the model folder (`mlc-chat-config.json`, `tensor-cache.json` and the
 * weight shards) and the compiled WebGPU library can live on any server the user chooses.
 *
 * The default is Phi-3.5-vision (q4f16_1) from WebLLM's prebuilt list; its URLs and GPU memory come
 * from that list. The list gives no download size, so the default's size is an estimate: 4.15 billion
 * parameters (the model card's count) at 4.5 bits each (4-bit weights plus one 16-bit scale per group
 * of 32, WebLLM's q4f16_1 layout). A mirror's record states the exact size.
 */

/** A model the VLM engine can load. */
export interface VlmModelRecord {
  /** WebLLM model id, e.g. `Phi-3.5-vision-instruct-q4f16_1-MLC`. */
  id: string;
  /** Folder of the model's config, tokenizer and weight shards. */
  modelUrl: string;
  /** The compiled WebGPU model library (`.wasm`). */
  modelLibUrl: string;
  /** Download size of the weights, in bytes. */
  sizeBytes: number;
  /** False when `sizeBytes` is an estimate. */
  sizeExact: boolean;
  /** GPU memory the model needs, in MB (WebLLM's `vram_required_MB`). */
  vramMB: number;
  /** WebGPU features the model library needs (`shader-f16` for f16 variants). */
  requiredFeatures: string[];
  /** Context window, in tokens. */
  contextWindow?: number;
}

/** The default model's id in WebLLM's prebuilt list. */
export const DEFAULT_VLM_MODEL_ID = 'Phi-3.5-vision-instruct-q4f16_1-MLC';
const PHI35_VISION_PARAMS = 4.15e9;

/** The JSON a self-hosted mirror serves to describe its model (`schema: "qrouter.vlm-model/1"`). */
export interface VlmModelRecordFile extends Omit<VlmModelRecord, 'sizeExact'> {
  schema: 'qrouter.vlm-model/1';
}

/** Bits per weight of a WebLLM quantisation code (q4f16_1 → 4.5, q4f32_1 → 5), for size estimates. */
export function bitsPerWeight(id: string): number {
  const m = /q(\d)f(16|32)_\d/.exec(id);
  if (!m) return 16;
  return Number(m[1]) + Number(m[2]) / 32;
}

/** Features a model id implies: f16 variants need `shader-f16`. */
export function impliedFeatures(id: string): string[] {
  return /f16/.test(id) ? ['shader-f16'] : [];
}

/** The record of a WebLLM prebuilt model (loads WebLLM's module, which is large: call on demand). */
export async function prebuiltModelRecord(id = DEFAULT_VLM_MODEL_ID): Promise<VlmModelRecord> {
  const { prebuiltAppConfig } = await import('@mlc-ai/web-llm');
  const r = prebuiltAppConfig.model_list.find((m) => m.model_id === id);
  if (!r) throw new Error(`WebLLM's prebuilt list has no model "${id}".`);
  return {
    id: r.model_id,
    modelUrl: r.model,
    modelLibUrl: r.model_lib,
    sizeBytes: Math.round((PHI35_VISION_PARAMS * bitsPerWeight(id)) / 8),
    sizeExact: false,
    vramMB: r.vram_required_MB ?? 0,
    requiredFeatures: [...new Set([...(r.required_features ?? []), ...impliedFeatures(id)])],
    contextWindow: r.overrides?.context_window_size,
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** Checks a mirror's record file; relative URLs are resolved against `base` (the record's own URL). */
export function parseModelRecord(value: unknown, base: string): VlmModelRecord {
  const bad = (what: string) => new TypeError(`The model record at ${base} is not usable: ${what}.`);
  if (!isRecord(value) || value.schema !== 'qrouter.vlm-model/1') throw bad('its "schema" is not "qrouter.vlm-model/1"');
  const { id, modelUrl, modelLibUrl, sizeBytes, vramMB, requiredFeatures, contextWindow } = value;
  if (typeof id !== 'string' || !id) throw bad('"id" is missing');
  if (typeof modelUrl !== 'string' || typeof modelLibUrl !== 'string') throw bad('"modelUrl" and "modelLibUrl" must be URLs');
  if (typeof sizeBytes !== 'number' || !(sizeBytes > 0)) throw bad('"sizeBytes" must be a positive number');
  if (typeof vramMB !== 'number' || !(vramMB >= 0)) throw bad('"vramMB" must be a number');
  if (requiredFeatures !== undefined && !(Array.isArray(requiredFeatures) && requiredFeatures.every((f) => typeof f === 'string'))) throw bad('"requiredFeatures" must be a list of strings');
  return {
    id,
    modelUrl: new URL(modelUrl, base).href,
    modelLibUrl: new URL(modelLibUrl, base).href,
    sizeBytes,
    sizeExact: true,
    vramMB,
    requiredFeatures: [...new Set([...((requiredFeatures as string[] | undefined) ?? []), ...impliedFeatures(id)])],
    contextWindow: typeof contextWindow === 'number' ? contextWindow : undefined,
  };
}

/** Reads a self-hosted mirror's model record. */
export async function readModelRecord(url: string, signal?: AbortSignal): Promise<VlmModelRecord> {
  const href = new URL(url, globalThis.location?.href).href;
  let res: Response;
  try {
    res = await fetch(href, { signal, credentials: 'omit', redirect: 'error' });
  } catch (err) {
    throw new Error(`The model record at ${href} could not be read (${err instanceof Error ? err.message : String(err)}).`);
  }
  if (!res.ok) throw new Error(`The model record at ${href} could not be read (HTTP ${res.status}).`);
  return parseModelRecord(await res.json(), href);
}

/** WebLLM's app configuration holding just this record. */
export function toWebLlmAppConfig(record: VlmModelRecord) {
  return {
    model_list: [
      {
        model: record.modelUrl,
        model_id: record.id,
        model_lib: record.modelLibUrl,
        vram_required_MB: record.vramMB,
        required_features: record.requiredFeatures,
        model_type: 2 as const, // ModelType.VLM in WebLLM
        overrides: record.contextWindow ? { context_window_size: record.contextWindow } : undefined,
      },
    ],
  };
}

/** A byte count for people: `2.3 GB`, `740 MB`. */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${Math.round(n / 1e6)} MB`;
  if (n >= 1e3) return `${Math.round(n / 1e3)} kB`;
  return `${n} B`;
}
