/**
 * One cause, one event: when a defect of one type makes other experts fire too, the frames it explains
 * are not evidence for those other types. A black picture has no detail, exposure, motion or texture of
 * its own, so it explains every other type inside its span (blur and underexposure above all). A held
 * picture explains the stutter marks of its first repeats, and brightness pumping explains the
 * cadence marks and the too-dark or too-bright frames inside it. Repeated short holds in a rhythm are stutter, not a series of freezes.
 * Driven by artifact types (the report's vocabulary), never by expert names.
 */
import type { ArtifactType } from '../report/types.ts';
import type { Span, TemporalEvent } from './temporal-events.ts';

/** What each type explains, and how far (in frames) around its events. */
export interface Explanation {
  explains: readonly ArtifactType[] | 'all';
  /** Frames before an event's start that it still explains (a detector's lead-in, a fade). */
  beforeFrames: number;
  /** Frames after an event's end that it still explains (the recovery from it). */
  afterFrames: number;
}

/** The causes. */
export const CAUSES: Partial<Record<ArtifactType, Explanation>> = {
  black: { explains: 'all', beforeFrames: 2, afterFrames: 2 },
  freeze: { explains: ['stutter'], beforeFrames: 4, afterFrames: 1 },
  flicker: { explains: ['stutter', 'underexposure', 'overexposure'], beforeFrames: 1, afterFrames: 1 },
};

/** True when events of `cause` explain frames of `type`. */
export function explains(cause: ArtifactType, type: ArtifactType): boolean {
  const c = CAUSES[cause];
  if (!c || cause === type) return false;
  return c.explains === 'all' || c.explains.includes(type);
}

/**
 * Types in the order their events must be found: every cause before the types it explains (black,
 * then freeze and flicker, then the rest), so the rest can leave out the frames the causes explain.
 */
export function causalOrder(types: readonly ArtifactType[]): ArtifactType[] {
  const depth = (t: ArtifactType, seen: ArtifactType[] = []): number => {
    const causes = types.filter((c) => explains(c, t) && !seen.includes(c));
    return causes.length === 0 ? 0 : 1 + Math.max(...causes.map((c) => depth(c, [...seen, t])));
  };
  return [...types].sort((a, b) => depth(a) - depth(b) || a.localeCompare(b));
}

/** Spans whose frames of `type` are explained by the events found so far. */
export function explainedSpans(type: ArtifactType, found: readonly TemporalEvent[], frameDurationS: number): Span[] {
  const spans: Span[] = [];
  for (const e of found) {
    if (!explains(e.type, type)) continue;
    const c = CAUSES[e.type]!;
    spans.push({ startS: e.startS - c.beforeFrames * frameDurationS, endS: e.endS + c.afterFrames * frameDurationS });
  }
  return spans;
}

/** Types whose short events, repeated in a rhythm, are another type: holds in a rhythm are stutter. */
export const RHYTHM_OF: Partial<Record<ArtifactType, ArtifactType>> = { freeze: 'stutter' };

/** Holds shorter than this that repeat in a rhythm are cadence faults. */
const RHYTHM_MAX_HOLD_S = 1;
/** Largest gap between such holds that keeps the rhythm. */
const RHYTHM_MAX_GAP_S = 0.6;
/** Fewest holds that make a rhythm. */
const RHYTHM_MIN_HOLDS = 3;

/**
 * Splits hold events into lone holds and rhythms of short holds (one event of `rhythmType` per
 * rhythm, spanning it): a single long hold is a freeze; short holds that repeat are stutter.
 */
export function holdsToRhythm(holds: TemporalEvent[], rhythmType: ArtifactType): { lone: TemporalEvent[]; rhythms: TemporalEvent[] } {
  const sorted = [...holds].sort((a, b) => a.startS - b.startS);
  const kept: TemporalEvent[] = [];
  const rhythms: TemporalEvent[] = [];
  let chain: TemporalEvent[] = [];
  const close = () => {
    if (chain.length >= RHYTHM_MIN_HOLDS) {
      const frames = chain.flatMap((e) => e.frames);
      rhythms.push({ type: rhythmType, startS: chain[0]!.startS, endS: chain[chain.length - 1]!.endS, frames, marks: frames.length });
    } else kept.push(...chain);
    chain = [];
  };
  for (const e of sorted) {
    const short = e.endS - e.startS < RHYTHM_MAX_HOLD_S;
    const last = chain[chain.length - 1];
    if (short && (!last || e.startS - last.endS <= RHYTHM_MAX_GAP_S)) {
      chain.push(e);
      continue;
    }
    close();
    if (short) chain.push(e);
    else kept.push(e);
  }
  close();
  return { lone: kept, rhythms };
}
