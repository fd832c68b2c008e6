/**
 * Clean-set false alarms: every event the engine reports on a clean real clip is a false alarm
 * unless bench/real/native-defects.json lists it as a native defect someone confirmed by looking at
 * the frames. Per tier: false alarms per minute overall and per category, and the offending events.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportArtifact, Tier } from '../../src/report/types.ts';
import { cleanClips, type CleanClip } from './clean-set.ts';
import { analyzeCached, type Engine } from './engine.ts';
import { ROOT } from './paths.ts';

/** A confirmed defect of a clean clip (the frames were looked at). */
export interface NativeDefect {
  clip: string;
  type: string;
  /** Span it covers; omitted = anywhere in the clip. */
  startS?: number;
  endS?: number;
  reason: string;
}

/** One reported event on a clean clip. */
export interface CleanEvent {
  clip: string;
  category: string;
  tier: Tier;
  type: string;
  startS: number;
  endS: number;
  region?: ReportArtifact['region'];
  /** The native-defect entry that excuses it, when one does. */
  native?: string;
}

/** Results of the clean set at one tier. */
export interface CleanTier {
  tier: Tier;
  minutes: number;
  clips: number;
  failed: { clip: string; error: string }[];
  falseAlarms: number;
  perMinute: number;
  byCategory: Record<string, { minutes: number; falseAlarms: number; perMinute: number }>;
  byType: Record<string, number>;
  events: CleanEvent[];
  /** clip → fused score, content type, every expert's raw value and route weight at this tier (the fusion fit reads them). */
  scores: Record<string, { score: number; contentType: string; category: string; raws: Record<string, number>; weights: Record<string, number> }>;
}

/** Reads the confirmed native defects. */
export function nativeDefects(): NativeDefect[] {
  return JSON.parse(readFileSync(join(ROOT, 'bench/real/native-defects.json'), 'utf8')).defects as NativeDefect[];
}

function excuse(defects: NativeDefect[], clip: string, a: ReportArtifact): NativeDefect | undefined {
  return defects.find((d) => d.clip === clip && d.type === a.type && (d.startS === undefined || (a.endS > d.startS && a.startS < (d.endS ?? Infinity))));
}

/** Runs the clean set at `tier` and counts false alarms. */
export async function runClean(engine: Engine, tier: Tier, clips: CleanClip[] = cleanClips(), log = console.log): Promise<CleanTier> {
  const defects = nativeDefects();
  const events: CleanEvent[] = [];
  const failed: CleanTier['failed'] = [];
  const scores: CleanTier['scores'] = {};
  const minutesOf: Record<string, number> = {};
  for (const c of clips) {
    const r = await analyzeCached(engine, c.file, tier);
    if (!r.report) {
      failed.push({ clip: c.name, error: r.error ?? 'no report' });
      log(`  clean t${tier} ${c.name}: FAILED ${r.error}`);
      continue;
    }
    minutesOf[c.category] = (minutesOf[c.category] ?? 0) + c.durationS / 60;
    scores[c.name] = {
      score: r.report.score,
      contentType: r.report.route.contentType,
      category: c.category,
      raws: Object.fromEntries(r.report.experts.map((e) => [e.id, e.raw])),
      weights: Object.fromEntries(r.report.route.experts.map((e) => [e.id, e.weight])),
    };
    for (const a of r.report.artifacts) {
      const n = excuse(defects, c.name, a);
      events.push({ clip: c.name, category: c.category, tier, type: a.type, startS: a.startS, endS: a.endS, region: a.region, native: n?.reason });
    }
    const fa = r.report.artifacts.filter((a) => !excuse(defects, c.name, a)).length;
    log(`  clean t${tier} ${c.name.padEnd(48)} score ${String(r.report.score).padStart(5)}  events ${fa}${r.cached ? '' : `  (${(r.ms / 1000).toFixed(1)} s)`}`);
  }
  const alarms = events.filter((e) => !e.native);
  const minutes = Object.values(minutesOf).reduce((a, b) => a + b, 0);
  const byCategory: CleanTier['byCategory'] = {};
  for (const [cat, m] of Object.entries(minutesOf)) {
    const n = alarms.filter((e) => e.category === cat).length;
    byCategory[cat] = { minutes: m, falseAlarms: n, perMinute: n / m };
  }
  const byType: Record<string, number> = {};
  for (const e of alarms) byType[e.type] = (byType[e.type] ?? 0) + 1;
  return { tier, minutes, clips: clips.length - failed.length, failed, falseAlarms: alarms.length, perMinute: alarms.length / minutes, byCategory, byType, events, scores };
}

/**
 * Recounts a stored tier against the current native-defects.json (the list may have grown since the
 * run): marks excused events and recomputes the false-alarm figures.
 */
export function recount(t: CleanTier, defects: NativeDefect[] = nativeDefects()): CleanTier {
  const events = t.events.map((e) => ({ ...e, native: excuse(defects, e.clip, { type: e.type, startS: e.startS, endS: e.endS } as ReportArtifact)?.reason }));
  const alarms = events.filter((e) => !e.native);
  const byCategory = Object.fromEntries(Object.entries(t.byCategory).map(([cat, c]) => {
    const n = alarms.filter((e) => e.category === cat).length;
    return [cat, { minutes: c.minutes, falseAlarms: n, perMinute: n / c.minutes }];
  }));
  const byType: Record<string, number> = {};
  for (const e of alarms) byType[e.type] = (byType[e.type] ?? 0) + 1;
  return { ...t, events, falseAlarms: alarms.length, perMinute: alarms.length / t.minutes, byCategory, byType };
}
