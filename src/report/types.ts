/**
 * The report contract, schema `qrouter.report/2` (see the README's "The report"); `read.ts` upgrades
 * `qrouter.report/1` documents to it.
 */
import type { Detail } from './detail.ts';

/** The fixed artifact vocabulary (unchanged since `qrouter.report/1`). */
export const ARTIFACT_TYPES = [
  'blur',
  'blocking',
  'noise',
  'banding',
  'overexposure',
  'underexposure',
  'freeze',
  'black',
  'flicker',
  'stutter',
  'interlacing',
] as const;

/** One artifact type of the vocabulary. */
export type ArtifactType = (typeof ARTIFACT_TYPES)[number];

/** Quality labels, best first. */
export type QualityLabel = 'excellent' | 'good' | 'fair' | 'poor' | 'bad';

/** Analysis tier: 0 glance, 1 assess (default), 2 inspect. */
export type Tier = 0 | 1 | 2;

/** A rectangle in fractions of the frame (0..1). */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Facts about the input file and how it was decoded. */
export interface ReportInput {
  name: string;
  bytes: number;
  container: string;
  codec: string;
  width: number;
  height: number;
  durationS: number;
  fps: number;
  frameCount: number;
  decoder: 'webcodecs' | 'ffmpeg.wasm';
}

/** One expert's share in the route. */
export interface RouteExpert {
  id: string;
  /** Importance in fusion, 0..1; 0 means the expert was not run. */
  weight: number;
  /** Analysis frames the expert was given, when the route limited it. */
  frames?: number;
}

/** What the router decided for this video, and which router decided it. */
export interface ReportRoute {
  /** The router the caller asked for. */
  requested: 'fast' | 'vlm';
  /** The router whose plan was used. */
  router: 'fast' | 'vlm';
  /** Why the requested router was not used, when it was not. */
  fallbackReason?: string;
  /** One of the content types (see the README): natural-camera, screen-content, animation, … */
  contentType: string;
  /** 0..1. */
  contentConfidence: number;
  experts: RouteExpert[];
  /** The reasons, joined into one paragraph. */
  rationale: string;
  /** The reasons, one sentence each. */
  reasons: string[];
}

/** One expert's video-level opinion. */
export interface ReportExpert {
  id: string;
  /** 0..100, higher is better. */
  score: number;
  /** The expert's own value, in `unit`. */
  raw: number;
  unit: string;
  /** `probe` when the value comes from the few probe frames only (a content measure the route left out). */
  stage?: 'probe';
}

/** An artifact event: a span of time and optionally a region. */
export interface ReportArtifact {
  type: ArtifactType;
  startS: number;
  endS: number;
  severity: number;
  confidence: number;
  region?: Region;
}

/** Time taken by each stage, in milliseconds. */
export interface ReportTimings {
  decodeMs: number;
  expertsMs: number;
  routeMs: number;
  /** The probe: a few frames read by timestamp and the cheapest experts, before routing. */
  probeMs: number;
  totalMs: number;
  framesAnalyzed: number;
}

/** The full report. */
export interface Report {
  schema: 'qrouter.report/2';
  input: ReportInput;
  tier: Tier;
  score: number;
  label: QualityLabel;
  confidence: number;
  route: ReportRoute;
  experts: ReportExpert[];
  artifacts: ReportArtifact[];
  timeline: { tS: number; score: number }[];
  timings: ReportTimings;
  backend: { ep: 'webgpu' | 'wasm'; adapter: string };
  /** Things the user should know about this result (a fallback, a budget that did not fit, …). */
  warnings: string[];
  /** How the tier was chosen when the caller gave a time budget. */
  budget?: { budgetMs: number; predictedMs: number; fits: boolean };
  /** Per-expert series and per-patch maps for the viewer (`qrouter.detail/1`), when built. */
  detail?: Detail;
}
