/**
 * External experts: video quality models the project does not ship (for example a user's ONNX
 * export of DOVER or FAST-VQA), declared by a manifest entry and fetched from the user's URL.
 * `loadExternalExpert` fetches and opens the model, `buildExternalInput` (external-input.ts) turns
 * RGB frames into its input tensor, `runExternalExpert` gives one score per video.
 * See docs/external-experts.md.
 */
import { ModelLoadError } from '../errors.ts';
import { createSession, type ExecutionProvider, type ModelSession } from '../inference/ort.ts';
import { buildExternalInput, type RgbFrame } from './external-input.ts';

/** How frames are sampled into the model's spatial input. */
export type ExternalSampling =
  /** A grid×grid mosaic of patch×patch native-resolution fragments (FAST-VQA: grid 7, patch 32). */
  | { kind: 'fragments'; grid: number; patch: number; seed?: number }
  /** The whole frame resized (bilinear) to the input size. */
  | { kind: 'resize' };

/** A manifest entry for a model the user supplies. */
export interface ExternalExpertSpec {
  id: string;
  label: string;
  /** Where the ONNX bytes are fetched from (absolute, or relative to the page). */
  url: string;
  input: {
    /** Graph input name; the model's first input when omitted. */
    name?: string;
    /** Frames per clip (T). */
    frames: number;
    /** Spatial size: side of a square, or [height, width]. */
    size: number | [number, number];
    /** Per-channel RGB normalisation on 0..255 values: (v − mean) / std. */
    mean: [number, number, number];
    std: [number, number, number];
    layout: 'NCTHW' | 'NTCHW';
    sampling: ExternalSampling;
  };
  output: {
    /** Graph output name; the model's first output when omitted. */
    name?: string;
    /** Expected shape (checked when given); several values are averaged into one score. */
    shape?: number[];
    lowerIsBetter: boolean;
    /** The useful raw range, mapped onto 0..100 by fusion like a shipped expert's `range`. */
    range: [number, number];
  };
}

/** An opened external expert. */
export interface ExternalExpert {
  spec: ExternalExpertSpec;
  session: ModelSession;
}

/** The per-video result of an external expert. */
export interface ExternalResult {
  id: string;
  /** The model's output reduced to one value (mean of its elements). */
  score: number;
  /** The output tensor as the model gave it. */
  raw: Float32Array;
  dims: number[];
}

type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; statusText?: string; arrayBuffer(): Promise<ArrayBuffer> }>;

/**
 * Fetches the model bytes from the spec's URL and opens a session. Any failure (network, HTTP
 * status, not an ONNX model) becomes a ModelLoadError that says which expert and URL.
 */
export async function loadExternalExpert(spec: ExternalExpertSpec, fetchImpl: FetchLike = (u) => fetch(u), ep: ExecutionProvider = 'wasm'): Promise<ExternalExpert> {
  let bytes: Uint8Array;
  try {
    const res = await fetchImpl(spec.url);
    if (!res.ok) throw new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new ModelLoadError(`The external model "${spec.label}" could not be downloaded from ${spec.url} (${why}). Check the URL and that the server allows this page to fetch it.`);
  }
  return { spec, session: await createSession(spec.id, bytes, ep) };
}

/** Runs the expert on a video's RGB frames (T are picked uniformly) and returns one score. */
export async function runExternalExpert(expert: ExternalExpert, frames: readonly RgbFrame[]): Promise<ExternalResult> {
  const { spec, session } = expert;
  const inputName = spec.input.name ?? session.inputNames[0];
  const outputName = spec.output.name ?? session.outputNames[0];
  if (!inputName || !outputName) throw new ModelLoadError(`The external model "${spec.label}" has no inputs or outputs.`);
  const out = (await session.run({ [inputName]: buildExternalInput(spec, frames) }))[outputName];
  if (!out) throw new ModelLoadError(`The external model "${spec.label}" has no output "${outputName}".`);
  const want = spec.output.shape;
  if (want && (want.length !== out.dims.length || want.some((d, i) => d !== out.dims[i]))) {
    throw new ModelLoadError(`The external model "${spec.label}" returned shape [${out.dims}], its manifest says [${want}].`);
  }
  let sum = 0;
  for (const v of out.data) sum += v;
  return { id: spec.id, score: out.data.length ? sum / out.data.length : NaN, raw: out.data, dims: out.dims };
}

export { buildExternalInput };
export type { RgbFrame };
