/** Options and progress events of one analysis; shared by the library API, the worker and the UI. */
import type { ExternalExpertSpec } from '../experts/external.ts';
import type { Tier } from '../report/types.ts';
import type { VlmBackend } from '../vlm/backend.ts';
import type { VlmPortHandle } from '../vlm/port.ts';

/** Stages reported through `onProgress`. */
export type ProgressStage = 'decode' | 'route' | 'infer' | 'localize' | 'done';

/** One progress event; `progress` is overall 0..1 and never decreases within a run. */
export interface ProgressEvent {
  stage: ProgressStage;
  progress: number;
  /** Frames decoded so far, when known. */
  framesDecoded?: number;
  /** Frames the run plans to decode (the container's count, or the bursts a glance reads), when known. */
  framesTotal?: number;
  message?: string;
}

/** Which execution provider to use: detect (default), or force one. */
export type EpPreference = 'auto' | 'webgpu' | 'wasm';

/** Options of `analyzeVideo`. */
export interface AnalyzeOptions {
  /** 0 glance, 1 assess (default), 2 inspect. */
  tier?: Tier;
  /**
   * A time budget for the analysis in milliseconds: the richest tier whose predicted time (from
   * measured costs) fits is used instead of `tier`; the report's `budget` says what was predicted.
   */
  budgetMs?: number;
  /** Router: the built-in fast router (default) or a vision-language model. */
  router?: 'fast' | 'vlm';
  /** Cancels the run; the promise rejects with a CancelledError. */
  signal?: AbortSignal;
  /** Receives progress events. */
  onProgress?: (event: ProgressEvent) => void;
  /** URL of the folder that holds the expert models (default: `models/` next to the page). */
  modelBaseUrl?: string;
  /** URL of the folder that serves the ffmpeg.wasm core for files WebCodecs cannot decode (default: the build's own copy). */
  decoderBaseUrl?: string;
  /** Execution provider preference (default `auto`: WebGPU on a hardware adapter, wasm otherwise). */
  ep?: EpPreference;
  /**
   * Models the project does not ship, fetched from the URLs their specs give (an explicit opt-in to
   * that download); see docs/external-experts.md.
   */
  externalExperts?: ExternalExpertSpec[];
  /** With `router: 'vlm'`: the loaded vision-language model (WebLLM or a local endpoint), see src/vlm/. */
  vlm?: VlmBackend;
}

/** The parts of the options that cross into the analysis worker. */
export interface WorkerAnalyzeOptions {
  tier: Tier;
  router: 'fast' | 'vlm';
  modelBaseUrl: string;
  decoderBaseUrl?: string;
  budgetMs?: number;
  ep: EpPreference;
  name: string;
  externalExperts: ExternalExpertSpec[];
  /** The page's VLM backend, served on a transferred MessagePort (src/vlm/port.ts). */
  vlm?: VlmPortHandle;
}
