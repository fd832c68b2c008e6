/**
 * Assembles the `qrouter.report/2` report from the stages' outcomes: the input facts, the route and
 * how it was reached, the fused score and its timeline, the experts' opinions (probe-only content
 * measures marked), the artifact events, timings and warnings.
 */
import type { VideoInfo } from '../decode/frame-source.ts';
import { labelOf } from '../fusion/fuse.ts';
import type { BackendInfo } from '../inference/ort.ts';
import type { ProbeResult } from '../router/types.ts';
import type { Report, ReportArtifact, ReportExpert } from '../report/types.ts';
import { buildDetail } from './detail.ts';
import type { ExpertResults } from './expert-results.ts';
import type { TrackFrame } from './luma-track.ts';
import type { FuseOutcome } from './fuse-stage.ts';
import type { AnalysisPlan } from './plan.ts';
import type { RouteOutcome } from './route.ts';

/** Everything the report is made from. */
export interface ReportInputs {
  /** The file's name and size. */
  file: { name: string; bytes: number };
  info: VideoInfo;
  plan: AnalysisPlan;
  probe: ProbeResult;
  route: RouteOutcome;
  results: ExpertResults[];
  fused: FuseOutcome;
  artifacts: ReportArtifact[];
  backend: BackendInfo;
  timings: { decodeMs: number; expertsMs: number; totalMs: number; framesAnalyzed: number };
  warnings: string[];
  budget?: Report['budget'];
  /** The temporal stream's luma track, stored in the detail document. */
  track?: readonly TrackFrame[];
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Assembles the report. */
export function buildReport(r: ReportInputs): Report {
  const ran = new Set(r.fused.evidence.map((e) => e.meta.id));
  const experts: ReportExpert[] = [
    ...r.fused.evidence.map((e) => ({ id: e.meta.id, score: round1(Number.isFinite(e.quality) ? e.quality : 0), raw: round4(Number.isFinite(e.raw) ? e.raw : 0), unit: e.meta.unit })),
    ...r.probe.experts
      .filter((p) => !ran.has(p.meta.id) && Number.isFinite(p.quality))
      .map((p) => ({ id: p.meta.id, score: round1(p.quality), raw: round4(p.raw), unit: p.meta.unit, stage: 'probe' as const })),
  ];
  const plannedFrames = new Map(r.plan.experts.map((p) => [p.meta.id, Math.ceil(r.plan.analysisTimes.length / p.stride)]));
  const { plan: routePlan } = r.route;
  const route: Report['route'] = {
    requested: r.route.requested,
    router: r.route.used,
    ...(r.route.fallbackReason ? { fallbackReason: r.route.fallbackReason } : {}),
    contentType: routePlan.contentType,
    contentConfidence: routePlan.contentConfidence,
    experts: routePlan.experts.map((e) => {
      const frames = e.weight > 0 ? plannedFrames.get(e.id) : undefined;
      return { id: e.id, weight: e.weight, ...(frames !== undefined && !isTemporal(r.plan, e.id) ? { frames } : {}) };
    }),
    rationale: routePlan.reasons.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join('. ') + '.',
    reasons: routePlan.reasons,
  };
  const report: Report = {
    schema: 'qrouter.report/2',
    input: {
      name: r.file.name,
      bytes: r.file.bytes,
      container: r.info.container,
      codec: r.info.codec,
      width: r.info.width,
      height: r.info.height,
      durationS: round4(r.info.durationS),
      fps: round4(r.info.fps),
      frameCount: r.info.frameCount,
      decoder: r.info.decoder,
    },
    tier: r.plan.tier,
    score: round1(r.fused.score),
    label: labelOf(r.fused.score),
    confidence: Math.round(r.fused.confidence * 100) / 100,
    route,
    experts,
    artifacts: r.artifacts,
    timeline: r.fused.timeline,
    timings: {
      decodeMs: Math.round(r.timings.decodeMs),
      expertsMs: Math.round(r.timings.expertsMs),
      routeMs: Math.round(r.route.ms * 10) / 10,
      probeMs: Math.round(r.probe.ms),
      totalMs: Math.round(r.timings.totalMs),
      framesAnalyzed: r.timings.framesAnalyzed,
    },
    backend: { ep: r.backend.ep, adapter: r.backend.adapter },
    warnings: r.warnings,
    detail: buildDetail(r.results, { plan: r.plan, durationS: r.info.durationS, fps: r.info.fps, track: r.track }),
  };
  if (r.budget) report.budget = r.budget;
  return report;
}

function isTemporal(plan: AnalysisPlan, id: string): boolean {
  return plan.experts.some((p) => p.meta.id === id && p.meta.inputs.stream === 'temporal');
}
