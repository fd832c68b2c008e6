/**
 * Rhythms seen across bursts. The glance tier reads the temporal stream as short bursts of consecutive
 * frames far apart (a few frames every second or two), so a cadence fault that repeats through the
 * whole video, a doubled frame every other frame or a held picture once a second, shows one or two
 * marks per burst: never the three close together that make a stutter or flicker event on an
 * every-frame stream, though the same rhythm is there in nearly every burst. Marks in most bursts are
 * that rhythm, sampled: one event spanning the bursts, with a confidence that says it was sampled.
 * A lone mark in one burst of several (a cut, a dropped frame) stays what it is on a full stream.
 */
import { beyondThreshold, type ExpertResults, type FrameResult } from '../pipeline/expert-results.ts';
import type { ReportArtifact } from '../report/types.ts';
import type { EventRule } from './event-rules.ts';
import { toArtifact, type Span, type TemporalEvent } from './temporal-events.ts';

/** Fewest bursts a stream must have before marks across them can read as a rhythm. */
export const MIN_BURSTS = 3;

/**
 * Share of the bursts that must show a mark. On the clean real clips at the glance tier, trusted
 * experts marked at most one burst of five or six (a cut, one doubled frame); a webcam that repeats
 * every other frame marked all six.
 */
export const BURST_SHARE = 2 / 3;

/** Factor on a burst rhythm's confidence: the frames between the bursts were not seen. */
export const SAMPLED_CONFIDENCE = 0.7;

/** A run of consecutive frames of the stream (a burst; the whole stream when it has no gaps). */
export interface Burst extends Span {
  frames: FrameResult[];
  marks: number;
}

/** The stream's bursts: runs of frames no more than 1.5 frame intervals apart, frames in `exclude` left out. */
export function burstsOf(results: ExpertResults, frameDurationS: number, exclude: Span[] = []): Burst[] {
  const frames = results.frames
    .filter((f) => Number.isFinite(f.raw) && !exclude.some((s) => f.tS >= s.startS && f.tS < s.endS))
    .sort((a, b) => a.tS - b.tS);
  const bursts: Burst[] = [];
  let last: Burst | undefined;
  for (const f of frames) {
    if (!last || f.tS - last.frames[last.frames.length - 1]!.tS > 1.5 * frameDurationS + 1e-6) {
      last = { startS: f.tS, endS: f.tS + frameDurationS, frames: [], marks: 0 };
      bursts.push(last);
    }
    last.frames.push(f);
    last.endS = f.tS + frameDurationS;
    if (beyondThreshold(results.meta, f.raw)) last.marks++;
  }
  return bursts;
}

/** A rhythm found across bursts: the event, and the share of the bursts that showed marks. */
export interface BurstRhythm {
  event: TemporalEvent;
  share: number;
}

/**
 * The rhythm a sparse stream shows across its bursts, as one event from the first marked burst to the
 * end of the last, or undefined. Only for rules that ask for several marks (rhythm types): a stream
 * whose bursts lie closer than the rule's join gap is one run already and is left to the run logic,
 * as is a stream with fewer than MIN_BURSTS bursts.
 */
export function burstRhythm(results: ExpertResults, frameDurationS: number, rule: EventRule, exclude: Span[] = []): BurstRhythm | undefined {
  const bursts = sparseBursts(results, frameDurationS, rule, exclude);
  if (!bursts) return undefined;
  const marked = bursts.filter((b) => b.marks > 0);
  const share = marked.length / bursts.length;
  if (share < BURST_SHARE - 1e-9 || marksOf(marked) < rule.minMarks) return undefined;
  return { event: eventOf(results, bursts, marked, rule, frameDurationS), share };
}

/**
 * Rhythms of a sparse stream in part of it: a run of consecutive marked bursts with the rule's marks
 * between them (a cadence fault over a few seconds shows in the bursts that fall inside it), or one
 * burst with the rule's marks whose last frame is marked too (the run was cut by the end of the burst,
 * so its length, which a full stream would judge, is unknown). Each event reaches halfway to the
 * unmarked bursts around it. `share` is the run's bursts against MIN_BURSTS: a run of one burst counts
 * a third.
 */
export function burstRuns(results: ExpertResults, frameDurationS: number, rule: EventRule, exclude: Span[] = []): BurstRhythm[] {
  const bursts = sparseBursts(results, frameDurationS, rule, exclude);
  if (!bursts) return [];
  const out: BurstRhythm[] = [];
  let run: Burst[] = [];
  const close = (next?: Burst) => {
    const last = run[run.length - 1];
    const cut = run.length === 1 && !!last && beyondThreshold(results.meta, last.frames[last.frames.length - 1]!.raw);
    if ((run.length >= 2 || cut) && marksOf(run) >= rule.minMarks) {
      // Where the rhythm began and ended between the bursts was not seen: the event reaches halfway to
      // the unmarked bursts on either side.
      const before = bursts[bursts.indexOf(run[0]!) - 1];
      const event = eventOf(results, run, run, rule, frameDurationS);
      if (before) event.startS = Math.min(event.startS, (before.endS + run[0]!.startS) / 2);
      if (next) event.endS = (last!.endS + next.startS) / 2;
      out.push({ event, share: Math.min(1, run.length / MIN_BURSTS) });
    }
    run = [];
  };
  for (const b of bursts) {
    if (b.marks > 0) run.push(b);
    else close(b);
  }
  close();
  return out;
}

/** The bursts of a glance-like stream for a rhythm rule, or undefined when the stream is not one. */
function sparseBursts(results: ExpertResults, frameDurationS: number, rule: EventRule, exclude: Span[]): Burst[] | undefined {
  if (!results.meta.artifact || results.meta.threshold === undefined || rule.minMarks < 2) return undefined;
  const bursts = burstsOf(results, frameDurationS, exclude);
  // Bursts the join gap would bridge are not sparse sampling: the every-frame logic sees them as one.
  const apart = bursts.every((b, i) => i === 0 || b.startS - bursts[i - 1]!.endS > rule.joinGapS + 1e-6);
  return bursts.length >= MIN_BURSTS && apart ? bursts : undefined;
}

function marksOf(bursts: readonly Burst[]): number {
  return bursts.reduce((s, b) => s + b.marks, 0);
}

/** One event from the first of `marked` to the end of its last, holding the frames of every burst between. */
function eventOf(results: ExpertResults, bursts: readonly Burst[], marked: readonly Burst[], rule: EventRule, frameDurationS: number): TemporalEvent {
  const first = marked[0]!;
  const last = marked[marked.length - 1]!;
  const inside = bursts.filter((b) => b.startS >= first.startS && b.endS <= last.endS);
  return {
    type: results.meta.artifact!,
    startS: first.startS - rule.leadFrames * frameDurationS,
    endS: last.endS,
    frames: inside.flatMap((b) => b.frames),
    marks: marksOf(marked),
  };
}

/**
 * Holds seen across bursts, for the types whose events need a length rather than a rhythm (a held
 * picture, a black segment). A burst of the glance tier is a few frames (four at 30 fps, 0.13 s),
 * shorter than such a rule's minimum (0.4 s, 0.2 s), so a hold that fills a burst from its first
 * frame to its last is cut by the burst at both ends: its length is unknown, and at least the burst.
 * Consecutive bursts held throughout are one hold (a picture held across the second between them).
 * The event starts where the hold was first seen in the burst before (its trailing run of marks) or
 * halfway from that burst to the held one, and ends likewise towards the burst after. Bursts held only
 * in part show where the hold began or ended and are left to the every-frame logic.
 */
export function burstHolds(results: ExpertResults, frameDurationS: number, rule: EventRule, exclude: Span[] = []): TemporalEvent[] {
  const meta = results.meta;
  if (!meta.artifact || meta.threshold === undefined || rule.minMarks >= 2 || !(rule.minDurationS > 0)) return [];
  const bursts = burstsOf(results, frameDurationS, exclude);
  const apart = bursts.every((b, i) => i === 0 || b.startS - bursts[i - 1]!.endS > rule.joinGapS + 1e-6);
  if (bursts.length < MIN_BURSTS || !apart) return [];
  const held = (b: Burst) => b.marks === b.frames.length;
  const out: TemporalEvent[] = [];
  for (let i = 0; i < bursts.length; i++) {
    if (!held(bursts[i]!)) continue;
    let j = i;
    while (j + 1 < bursts.length && held(bursts[j + 1]!)) j++;
    const first = bursts[i]!;
    const last = bursts[j]!;
    const before = bursts[i - 1];
    const after = bursts[j + 1];
    // The trailing marks of the burst before, the leading marks of the burst after.
    const tail = before ? trailing(before, (f) => beyondThreshold(meta, f.raw)) : [];
    const head = after ? leading(after, (f) => beyondThreshold(meta, f.raw)) : [];
    const startS = tail.length ? tail[0]!.tS : before ? (before.endS + first.startS) / 2 : first.startS;
    const endS = head.length ? head[head.length - 1]!.tS + frameDurationS : after ? (last.endS + after.startS) / 2 : last.endS;
    const frames = [...tail, ...bursts.slice(i, j + 1).flatMap((b) => b.frames), ...head];
    out.push({ type: meta.artifact, startS, endS, frames, marks: frames.length });
    i = j;
  }
  return out;
}

function trailing(b: Burst, flagged: (f: FrameResult) => boolean): FrameResult[] {
  let k = b.frames.length;
  while (k > 0 && flagged(b.frames[k - 1]!)) k--;
  return b.frames.slice(k);
}

function leading(b: Burst, flagged: (f: FrameResult) => boolean): FrameResult[] {
  let k = 0;
  while (k < b.frames.length && flagged(b.frames[k]!)) k++;
  return b.frames.slice(0, k);
}

/**
 * The events of a sparse stream with their report artifacts: for rhythm types the whole-stream rhythm
 * when most bursts show it, else the runs of bursts that do; for types that need a length, the holds
 * across bursts (burstHolds). Each artifact's confidence is the event's own scaled for sampling
 * (SAMPLED_CONFIDENCE) and, for rhythms, by their share.
 */
export function sampledEvents(results: ExpertResults, frameDurationS: number, rule: EventRule, exclude: Span[] = []): { event: TemporalEvent; artifact: ReportArtifact }[] {
  const holds = burstHolds(results, frameDurationS, rule, exclude).map((event) => ({ event, share: 1 }));
  const whole = holds.length ? undefined : burstRhythm(results, frameDurationS, rule, exclude);
  return (holds.length ? holds : whole ? [whole] : burstRuns(results, frameDurationS, rule, exclude)).map((found) => {
    const artifact = toArtifact(results, found.event);
    return { event: found.event, artifact: { ...artifact, confidence: Math.round(artifact.confidence * SAMPLED_CONFIDENCE * found.share * 1000) / 1000 } };
  });
}
