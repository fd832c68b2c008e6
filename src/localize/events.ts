/**
 * Localization: per-frame flags and per-patch maps over time become artifact events with a time span,
 * a severity, a confidence and, when the artifact is local, a region.
 */
import { beyondThreshold, type ExpertResults, type FrameResult } from '../pipeline/expert-results.ts';
import { normalizeScore } from '../fusion/normalize.ts';
import type { ReportArtifact } from '../report/types.ts';
import { regionOf } from './regions.ts';

/**
 * Events of one expert. `gapS` is the largest time gap that still joins two flagged frames; an event
 * needs at least `minFrames` flagged frames, a span (first flagged frame to past the last) of at
 * least `minSpanS` seconds, and at least `minShare` of the frames read inside that span flagged.
 * `flagged` decides which frames show the artifact (default: the raw value is past the threshold).
 */
export function eventsOf(results: ExpertResults, gapS: number, frameDurationS: number, minFrames = 1, minSpanS = 0, minShare = 0, flagged?: (f: FrameResult) => boolean): ReportArtifact[] {
  const meta = results.meta;
  if (!meta.artifact || meta.threshold === undefined) return [];
  const frames = [...results.frames].sort((a, b) => a.tS - b.tS);
  const events: ReportArtifact[] = [];
  let run: FrameResult[] = [];
  const shareOf = (first: number, last: number) => run.length / Math.max(1, frames.filter((f) => Number.isFinite(f.raw) && f.tS >= first && f.tS <= last).length);
  const flush = () => {
    const spanS = run.length > 0 ? run[run.length - 1]!.tS + frameDurationS - run[0]!.tS : 0;
    if (run.length > 0 && run.length >= minFrames && spanS >= minSpanS - 1e-6 && shareOf(run[0]!.tS, run[run.length - 1]!.tS) >= minShare - 1e-6) {
      events.push(toEvent(results, run, frameDurationS));
    }
    run = [];
  };
  for (const f of frames) {
    if (!Number.isFinite(f.raw) || !(flagged ? flagged(f) : beyondThreshold(meta, f.raw))) continue;
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

function mean(v: number[]): number {
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
