/**
 * The fuse stage: pools each expert's frames into one value, turns it into 0..100 quality, and fuses
 * the qualities with the route's weights and the fitted tolerances into the score, a score-over-time
 * curve and a confidence drawn from the evidence itself.
 */
import { fuse } from '../fusion/fuse.ts';
import { normalizeScore } from '../fusion/normalize.ts';
import { scoreValue } from '../fusion/pool.ts';
import { curve, tolerance } from '../fusion/weights.ts';
import type { ExpertMeta } from '../experts/types.ts';
import type { ExpertResults } from './expert-results.ts';

/** One expert's video-level evidence. */
export interface ExpertEvidence {
  meta: ExpertMeta;
  raw: number;
  quality: number;
  weight: number;
  /** Frames the expert produced values for. */
  frames: number;
}

/** What fusion produced. */
export interface FuseOutcome {
  evidence: ExpertEvidence[];
  score: number;
  timeline: { tS: number; score: number }[];
  confidence: number;
  /** Each expert's share of the lost points (0..100 scale), largest first, for explanations. */
  contributions: { id: string; points: number }[];
}

/** Frame counts at which the evidence counts as complete (a 16-frame sample, every frame for temporal experts). */
const FULL_SPATIAL_FRAMES = 16;

/** Fuses the results of one run. `temporalCoverage` is the share of the video's frames the temporal experts saw. */
export function fuseStage(results: ExpertResults[], weightOf: ReadonlyMap<string, number>, times: number[], gap: number, temporalCoverage: number, contentType?: string): FuseOutcome {
  const evidence: ExpertEvidence[] = results
    .filter((r) => r.frames.length > 0)
    .map((r) => {
      // The score's pooling (src/fusion/pool.ts): the mean of a sample of analysis frames, not its median.
      const raw = scoreValue(r.meta, r.frames.map((f) => f.raw));
      return { meta: r.meta, raw, quality: normalizeScore(r.meta, raw), weight: weightOf.get(r.meta.id) ?? 0, frames: r.frames.length };
    });
  const inputs = evidence.map((e) => ({ quality: e.quality, weight: e.weight, tolerance: tolerance(e.meta.id, contentType), curve: curve(e.meta.id, contentType) }));
  const fused = fuse(inputs);
  const score = Number.isFinite(fused) ? fused : 0;
  const contributions = evidence
    .map((e, i) => ({ id: e.meta.id, points: Math.max(0, fuse(inputs.filter((_, j) => j !== i)) - score) }))
    .filter((c) => Number.isFinite(c.points) && c.points > 0.05)
    .sort((a, b) => b.points - a.points);
  const timeline = timelineOf(results, evidence, times, gap, contentType);
  return { evidence, score, timeline, confidence: Math.max(0.05, confidenceOf(evidence, timeline, temporalCoverage) * reachOf(times, gap)), contributions };
}

/**
 * Share of the video within half an analysis interval of an analysis time (the video being `gap` times
 * the number of times long, as the analysis interval is defined): 1 for times spread over the whole
 * video, less when they bunch in one part of it (a glance that reached only the first half of a long
 * group of pictures has not seen the second).
 */
export function reachOf(times: readonly number[], gap: number): number {
  if (times.length === 0 || !(gap > 0)) return 1;
  const duration = gap * times.length;
  const sorted = [...times].sort((a, b) => a - b);
  let covered = 0;
  let end = 0;
  for (const t of sorted) {
    const lo = Math.max(end, t - gap / 2, 0);
    const hi = Math.min(duration, t + gap / 2);
    if (hi > lo) covered += hi - lo;
    end = Math.max(end, hi);
  }
  return Math.max(0, Math.min(1, covered / duration));
}

/**
 * Confidence from the evidence: how much of the video the weighted experts covered (frames seen,
 * against a full sample) times how steady the score is over time (and, in fuseStage, times the share
 * of the video the analysis times reach); never a constant per tier.
 */
function confidenceOf(evidence: ExpertEvidence[], timeline: { score: number }[], temporalCoverage: number): number {
  const weighted = evidence.filter((e) => e.weight > 0 && Number.isFinite(e.quality));
  const totalWeight = weighted.reduce((s, e) => s + e.weight, 0);
  if (totalWeight === 0) return 0.05;
  const coverage =
    weighted.reduce((s, e) => s + e.weight * (e.meta.inputs.stream === 'temporal' ? Math.min(1, temporalCoverage) : Math.min(1, e.frames / FULL_SPATIAL_FRAMES)), 0) / totalWeight;
  const steadiness = 1 - Math.min(0.5, stdDev(timeline.map((p) => p.score)) / 40);
  return Math.max(0.05, Math.min(1, (0.3 + 0.7 * coverage) * steadiness));
}

/**
 * Fused score at each analysis time: spatial experts use that frame's value, temporal experts the mean
 * of their frames within half an analysis interval, experts without a value there their video value.
 */
function timelineOf(results: ExpertResults[], evidence: ExpertEvidence[], times: number[], gap: number, contentType?: string): { tS: number; score: number }[] {
  const byId = new Map(evidence.map((e) => [e.meta.id, e]));
  const points: { tS: number; score: number }[] = [];
  for (const target of times) {
    const inputs = results
      .filter((res) => byId.has(res.meta.id))
      .map((res) => {
        const e = byId.get(res.meta.id)!;
        const near = res.frames.filter((f) => Math.abs(f.tS - target) <= gap / 2 && Number.isFinite(f.raw));
        const quality = near.length ? normalizeScore(res.meta, near.reduce((s, f) => s + f.raw, 0) / near.length) : e.quality;
        return { quality, weight: e.weight, tolerance: tolerance(res.meta.id, contentType), curve: curve(res.meta.id, contentType) };
      });
    const s = fuse(inputs);
    if (Number.isFinite(s)) points.push({ tS: Math.round(target * 1e4) / 1e4, score: Math.round(s * 10) / 10 });
  }
  return points;
}

function stdDev(v: number[]): number {
  if (v.length < 2) return 0;
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1));
}
