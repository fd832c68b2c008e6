/**
 * Builds the `qrouter.report/1` report from the collected expert results: pooling, routing, fusion,
 * localization, timeline and timings.
 */
import { beyondThreshold, type ExpertResults } from './expert-results.ts';
import { fuse, labelOf } from '../fusion/fuse.ts';
import { tolerance } from '../fusion/weights.ts';
import { normalizeScore } from '../fusion/normalize.ts';
import { eventsOf } from '../localize/events.ts';
import type { BackendInfo } from '../inference/ort.ts';
import { selectRouter } from '../router/select.ts';
import type { RouterEvidence } from '../router/types.ts';
import type { Report, ReportExpert } from '../report/types.ts';
import type { VideoInfo } from '../decode/frame-source.ts';
import type { ProgressStage } from '../api/options.ts';
import type { AnalysisPlan } from './plan.ts';
import { buildDetail } from './detail.ts';

/** Everything the report is made from. */
export interface ReportInputs {
  /** The file's name and size. */
  file: { name: string; bytes: number };
  info: VideoInfo;
  plan: AnalysisPlan;
  results: ExpertResults[];
  router: 'fast' | 'vlm';
  /** Labels of planned experts whose model could not be loaded. */
  unavailable?: string[];
  backend: BackendInfo;
  timings: { decodeMs: number; expertsMs: number; startedAt: number; now: () => number };
  signal?: AbortSignal;
  onStage?: (stage: ProgressStage, progress: number) => void;
}

const round1 = (v: number) => Math.round(v * 10) / 10;
const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** Assembles the report. */
export async function buildReport(r: ReportInputs): Promise<Report> {
  const evidence: RouterEvidence[] = r.results
    .filter((res) => res.frames.length > 0)
    .map((res) => {
      const raw = res.pooled();
      const flaggedCount = res.frames.filter((f) => beyondThreshold(res.meta, f.raw)).length;
      return { meta: res.meta, raw, quality: normalizeScore(res.meta, raw), flaggedFraction: flaggedCount / res.frames.length };
    });

  const tRoute = r.timings.now();
  const routed = await selectRouter(r.router).route(evidence, r.signal);
  const missing = r.unavailable?.length ? ` Left out because their models could not be loaded: ${r.unavailable.join(', ')}.` : '';
  const route = { ...routed, rationale: routed.rationale + missing };
  const routeMs = r.timings.now() - tRoute;
  const weightOf = new Map(route.experts.map((e) => [e.id, e.weight]));

  const experts: ReportExpert[] = evidence.map((e) => ({ id: e.meta.id, score: round1(e.quality), raw: round4(e.raw), unit: e.meta.unit }));
  const score = fuse(evidence.map((e) => ({ quality: e.quality, weight: weightOf.get(e.meta.id) ?? 0, tolerance: tolerance(e.meta.id) })));

  r.onStage?.('localize', 0.96);
  const frameDuration = r.info.fps > 0 ? 1 / r.info.fps : 0.04;
  const analysisGap = r.info.durationS / Math.max(1, r.plan.analysisTimes.length);
  const artifacts = r.results
    .flatMap((res) => eventsOf(res, res.meta.inputs.stream === 'temporal' ? 3 * frameDuration : 1.5 * analysisGap, res.meta.inputs.stream === 'temporal' ? frameDuration : analysisGap / 2))
    .sort((a, b) => a.startS - b.startS || a.type.localeCompare(b.type));

  const timeline = timelineOf(r.results, evidence, weightOf, r.plan.analysisTimes, analysisGap);
  const spread = stdDev(timeline.map((p) => p.score));
  const coverage = Math.min(1, r.plan.analysisTimes.length / 16);
  const confidence = Math.max(0.05, Math.min(1, coverage * (1 - Math.min(0.5, spread / 100))));

  return {
    schema: 'qrouter.report/1',
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
    score: Number.isFinite(score) ? round1(score) : 0,
    label: labelOf(Number.isFinite(score) ? score : 0),
    confidence: Math.round(confidence * 100) / 100,
    route,
    experts,
    artifacts,
    timeline,
    timings: {
      decodeMs: Math.round(r.timings.decodeMs),
      expertsMs: Math.round(r.timings.expertsMs),
      routeMs: Math.round(routeMs * 10) / 10,
      totalMs: Math.round(r.timings.now() - r.timings.startedAt),
      framesAnalyzed: r.info.frameCount,
    },
    backend: { ep: r.backend.ep, adapter: r.backend.adapter },
    detail: buildDetail(r.results, { plan: r.plan, durationS: r.info.durationS, fps: r.info.fps }),
  };
}

/**
 * Fused score at each analysis time: spatial experts use that frame's value, temporal experts the mean
 * of their frames within half an analysis interval, experts without a value there their video value.
 */
function timelineOf(results: ExpertResults[], evidence: RouterEvidence[], weightOf: Map<string, number>, times: number[], gap: number): { tS: number; score: number }[] {
  const videoQuality = new Map(evidence.map((e) => [e.meta.id, e.quality]));
  const points: { tS: number; score: number }[] = [];
  for (const target of times) {
    const inputs = results
      .filter((res) => res.frames.length > 0)
      .map((res) => {
        const near = res.frames.filter((f) => Math.abs(f.tS - target) <= gap / 2 && Number.isFinite(f.raw));
        const quality = near.length ? normalizeScore(res.meta, near.reduce((s, f) => s + f.raw, 0) / near.length) : videoQuality.get(res.meta.id) ?? Number.NaN;
        return { quality, weight: weightOf.get(res.meta.id) ?? 0, tolerance: tolerance(res.meta.id) };
      });
    const s = fuse(inputs);
    if (Number.isFinite(s)) points.push({ tS: round4(target), score: round1(s) });
  }
  return points;
}

function stdDev(v: number[]): number {
  if (v.length < 2) return 0;
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
}
