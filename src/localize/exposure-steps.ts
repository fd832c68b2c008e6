/**
 * Exposure that changes over time: the picture's brightness steps down (or up) from one frame to the
 * next, holds, and steps back. A gain or an offset on a span of frames keeps the picture's layout
 * (frame t ≈ a · frame t−1 + b over the luma track's grid cells, with a high correlation) while its
 * level moves far at once; the span between such a step and the step that undoes it is darker than
 * what the scene showed around it (underexposure) or brighter (overexposure). What is not such a span:
 * - a cut to a darker or brighter shot: the layout changes (low correlation across the step);
 * - a fade, a camera's auto-exposure drift, a dimmer turned: the level moves over many frames, each
 *   change small beside its neighbours, so no one frame's change stands alone;
 * - flicker: the level alternates within a few frames, so no change stands alone (and flicker's
 *   events explain the frames);
 * - a black segment: flat black has no layout to correlate (and black's events explain the frames);
 * - a night clip or a dark scene: a level, not a step;
 * - a step that never comes back (the light switched off for good): nothing to compare it with.
 * Reads the luma track of the temporal stream (src/pipeline/luma-track.ts).
 */
import type { TrackFrame } from '../pipeline/luma-track.ts';
import type { ReportArtifact } from '../report/types.ts';
import type { Span } from './temporal-events.ts';

/**
 * Least change of the frame mean across one frame, in full-range code values and as a share of the
 * brighter side. On the 63 clean real clips (their temporal-size luma) no change that stands alone
 * (below) and keeps the layout (LOW_CORRELATION) reached a share of 0.3: the largest, a dimmed dialog
 * in a GUI editor, 0.21 and 0.23 (correlation 0.71 and 0.56). The injected gains change the mean by
 * 0.35-0.8 of it (0.21 for a bright lab floor pushed brighter still).
 */
export const MIN_STEP = 24;
export const MIN_STEP_RATIO = 0.3;
/**
 * Correlation of the grid cells across a step: one step of a span must keep the layout this well,
 * the other at least LOW_CORRELATION (the darker side of a deep underexposure is crushed towards
 * black, the brighter side of an overexposure clipped, so part of the layout is gone there: the
 * darkened city street returns at 0.76-0.81). The better step of each injected exposure span of the
 * sources of half A (bench/real) read 0.94-1.00; cuts that stand alone read 0.37 at most on the clean
 * and injected clips.
 */
export const MIN_CORRELATION = 0.9;
export const LOW_CORRELATION = 0.7;
/**
 * Time either side of a step (seconds) within which every other frame's change must be under
 * HOLD_SHARE of the step's: the step stands alone. A fade or a drift changes by similar amounts frame
 * after frame (a share near 1); a cut a few frames after a step (0.22 of it in the city excerpt) is
 * left room.
 */
export const HOLD_S = 0.1;
export const HOLD_SHARE = 0.3;
/** A return undoes at least this share of the opening step. */
export const RETURN_SHARE = 0.5;
/** Shortest span between a step and its return (seconds): a shorter dip or bump is a flash. */
export const MIN_SPAN_S = 0.5;

/** One exposure step: the change from frame `index − 1` to frame `index`. */
export interface ExposureStep {
  index: number;
  tS: number;
  /** Change of the frame mean (code values; negative: darker). */
  change: number;
  /** The mean before the step. */
  before: number;
  /** Correlation of the grid cells across the step. */
  correlation: number;
}

/** A span of changed exposure, with the steps that open and close it. */
export interface ExposureSpan extends Span {
  type: 'underexposure' | 'overexposure';
  open: ExposureStep;
  close: ExposureStep;
}

/**
 * The exposure steps of a track (frames in time order, `frameS` apart): large changes that stand alone
 * and keep the layout at least LOW_CORRELATION. Frames inside `exclude` (spans another cause
 * explains) make no step.
 */
export function exposureSteps(frames: readonly TrackFrame[], frameS: number, exclude: readonly Span[] = []): ExposureStep[] {
  const inside = (t: number) => exclude.some((s) => t >= s.startS && t < s.endS);
  const changeAt = (i: number) => (i > 0 && frames[i]!.tS - frames[i - 1]!.tS <= 1.5 * frameS + 1e-6 ? frames[i]!.mean - frames[i - 1]!.mean : Number.NaN);
  const steps: ExposureStep[] = [];
  for (let i = 1; i < frames.length; i++) {
    const d = changeAt(i);
    const prev = frames[i - 1]!;
    const cur = frames[i]!;
    if (!Number.isFinite(d) || inside(prev.tS) || inside(cur.tS)) continue;
    if (Math.abs(d) < MIN_STEP || Math.abs(d) < MIN_STEP_RATIO * Math.max(cur.mean, prev.mean)) continue;
    if (!(cur.correlation >= LOW_CORRELATION)) continue;
    if (!standsAlone(frames, i, Math.abs(d), changeAt)) continue;
    steps.push({ index: i, tS: cur.tS, change: d, before: prev.mean, correlation: cur.correlation });
  }
  return steps;
}

/** True when every other change within HOLD_S of the step (from frame i−1 back, from frame i on) is under HOLD_SHARE of it. */
function standsAlone(frames: readonly TrackFrame[], i: number, size: number, changeAt: (i: number) => number): boolean {
  for (let j = i - 1; j >= 1 && frames[i - 1]!.tS - frames[j - 1]!.tS <= HOLD_S + 1e-6; j--) if (Math.abs(changeAt(j) || 0) > HOLD_SHARE * size) return false;
  for (let j = i + 1; j < frames.length && frames[j]!.tS - frames[i]!.tS <= HOLD_S + 1e-6; j++) if (Math.abs(changeAt(j) || 0) > HOLD_SHARE * size) return false;
  return true;
}

/**
 * Spans of changed exposure: a step, and the next step the other way that undoes at least
 * RETURN_SHARE of it, MIN_SPAN_S or more later, one of the two keeping the layout at least
 * MIN_CORRELATION. Darker between them is underexposure, brighter overexposure.
 */
export function exposureSpans(frames: readonly TrackFrame[], frameS: number, exclude: readonly Span[] = []): ExposureSpan[] {
  const steps = exposureSteps(frames, frameS, exclude);
  const spans: ExposureSpan[] = [];
  let i = 0;
  while (i < steps.length) {
    const open = steps[i]!;
    const k = steps.findIndex((s, j) => j > i && Math.sign(s.change) === -Math.sign(open.change) && Math.abs(s.change) >= RETURN_SHARE * Math.abs(open.change));
    if (k < 0) {
      i++;
      continue;
    }
    const close = steps[k]!;
    if (close.tS - open.tS >= MIN_SPAN_S - 1e-6 && Math.max(open.correlation, close.correlation) >= MIN_CORRELATION) {
      spans.push({ type: open.change < 0 ? 'underexposure' : 'overexposure', startS: open.tS, endS: close.tS, open, close });
      i = k + 1;
    } else i++;
  }
  return spans;
}

/**
 * The report artifact of a span: severity is how far the level moved, as a share of the brighter side
 * (a picture at half its brightness: 0.5); confidence the better-kept layout of its two steps.
 */
export function exposureArtifact(span: ExposureSpan): ReportArtifact {
  const { change, before } = span.open;
  const severity = Math.min(1, Math.abs(change) / Math.max(1, before, before + change));
  const confidence = Math.max(span.open.correlation, span.close.correlation);
  return { type: span.type, startS: round(span.startS), endS: round(span.endS), severity: round(severity), confidence: round(Math.min(1, confidence)) };
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
