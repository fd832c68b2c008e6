/**
 * Events of one expert on the every-frame (temporal) stream: frames beyond the expert's threshold open
 * an event, frames beyond a lower bar keep it open (hysteresis), events of the type closer than its
 * join gap merge, and events with too few marks or too short a span are dropped (see event-rules.ts).
 */
import { beyondThreshold, type ExpertResults, type FrameResult } from '../pipeline/expert-results.ts';
import { normalizeScore } from '../fusion/normalize.ts';
import type { ReportArtifact } from '../report/types.ts';
import { ruleOf, type EventRule } from './event-rules.ts';

/** A time span in seconds. */
export interface Span {
  startS: number;
  endS: number;
}

/** An event before rounding, with the frames it was made from. */
export interface TemporalEvent extends Span {
  type: ReportArtifact['type'];
  frames: FrameResult[];
  /** Frames beyond the threshold itself (not only the hysteresis bar). */
  marks: number;
}

/**
 * Events of a temporal expert. `frameDurationS` is one frame interval; `exclude` lists spans whose
 * frames are explained by another cause and never flag (e.g. stutter marks at the start of a freeze).
 */
export function temporalEvents(results: ExpertResults, frameDurationS: number, exclude: Span[] = [], rule: EventRule = ruleOf(results.meta.artifact!)): TemporalEvent[] {
  return keepSubstantial(temporalRuns(results, frameDurationS, exclude, rule), rule, firstFrameOf(results));
}

/**
 * Events with enough marks and length for the rule. `firstFrameS` is the time of the stream's first
 * frame: an event from there shorter than the rule's `openingS` is the clip's opening, not a defect.
 */
export function keepSubstantial(events: TemporalEvent[], rule: EventRule, firstFrameS = Number.NaN): TemporalEvent[] {
  return events.filter((e) => e.marks >= rule.minMarks && e.endS - e.startS >= rule.minDurationS - 1e-6 && !isOpening(e, rule, firstFrameS));
}

/** True when `e` starts on the stream's first frame and is shorter than the rule's `openingS`. */
export function isOpening(e: TemporalEvent, rule: EventRule, firstFrameS: number): boolean {
  return rule.openingS !== undefined && e.frames.length > 0 && e.frames[0]!.tS <= firstFrameS + 1e-6 && e.endS - e.startS < rule.openingS;
}

/** Time of the first frame with a value (NaN when none). */
export function firstFrameOf(results: ExpertResults): number {
  let t = Number.POSITIVE_INFINITY;
  for (const f of results.frames) if (Number.isFinite(f.raw) && f.tS < t) t = f.tS;
  return Number.isFinite(t) ? t : Number.NaN;
}

/** Runs of flagged frames joined by the rule's gap, before the minimum marks and duration are applied. */
export function temporalRuns(results: ExpertResults, frameDurationS: number, exclude: Span[] = [], rule: EventRule = ruleOf(results.meta.artifact!)): TemporalEvent[] {
  const meta = results.meta;
  if (!meta.artifact || meta.threshold === undefined) return [];
  const good = meta.lowerIsBetter ? Math.min(...meta.range) : Math.max(...meta.range);
  const low = meta.threshold + (good - meta.threshold) * rule.hysteresis;
  const frames = results.frames.filter((f) => Number.isFinite(f.raw) && !exclude.some((s) => f.tS >= s.startS && f.tS < s.endS)).sort((a, b) => a.tS - b.tS);
  // Runs of consecutive frames: opened by a frame beyond the threshold, kept by frames beyond `low`.
  const runs: TemporalEvent[] = [];
  let open: TemporalEvent | undefined;
  let lastT = -Infinity;
  for (const f of frames) {
    const strong = beyondThreshold(meta, f.raw);
    const weak = strong || beyondThreshold(meta, f.raw, low);
    const contiguous = f.tS - lastT <= 1.5 * frameDurationS + 1e-6;
    lastT = f.tS;
    if (open && weak && contiguous) {
      open.frames.push(f);
      open.endS = f.tS + frameDurationS;
      if (strong) open.marks++;
      continue;
    }
    open = undefined;
    if (!strong) continue;
    open = { type: meta.artifact, startS: f.tS - rule.leadFrames * frameDurationS, endS: f.tS + frameDurationS, frames: [f], marks: 1 };
    runs.push(open);
  }
  return joinRuns(runs, rule);
}

/** Merges runs whose gap is at most the rule's join gap. */
function joinRuns(runs: TemporalEvent[], rule: EventRule): TemporalEvent[] {
  const out: TemporalEvent[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && r.startS - last.endS <= rule.joinGapS + 1e-6) {
      last.endS = Math.max(last.endS, r.endS);
      last.frames.push(...r.frames);
      last.marks += r.marks;
    } else out.push({ ...r, frames: [...r.frames] });
  }
  return out;
}

/** The report artifact of an event: severity from the mean defect of its frames, confidence from margin and length. */
export function toArtifact(results: ExpertResults, e: TemporalEvent): ReportArtifact {
  const meta = results.meta;
  const span = Math.abs(meta.range[1] - meta.range[0]) || 1;
  const flagged = e.frames.filter((f) => beyondThreshold(meta, f.raw));
  const pick = flagged.length ? flagged : e.frames;
  const defects = pick.map((f) => 1 - normalizeScore(meta, f.raw) / 100);
  const margins = pick.map((f) => Math.abs(f.raw - (meta.threshold ?? f.raw)) / span);
  const confidence = Math.min(1, 0.5 + 2 * mean(margins)) * Math.min(1, 0.6 + 0.1 * e.marks);
  return { type: e.type, startS: round(Math.max(0, e.startS)), endS: round(e.endS), severity: round(mean(defects)), confidence: round(confidence) };
}

function mean(v: number[]): number {
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : 0;
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
