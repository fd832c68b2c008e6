/**
 * Localization of one run: every expert's per-frame flags become artifact events, and one cause gives
 * one event. Temporal-stream experts are read in causal order (black, then freeze and flicker, then
 * stutter; see one-cause.ts) so each type leaves out the frames an earlier cause explains; spatial
 * experts leave out the analysis frames a cause explains (a black segment is not blurred or
 * underexposed) and keep the per-expert event logic of events.ts.
 */
import { beyondThreshold, ExpertResults, type FrameResult } from '../pipeline/expert-results.ts';
import type { ArtifactType, ReportArtifact } from '../report/types.ts';
import { ruleOf, SPATIAL_RULES } from './event-rules.ts';
import { blurEventsOf } from './blur-steps.ts';
import { eventsOf } from './events.ts';
import { exposureArtifact, exposureSpans } from './exposure-steps.ts';
import type { TrackFrame } from '../pipeline/luma-track.ts';
import { regionalStepFrames } from './regional-steps.ts';
import { causalOrder, explainedSpans, holdsToRhythm, RHYTHM_OF } from './one-cause.ts';
import { sampledEvents } from './temporal-bursts.ts';
import { firstFrameOf, isOpening, keepSubstantial, temporalRuns, toArtifact, type Span, type TemporalEvent } from './temporal-events.ts';

/** Which experts may report events, and how much each one's events are trusted. */
export interface LocalizeOptions {
  /** False for experts whose flags are content here (the route weighed them down); their events still explain others. */
  reportable?: (expertId: string) => boolean;
  /** Factor on an expert's event confidence (0..1). */
  confidenceScale?: (expertId: string) => number;
  /** The temporal stream's luma track (src/pipeline/luma-track.ts), for exposure that changes over time. */
  track?: readonly TrackFrame[];
}

/** Events of a run, sorted by start. `fps` sets the temporal frame interval, `analysisGap` the spatial join gap. */
export function localizeEvents(results: ExpertResults[], fps: number, analysisGap: number, options: LocalizeOptions = {}): ReportArtifact[] {
  const reportable = options.reportable ?? (() => true);
  const scale = options.confidenceScale ?? (() => 1);
  const report = (res: ExpertResults, events: ReportArtifact[]) => {
    if (!reportable(res.meta.id)) return;
    const k = scale(res.meta.id);
    artifacts.push(...events.map((e) => scaled(e, k)));
  };
  const frameS = fps > 0 ? 1 / fps : 0.04;
  const isTemporal = (r: ExpertResults) => r.meta.inputs.stream === 'temporal' && !!r.meta.artifact && r.meta.threshold !== undefined;
  const temporal = results.filter(isTemporal);
  const types = [...new Set(temporal.map((r) => r.meta.artifact!))];
  const found: TemporalEvent[] = [];
  const artifacts: ReportArtifact[] = [];
  for (const type of causalOrder(types)) {
    for (const res of temporal.filter((r) => r.meta.artifact === type)) {
      const rule = ruleOf(type);
      let events = temporalRuns(res, frameS, explainedSpans(type, found, frameS), rule);
      const rhythmType = RHYTHM_OF[type];
      if (rhythmType) {
        // Short holds in a rhythm are the rhythm's type (stutter), reported with this expert's values;
        // the minimum duration applies to lone holds only.
        const split = holdsToRhythm(events, rhythmType);
        events = split.lone;
        found.push(...split.rhythms);
        report(res, split.rhythms.map((e) => toArtifact(res, e)));
      }
      // An opening on black is not reported, yet still explains what the other experts see in it.
      const first = firstFrameOf(res);
      found.push(...events.filter((e) => isOpening(e, rule, first) && e.marks >= rule.minMarks));
      events = keepSubstantial(events, rule, first);
      // A sparse (glance) stream: a rhythm or a hold seen across bursts is a sampled event
      // (temporal-bursts.ts); a hold that opens the clip is judged as an opening, like any other.
      const all = sampledEvents(res, frameS, rule, explainedSpans(type, found, frameS));
      const sampled = all.filter((r) => !isOpening(r.event, rule, first));
      found.push(...all.filter((r) => !sampled.includes(r)).map((r) => r.event));
      events = events.filter((e) => !all.some((r) => e.startS < r.event.endS && e.endS > r.event.startS));
      found.push(...events, ...sampled.map((r) => r.event));
      report(res, [...events.map((e) => toArtifact(res, e)), ...sampled.map((r) => r.artifact)]);
    }
  }
  // Exposure that steps and steps back within a shot (exposure-steps.ts), outside the frames black and
  // flicker explain; reported as its type's events, under the route's trust in that type's expert.
  const exposureEvents: ReportArtifact[] = [];
  if (options.track?.length) {
    const exclude = [...explainedSpans('underexposure', found, frameS), ...explainedSpans('overexposure', found, frameS)];
    for (const span of exposureSpans(options.track, frameS, exclude)) {
      const owner = results.find((r) => r.meta.artifact === span.type);
      if (owner && reportable(owner.meta.id)) exposureEvents.push(scaled(exposureArtifact(span), scale(owner.meta.id)));
    }
  }
  for (const res of results.filter((r) => !isTemporal(r))) {
    const spans = res.meta.artifact ? explainedSpans(res.meta.artifact, found, frameS) : [];
    // Analysis frames land on the nearest decoded frame, so two neighbours can be up to a frame
    // further apart than the analysis gap: allow for it, or one event splits at low frame rates.
    const dense = analysisGap <= SPARSE_ANALYSIS_S;
    const kept = withEvidence(withoutSpans(res, spans));
    // Blur counts where it is a defect, not the shot's depth of field (blur-steps.ts).
    const args = [Math.max(SPATIAL_JOIN_GAPS * analysisGap, SPATIAL_JOIN_S) + 1.5 * frameS, analysisGap / 2, dense ? 2 : 1, dense ? SPATIAL_MIN_SPAN_S : 0, minShareOf(res)] as const;
    if (res.meta.artifact === 'blur') report(res, blurEventsOf(kept, results.filter((r) => r !== res && r.meta.artifact === 'noise'), ...args));
    else if (res.meta.artifact && SPATIAL_RULES[res.meta.artifact]?.regionalSteps) {
      // A step over part of the frame counts beside the frame reading (regional-steps.ts); the
      // picture's layout (blur and noise maps) tells one shot from a cut.
      const layout = results.filter((r) => r !== res && r.meta.inputs.stream === 'analysis' && (r.meta.artifact === 'blur' || r.meta.artifact === 'noise'));
      const steps = regionalStepFrames(kept, layout);
      report(res, eventsOf(kept, ...args, (f) => beyondThreshold(res.meta, f.raw) || steps.has(f)));
    } else report(res, eventsOf(kept, ...args));
  }
  return mergeSameType(withSpans(artifacts, exposureEvents), frameS).sort((a, b) => a.startS - b.startS || a.type.localeCompare(b.type));
}

function scaled(e: ReportArtifact, k: number): ReportArtifact {
  return k === 1 ? e : { ...e, confidence: Math.round(e.confidence * k * 1000) / 1000 };
}

/**
 * The events with whole-frame spans of the same cause folded in: a span that overlaps events of its
 * type (an expert's, with or without a region) widens the first of them to cover it and them all (one
 * cause, one event; the first one's region is kept); a span that overlaps none is an event of its own.
 */
export function withSpans(events: readonly ReportArtifact[], spans: readonly ReportArtifact[]): ReportArtifact[] {
  let out = [...events];
  for (const sp of spans) {
    const hit = out.filter((e) => e.type === sp.type && e.startS < sp.endS && e.endS > sp.startS).sort((a, b) => a.startS - b.startS);
    if (hit.length === 0) {
      out.push({ ...sp });
      continue;
    }
    const all = [sp, ...hit];
    const merged: ReportArtifact = {
      ...hit[0]!,
      startS: Math.min(...all.map((e) => e.startS)),
      endS: Math.max(...all.map((e) => e.endS)),
      severity: Math.max(...all.map((e) => e.severity)),
      confidence: Math.max(...all.map((e) => e.confidence)),
    };
    out = [...out.filter((e) => !hit.includes(e)), merged];
  }
  return out;
}

/**
 * Analysis gaps that still join two flagged analysis frames: 1 joins neighbours only; larger values
 * bridge one unflagged analysis frame between two flagged ones (one cause, one event).
 */
export const SPATIAL_JOIN_GAPS = 2;
export const SPATIAL_JOIN_S = 1;

/**
 * A spatial event needs two flagged analysis frames: a defect of the picture's capture or coding
 * lasts, and one sample among clean neighbours is more often content (a frame of thin line art, a
 * dense page of glyphs) than a fault. On the clean real clips most single-frame events were such
 * content; no injected defect was found from one frame alone. Where analysis frames lie more than
 * this far apart (long videos at low tiers), one frame is all a short defect can show, and it counts.
 */
export const SPARSE_ANALYSIS_S = 2;

/**
 * With analysis frames closer than SPARSE_ANALYSIS_S, a spatial event must also span half a second
 * (first flagged frame to past the last): at the inspect tier, frames 0.1 s apart make two flagged
 * frames a fifth of a second, and such blips were content on the clean real clips (a frame of grid
 * lines, a cut in a fashion edit). The shortest injected defect lasts 1.5 s.
 */
export const SPATIAL_MIN_SPAN_S = 0.5;

/**
 * Share of the analysis frames inside a spatial event's span (first flagged frame to last) that must
 * be flagged. The join gap bridges unflagged frames so that one cause makes one event; a span where
 * most frames read below the threshold is a value that wanders about it (the palette lighting of a
 * game at the inspect tier: two of four frames flagged, then three of six), not a defect, which
 * holds while it lasts. Types whose rule sets its own `minShare` (interlacing: combing shows only
 * on frames with motion) use theirs.
 */
export const SPATIAL_MIN_SHARE = 0.6;

function minShareOf(res: ExpertResults): number {
  const rule = res.meta.artifact ? SPATIAL_RULES[res.meta.artifact] : undefined;
  return rule?.minShare ?? SPATIAL_MIN_SHARE;
}

/**
 * The results without the frames that lack the evidence their type's spatial rule asks for (a flat
 * map where the artifact must stand out somewhere; too few rows for the artifact to exist); frames
 * without a map are kept.
 */
export function withEvidence(res: ExpertResults): ExpertResults {
  const rule = res.meta.artifact ? SPATIAL_RULES[res.meta.artifact] : undefined;
  if (!rule) return res;
  const span = Math.abs(res.meta.range[1] - res.meta.range[0]) || 1;
  // Rows of the expert's input, from its patch grid (0 when no map was kept).
  const rows = res.ph * res.meta.inputs.patch;
  if (rule.minRows !== undefined && rows > 0 && rows < rule.minRows) {
    const none = new ExpertResults(res.meta);
    none.ph = res.ph;
    none.pw = res.pw;
    return none;
  }
  const shows = (f: FrameResult) => {
    if (rule.minPatchSpread === undefined || !f.map || f.map.length === 0) return true;
    let lo = Infinity;
    let hi = -Infinity;
    for (const v of f.map) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
    return hi - lo >= rule.minPatchSpread * span;
  };
  const copy = new ExpertResults(res.meta);
  copy.ph = res.ph;
  copy.pw = res.pw;
  copy.frames.push(...res.frames.filter(shows));
  return copy;
}

/** A copy of the results without the frames inside `spans`. */
function withoutSpans(res: ExpertResults, spans: Span[]): ExpertResults {
  if (spans.length === 0) return res;
  const copy = new ExpertResults(res.meta);
  copy.ph = res.ph;
  copy.pw = res.pw;
  copy.frames.push(...res.frames.filter((f) => !spans.some((s) => f.tS >= s.startS && f.tS < s.endS)));
  return copy;
}

/** Joins whole-frame events of one type that overlap or lie within the type's join gap (two experts, or a rhythm beside marks). */
function mergeSameType(events: ReportArtifact[], frameS: number): ReportArtifact[] {
  const sorted = [...events].sort((a, b) => a.type.localeCompare(b.type) || a.startS - b.startS);
  const out: ReportArtifact[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    const gap = Math.max(frameS, ruleOf(e.type as ArtifactType).joinGapS);
    if (last && last.type === e.type && !last.region && !e.region && e.startS - last.endS <= gap + 1e-6) {
      out[out.length - 1] = {
        ...last,
        endS: Math.max(last.endS, e.endS),
        severity: Math.max(last.severity, e.severity),
        confidence: Math.max(last.confidence, e.confidence),
      };
    } else out.push({ ...e });
  }
  return out;
}
