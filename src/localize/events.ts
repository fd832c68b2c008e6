/**
 * Localization: per-frame flags and per-patch maps over time become artifact events with a time span,
 * a severity, a confidence and, when the artifact is local, a region.
 */
import { beyondThreshold, type ExpertResults, type FrameResult } from '../pipeline/expert-results.ts';
import { normalizeScore } from '../fusion/normalize.ts';
import type { Region, ReportArtifact } from '../report/types.ts';

/** Regions covering more than this fraction of the frame are reported as whole-frame. */
const WHOLE_FRAME = 0.8;

/** Events of one expert. `gapS` is the largest time gap that still joins two flagged frames. */
export function eventsOf(results: ExpertResults, gapS: number, frameDurationS: number): ReportArtifact[] {
  const meta = results.meta;
  if (!meta.artifact || meta.threshold === undefined) return [];
  const frames = [...results.frames].sort((a, b) => a.tS - b.tS);
  const events: ReportArtifact[] = [];
  let run: FrameResult[] = [];
  const flush = () => {
    if (run.length > 0) events.push(toEvent(results, run, frameDurationS));
    run = [];
  };
  for (const f of frames) {
    if (!Number.isFinite(f.raw) || !beyondThreshold(meta, f.raw)) continue;
    const last = run[run.length - 1];
    if (last && f.tS - last.tS > gapS) flush();
    run.push(f);
  }
  flush();
  return events;
}

function toEvent(results: ExpertResults, run: FrameResult[], frameDurationS: number): ReportArtifact {
  const meta = results.meta;
  const span = Math.abs(meta.range[1] - meta.range[0]) || 1;
  const defects = run.map((f) => 1 - normalizeScore(meta, f.raw) / 100);
  const margins = run.map((f) => Math.abs(f.raw - (meta.threshold ?? f.raw)) / span);
  const severity = mean(defects);
  const confidence = Math.min(1, 0.5 + 2 * mean(margins)) * Math.min(1, 0.6 + 0.1 * run.length);
  const startS = run[0]!.tS;
  const endS = run[run.length - 1]!.tS + frameDurationS;
  const event: ReportArtifact = { type: meta.artifact!, startS: round(startS), endS: round(endS), severity: round(severity), confidence: round(confidence) };
  const region = regionOf(results, run);
  if (region) event.region = region;
  return event;
}

/** The bounding box of the patches beyond threshold, averaged over the run's maps. */
export function regionOf(results: ExpertResults, run: FrameResult[]): Region | undefined {
  const maps = run.map((f) => f.map).filter((m): m is Float32Array => !!m);
  const { ph, pw, meta } = results;
  if (maps.length === 0 || ph === 0 || pw === 0) return undefined;
  const avg = new Float32Array(ph * pw);
  for (const m of maps) for (let i = 0; i < avg.length; i++) avg[i]! += m[i]! / maps.length;
  let x0 = pw;
  let y0 = ph;
  let x1 = -1;
  let y1 = -1;
  let hits = 0;
  for (let r = 0; r < ph; r++)
    for (let c = 0; c < pw; c++) {
      if (!beyondThreshold(meta, avg[r * pw + c]!)) continue;
      hits++;
      x0 = Math.min(x0, c);
      y0 = Math.min(y0, r);
      x1 = Math.max(x1, c);
      y1 = Math.max(y1, r);
    }
  if (hits === 0) return undefined;
  const region = { x: x0 / pw, y: y0 / ph, w: (x1 - x0 + 1) / pw, h: (y1 - y0 + 1) / ph };
  if (region.w * region.h > WHOLE_FRAME) return undefined;
  return { x: round(region.x), y: round(region.y), w: round(region.w), h: round(region.h) };
}

function mean(v: number[]): number {
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
