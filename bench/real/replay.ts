/**
 * Replays the localize stage on stored reports: each cached report of a base build carries its
 * experts' per-frame series and per-patch maps (the `detail` document), which are turned back into
 * expert results and localized again with the current event logic, expert thresholds and route
 * weights. The experts are not rerun, so a change to the event logic is measured on the clean and
 * injected sets in seconds instead of the 40 minutes a full run takes. Approximate where the detail
 * is: maps are pooled to at most 32 cells a side and quantized to bytes (regions move by a cell),
 * series of more than 600 frames are bucketed. Exposure steps (src/localize/exposure-steps.ts) replay from
 * the luma track the detail stores (tracks of up to 1800 frames); reports stored before the detail
 * carried it replay without them. The full run (run.ts) stays the figure of record.
 *
 *   npx tsx bench/real/replay.ts --base <engine hash> [--tier 0,1,2] [--only clean,injected] [--injected-dir <folder>] [--match s1,s2] [--verbose]
 *
 * `--injected-dir` replays the injected set of another format (a folder made by
 * `make-injected.ts --size WxH --fps N`, e.g. bench/clips/real/injected-720p25) from the reports a
 * full run stored for it; `--match` keeps the injected clips whose file name holds one of the strings.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getExpert } from '../../src/experts/registry.ts';
import { baseWeight } from '../../src/fusion/weights.ts';
import { routeFactor } from '../../src/router/routing-table.ts';
import type { ContentType } from '../../src/router/types.ts';
import { localizeStage } from '../../src/pipeline/localize-stage.ts';
import { ExpertResults } from '../../src/pipeline/expert-results.ts';
import type { TrackFrame } from '../../src/pipeline/luma-track.ts';
import { base64ToBytes } from '../../src/report/detail.ts';
import { ARTIFACT_TYPES, type Report, type ReportArtifact, type Tier } from '../../src/report/types.ts';
import { matchEvents, mergeEvents, regionIoU, score } from '../lib/events.ts';
import { argFlag, argValue } from '../lib/stats.ts';
import { nativeDefects } from './clean.ts';
import { cleanClips } from './clean-set.ts';
import { nativeSpans, withoutNative } from './injected.ts';
import type { InjectedClip } from './make-injected.ts';
import { CLIPS, OUT } from './paths.ts';

const fileHash = (file: string) => createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 16);

/** The stored report of `file` at `tier` from build `base` (Node path), if any. */
export function storedReport(file: string, tier: Tier, base: string): Report | undefined {
  const at = join(OUT, 'real-cache', `${fileHash(file)}-t${tier}-node-${base}.json`);
  return existsSync(at) ? (JSON.parse(readFileSync(at, 'utf8')) as { report?: Report }).report : undefined;
}

/** Expert results rebuilt from a report's detail, with the current metadata of each expert. */
export function resultsOf(report: Report): ExpertResults[] {
  const out: ExpertResults[] = [];
  for (const d of report.detail?.experts ?? []) {
    const meta = getExpert(d.id);
    if (!meta) continue;
    const res = new ExpertResults(meta);
    const maps = new Map<number, Float32Array>();
    if (d.maps) {
      res.ph = d.maps.ph;
      res.pw = d.maps.pw;
      const span = d.maps.hi - d.maps.lo;
      for (const m of d.maps.frames) {
        const q = base64ToBytes(m.q);
        maps.set(m.tS, Float32Array.from(q, (v) => d.maps!.lo + (v / 255) * span));
      }
    }
    d.series.tS.forEach((t, i) => {
      const map = maps.get(t);
      res.frames.push(map ? { tS: t, raw: d.series.mean[i]!, map } : { tS: t, raw: d.series.mean[i]! });
    });
    out.push(res);
  }
  return out;
}

/** The luma track a report's detail stored (reports of builds before it was stored have none). */
export function trackOf(report: Report): TrackFrame[] | undefined {
  const l = report.detail?.luma;
  return l ? l.tS.map((tS, i) => ({ tS, mean: l.mean[i]!, correlation: i === 0 ? Number.NaN : l.correlation[i]! })) : undefined;
}

/** The events the current localize stage gives for a stored report. */
export function replayArtifacts(report: Report): ReportArtifact[] {
  const results = resultsOf(report);
  const analysisFrames = Math.max(1, report.timeline.length || Math.max(...results.filter((r) => r.meta.inputs.stream === 'analysis').map((r) => r.frames.length)));
  return localizeStage(results, report.input.fps, report.input.durationS / analysisFrames, replayTrust(report), trackOf(report));
}

/**
 * The route's weights as the current tables give them for a stored report's content type (an expert
 * the stored route did not run stays out: there is nothing to replay).
 */
export function replayWeights(report: Report): Map<string, number> {
  const ct = report.route.contentType as ContentType;
  return new Map(report.route.experts.map((e) => {
    const meta = getExpert(e.id);
    return [e.id, e.weight > 0 && meta ? Math.round(Math.min(1, baseWeight(meta, ct) * routeFactor(ct, meta)) * 100) / 100 : e.weight];
  }));
}

/** The route's trust per expert (src/router/routing-table.ts) for a stored report's content type. */
export function replayTrust(report: Report): Map<string, number> {
  const ct = report.route.contentType as ContentType;
  return new Map(report.route.experts.map((e) => {
    const meta = getExpert(e.id);
    return [e.id, e.weight > 0 && meta ? routeFactor(ct, meta) : e.weight];
  }));
}

function replayClean(tier: Tier, base: string, verbose: boolean): void {
  const defects = nativeDefects();
  let minutes = 0;
  const alarms: string[] = [];
  const byType: Record<string, number> = {};
  let missing = 0;
  for (const c of cleanClips()) {
    const report = storedReport(c.file, tier, base);
    if (!report) {
      missing++;
      continue;
    }
    minutes += c.durationS / 60;
    for (const a of replayArtifacts(report)) {
      const excused = defects.some((d) => d.clip === c.name && d.type === a.type && (d.startS === undefined || (a.endS > d.startS && a.startS < (d.endS ?? Infinity))));
      if (excused) continue;
      byType[a.type] = (byType[a.type] ?? 0) + 1;
      alarms.push(`    ${c.name} ${a.type} ${a.startS}-${a.endS}${a.region ? ' R' : ''}`);
    }
  }
  console.log(`replay clean t${tier}: ${alarms.length} false alarms in ${minutes.toFixed(2)} min = ${(alarms.length / minutes).toFixed(2)}/min (${Object.entries(byType).map(([k, v]) => `${k} ${v}`).join(', ')})${missing ? `; ${missing} clips not stored` : ''}`);
  if (verbose) console.log(alarms.join('\n'));
}

function replayInjected(tier: Tier, base: string, verbose: boolean, dir = join(CLIPS, 'injected'), match?: string[]): void {
  const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as InjectedClip[] | { clips: InjectedClip[] };
  const clips = (Array.isArray(truth) ? truth : truth.clips).filter((c) => !match || match.some((m) => c.file.includes(m)));
  const counts = new Map(ARTIFACT_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0, ious: [] as number[] }]));
  const lines: string[] = [];
  let missing = 0;
  for (const clip of clips) {
    const report = storedReport(join(dir, clip.file), tier, base);
    if (!report) {
      missing++;
      continue;
    }
    const found = withoutNative(mergeEvents<ReportArtifact>(replayArtifacts(report), 0.1), nativeSpans(clip));
    const { matches, missed, extra } = matchEvents(clip.events, found, 0.3);
    for (const m of matches) {
      const c = counts.get(m.truth.type as (typeof ARTIFACT_TYPES)[number])!;
      c.tp++;
      if (m.truth.region) c.ious.push(regionIoU(m.truth.region, m.found.region));
    }
    for (const m of missed) {
      const c = counts.get(m.type as (typeof ARTIFACT_TYPES)[number])!;
      c.fn++;
      // A regional truth event that was missed counts as region IoU 0, as in injected.ts.
      if (m.region) c.ious.push(0);
    }
    for (const e of extra) counts.get(e.type)!.fp++;
    for (const m of matches) if (m.truth.region) lines.push(`    ${clip.file} ${m.truth.type} region IoU ${regionIoU(m.truth.region, m.found.region).toFixed(2)} found ${m.found.startS}-${m.found.endS} ${JSON.stringify(m.found.region ?? 'whole')}`);
    if (missed.length || extra.length) lines.push(`    ${clip.file} missed ${missed.map((m) => m.type).join(',') || '-'} extra ${extra.map((e) => `${e.type}@${e.startS}-${e.endS}${e.region ? ' R' : ''}`).join(' ') || '-'}`);
  }
  let tp = 0, fp = 0, fn = 0;
  const per = [...counts].filter(([, c]) => c.tp + c.fp + c.fn > 0).map(([t, c]) => {
    tp += c.tp; fp += c.fp; fn += c.fn;
    return `${t} ${score(c.tp, c.fp, c.fn).f1.toFixed(2)}`;
  });
  const o = score(tp, fp, fn);
  const ious = [...counts].filter(([, c]) => c.ious.length > 0).map(([t, c]) => `${t} ${(c.ious.reduce((a, b) => a + b, 0) / c.ious.length).toFixed(2)}`);
  console.log(`replay injected t${tier}: P/R/F1 ${o.precision.toFixed(2)} / ${o.recall.toFixed(2)} / ${o.f1.toFixed(2)}; ${per.join(', ')}; region IoU ${ious.join(', ')}${missing ? `; ${missing} clips not stored` : ''}`);
  if (verbose) console.log(lines.join('\n'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = argValue('base');
  if (!base) throw new Error('--base <engine hash> is required (a build with stored Node reports in bench/out/real-cache)');
  const tiers = (argValue('tier') ?? '0,1,2').split(',').map((t) => Number(t) as Tier);
  const parts = (argValue('only') ?? 'clean,injected').split(',');
  const dirArg = argValue('injected-dir');
  const match = argValue('match')?.split(',');
  for (const tier of tiers) {
    if (parts.includes('clean')) replayClean(tier, base, argFlag('verbose'));
    if (parts.includes('injected')) replayInjected(tier, base, argFlag('verbose'), dirArg ? resolve(dirArg) : undefined, match);
  }
}
