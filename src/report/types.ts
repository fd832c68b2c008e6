/** The report contract (`qrouter.report/1`); see DESIGN.md. */
import type { Detail } from './detail.ts';

/** The fixed artifact vocabulary of schema `qrouter.report/1`. */
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
  weight: number;
}

/** What the router decided for this video. */
export interface ReportRoute {
  router: 'fast' | 'vlm';
  contentType: string;
  experts: RouteExpert[];
  rationale: string;
}

/** One expert's video-level opinion. */
export interface ReportExpert {
  id: string;
  /** 0..100, higher is better. */
  score: number;
  /** The expert's own value, in `unit`. */
  raw: number;
  unit: string;
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
  totalMs: number;
  framesAnalyzed: number;
}

/** The full report. */
export interface Report {
  schema: 'qrouter.report/1';
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
  /** Per-expert series and per-patch maps for the viewer (`qrouter.detail/1`), when built. */
  detail?: Detail;
}
