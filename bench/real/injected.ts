/**
 * Scores the engine on the injected set (bench/clips/real/injected/truth.json): per artifact type and
 * tier, precision / recall / F1 with time IoU ≥ 0.3 matched one to one (bench/lib/events.ts), and
 * region IoU with the right type for regional truth. Every detection that matches nothing is a false
 * positive, whatever its type; scores are also given per half of the sources (A / B).
 */
import { join } from 'node:path';
import { ARTIFACT_TYPES, type ReportArtifact, type Tier } from '../../src/report/types.ts';
import { matchEvents, mergeEvents, regionIoU, score, type TypeScore } from '../lib/events.ts';
import { nativeDefects, type NativeDefect } from './clean.ts';
import { analyzeCached, type Engine } from './engine.ts';
import { sourceToClipS } from './injected-format.ts';
import { FRAMES, FPS, INJECT_SOURCES } from './injected-sources.ts';
import { injectedDir, type InjectedClip } from './make-injected.ts';

/** A missed truth event or an unmatched detection, for the list of what to fix. */
export interface InjectedMiss {
  clip: string;
  kind: 'missed' | 'extra';
  type: string;
  startS: number;
  endS: number;
  /** For a miss: what the engine reported over the same span instead. */
  instead?: string;
}

/** Results of the injected set at one tier. */
export interface InjectedTier {
  tier: Tier;
  clips: number;
  failed: { clip: string; error: string }[];
  byType: Record<string, TypeScore & { regionIoU: number; regional: number }>;
  byHalf: Record<'A' | 'B', { f1: number; tp: number; fp: number; fn: number }>;
  overall: TypeScore;
  misses: InjectedMiss[];
}

/**
 * The confirmed native defects of a clip's source (native-defects.json, those with a span) on the
 * clip's own timeline: a detection of that type over that span is the source's defect, neither a
 * false positive nor a hit. The clip shows each source frame as one of its own, so with the source's
 * and the clip's rates known, source time is rescaled (sourceToClipS); without them it is only shifted.
 */
export function nativeSpans(clip: Pick<InjectedClip, 'source'> & Partial<Pick<InjectedClip, 'durationS' | 'fps' | 'sourceFps'>>, defects: NativeDefect[] = nativeDefects()): { type: string; startS: number; endS: number }[] {
  const src = INJECT_SOURCES.find((s) => s.id === clip.source);
  if (!src) return [];
  const length = clip.durationS ?? FRAMES / FPS;
  const on = (t: number) => (clip.sourceFps ? sourceToClipS(t, src.startS, clip.sourceFps, clip.fps ?? FPS) : t - src.startS);
  return defects
    .filter((d) => d.clip === src.file && d.startS !== undefined)
    .map((d) => ({ type: d.type, startS: on(d.startS!), endS: d.endS === undefined ? Infinity : on(d.endS) }))
    .filter((d) => d.endS > 0 && d.startS < length);
}

/** Removes the detections that lie on a native defect of the source (same type, overlapping span). */
export function withoutNative<T extends { type: string; startS: number; endS: number }>(found: T[], spans: { type: string; startS: number; endS: number }[]): T[] {
  return found.filter((f) => !spans.some((n) => n.type === f.type && f.endS > n.startS && f.startS < n.endS));
}

/** Runs and scores the injected clips at `tier` (those of `dir`: the default set's folder unless given). */
export async function runInjected(engine: Engine, tier: Tier, truth: InjectedClip[], log = console.log, dir = injectedDir()): Promise<InjectedTier> {
  const counts = new Map<string, { tp: number; fp: number; fn: number; ious: number[]; regional: number }>();
  for (const t of ARTIFACT_TYPES) counts.set(t, { tp: 0, fp: 0, fn: 0, ious: [], regional: 0 });
  const halves = { A: { tp: 0, fp: 0, fn: 0 }, B: { tp: 0, fp: 0, fn: 0 } };
  const misses: InjectedMiss[] = [];
  const failed: InjectedTier['failed'] = [];
  for (const clip of truth) {
    const r = await analyzeCached(engine, join(dir, clip.file), tier);
    if (!r.report) {
      failed.push({ clip: clip.file, error: r.error ?? 'no report' });
      continue;
    }
    // Events of one type that touch are joined first (a detector may split one event).
    // Detections on the source's own confirmed defects are set aside.
    const found = withoutNative(mergeEvents<ReportArtifact>(r.report.artifacts, 0.1), nativeSpans(clip));
    const { matches, missed, extra } = matchEvents(clip.events, found, 0.3);
    const h = halves[clip.half];
    for (const m of matches) {
      const c = counts.get(m.truth.type)!;
      c.tp++;
      h.tp++;
      if (m.truth.region) {
        c.regional++;
        c.ious.push(regionIoU(m.truth.region, m.found.region));
      }
    }
    for (const m of missed) {
      const c = counts.get(m.type)!;
      c.fn++;
      h.fn++;
      if (m.region) c.regional++;
      const instead = found.filter((f) => f.endS > m.startS && f.startS < m.endS).map((f) => f.type);
      misses.push({ clip: clip.file, kind: 'missed', type: m.type, startS: m.startS, endS: m.endS, instead: [...new Set(instead)].join(',') || undefined });
    }
    for (const e of extra) {
      counts.get(e.type)!.fp++;
      h.fp++;
      misses.push({ clip: clip.file, kind: 'extra', type: e.type, startS: e.startS, endS: e.endS });
    }
    log(`  injected t${tier} ${clip.file.padEnd(36)} truth ${clip.events.map((e) => e.type).join(',') || '-'}  found ${found.map((f) => `${f.type}@${f.startS.toFixed(1)}-${f.endS.toFixed(1)}`).join(' ') || '-'}`);
  }
  const byType: InjectedTier['byType'] = {};
  let tp = 0, fp = 0, fn = 0;
  for (const [t, c] of counts) {
    tp += c.tp; fp += c.fp; fn += c.fn;
    // A regional truth event that was missed counts as region IoU 0.
    const ious = [...c.ious, ...Array.from({ length: c.regional - c.ious.length }, () => 0)];
    byType[t] = { ...score(c.tp, c.fp, c.fn), regionIoU: ious.length ? ious.reduce((a, b) => a + b, 0) / ious.length : Number.NaN, regional: c.regional };
  }
  const byHalf = Object.fromEntries((['A', 'B'] as const).map((k) => [k, { ...halves[k], f1: score(halves[k].tp, halves[k].fp, halves[k].fn).f1 }])) as InjectedTier['byHalf'];
  return { tier, clips: truth.length - failed.length, failed, byType, byHalf, overall: score(tp, fp, fn), misses };
}
