/**
 * What a report says about one artifact: its events (touching ones joined), the expert that measures
 * it and that expert's score, and how strong it is in words. Shared by the answerer's rules.
 */
import { getExpert } from '../experts/registry.ts';
import type { ArtifactType, Region, Report, ReportArtifact } from '../report/types.ts';
import type { Level } from './types.ts';

/** Events of one type, in time order, with events that touch or overlap joined. */
export function eventsOf(report: Report, type: ArtifactType): ReportArtifact[] {
  const sorted = report.artifacts.filter((a) => a.type === type).sort((a, b) => a.startS - b.startS);
  const out: ReportArtifact[] = [];
  for (const e of sorted) {
    const last = out.at(-1);
    if (last && e.startS <= last.endS + 0.05) {
      last.endS = Math.max(last.endS, e.endS);
      last.severity = Math.max(last.severity, e.severity);
      last.confidence = Math.max(last.confidence, e.confidence);
      if (!e.region || !last.region) delete last.region;
      else last.region = union(last.region, e.region);
    } else {
      out.push({ ...e, region: e.region ? { ...e.region } : undefined });
      if (!e.region) delete out.at(-1)!.region;
    }
  }
  return out;
}

function union(a: Region, b: Region): Region {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

/** The report's expert that detects `type`, with its 0..100 score, when one ran. */
export function expertScore(report: Report, type: ArtifactType): { id: string; label: string; score: number } | undefined {
  for (const e of report.experts) {
    const meta = getExpert(e.id);
    // An expert without a threshold (texture detail) is a score input, not the type's detector.
    if (meta?.artifact === type && meta.threshold !== undefined && Number.isFinite(e.score)) return { id: e.id, label: meta.label, score: e.score };
  }
  return undefined;
}

/** An event severity (0..1) in words. */
export function severityLevel(severity: number): Level {
  if (severity < 0.35) return 'slight';
  if (severity < 0.65) return 'moderate';
  return 'strong';
}

/** An expert's 0..100 score in words, as the strength of its defect. */
export function scoreLevel(score: number): Level {
  if (score >= 75) return 'none';
  if (score >= 55) return 'slight';
  if (score >= 35) return 'moderate';
  return 'strong';
}

/** Below this expert score a defect counts as present even without a localized event. */
export const PRESENT_BELOW = 40;

/** How much one artifact type weighs on the video: its events' severity × confidence × seconds. */
export function impact(report: Report, type: ArtifactType): number {
  return eventsOf(report, type).reduce((n, e) => n + e.severity * e.confidence * Math.max(0.1, e.endS - e.startS), 0);
}

/** A time span for people: `6.0–9.0 s`. */
export function spanText(e: { startS: number; endS: number }): string {
  return `${e.startS.toFixed(1)}–${e.endS.toFixed(1)} s`;
}

/** A region in words: where its centre lies and how much of the frame it covers. */
export function regionText(r: Region | undefined): string {
  if (!r || (r.w >= 0.95 && r.h >= 0.95)) return 'the whole frame';
  const cx = r.x + r.w / 2;
  const cy = r.y + r.h / 2;
  const v = cy < 0.36 ? 'top' : cy > 0.64 ? 'bottom' : '';
  const h = cx < 0.36 ? 'left' : cx > 0.64 ? 'right' : '';
  const place = v && h ? `${v} ${h}` : v || h ? `${v || h}${v ? '' : ' side'}` : 'centre';
  return `the ${place} of the frame (x ${pct(r.x)}–${pct(r.x + r.w)}, y ${pct(r.y)}–${pct(r.y + r.h)}, ${pct(r.w * r.h)} of its area)`;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** The artifact's name in a sentence. */
export const ARTIFACT_NOUN: Record<ArtifactType, string> = {
  blur: 'blur',
  blocking: 'blocking (compression blocks)',
  noise: 'noise',
  banding: 'banding',
  overexposure: 'overexposure (clipped highlights)',
  underexposure: 'underexposure (crushed shadows)',
  freeze: 'frozen frames',
  black: 'black frames',
  flicker: 'flicker',
  stutter: 'stutter (uneven frame timing)',
  interlacing: 'interlacing (combing)',
};
