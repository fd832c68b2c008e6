/**
 * Re-scores stored reports with the current localize, event-gate and fuse stages: each cached report
 * of a base build is turned back into expert results (bench/real/replay.ts), localized, gated and
 * fused again with the current tables. Measures a fusion or gating change on the clean clips (their
 * score range) and on the tiers' agreement in seconds; the experts are not rerun, so a full run
 * (run.ts) stays the figure of record.
 *
 *   npx tsx bench/real/rescore.ts --base <engine hash> [--tier 0,1,2] [--verbose] [--explain <clip name part>] [--stored-weights]
 *
 * `--explain` prints, for each clip whose name contains the text, each tier's experts (pooled raw,
 * quality, weight, tolerance, frames) and events as the current stages give them.
 *
 *   npx tsx bench/real/rescore.ts --base <engine hash> --subsample [3,4,6,12]
 *
 * `--subsample` measures how the score moves with the number of analysis frames alone: each clean
 * clip's tier-2 report (32 analysis frames) is re-fused with its spatial experts cut to k evenly
 * spaced frames, at every phase, and compared with the score from all of them.
 */
import { tolerance } from '../../src/fusion/weights.ts';
import { gateByEvents } from '../../src/pipeline/event-gate.ts';
import { ExpertResults } from '../../src/pipeline/expert-results.ts';
import { fuseStage, type FuseOutcome } from '../../src/pipeline/fuse-stage.ts';
import { localizeStage } from '../../src/pipeline/localize-stage.ts';
import type { Report, ReportArtifact, Tier } from '../../src/report/types.ts';
import type { ContentType } from '../../src/router/types.ts';
import { argFlag, argValue } from '../lib/stats.ts';
import { cleanClips } from './clean-set.ts';
import { replayTrust, replayWeights, resultsOf, storedReport } from './replay.ts';

/** What the current stages make of a stored report: its events and the fused outcome. */
export function restage(report: Report): { artifacts: ReportArtifact[]; fused: FuseOutcome } {
  const results = resultsOf(report);
  const ct = report.route.contentType as ContentType;
  // --stored-weights: the route weights the report was fused with (a build whose router the tables no longer reproduce).
  const weights = argFlag('stored-weights') ? new Map(report.route.experts.map((e) => [e.id, e.weight])) : replayWeights(report);
  const times = report.timeline.map((p) => p.tS);
  const gap = report.input.durationS / Math.max(1, times.length);
  const artifacts = localizeStage(results, report.input.fps, gap, replayTrust(report));
  return { artifacts, fused: fuseStage(gateByEvents(results, artifacts, report.input.fps), weights, times, gap, 1, ct) };
}

/** The score the current stages give a stored report. */
export function rescore(report: Report): number {
  return restage(report).fused.score;
}

/** The clip's score from its tier-2 results with every full analysis-stream series cut to k evenly spaced frames from `phase`. */
function subsampled(report: Report, results: ExpertResults[], k: number, phase: number): number {
  const n = Math.max(0, ...results.filter((x) => x.meta.inputs.stream === 'analysis').map((x) => x.frames.length));
  const stride = n / k;
  const cut = results.map((x) => {
    if (x.meta.inputs.stream !== 'analysis' || x.frames.length < n || k >= n) return x;
    const y = new ExpertResults(x.meta);
    y.ph = x.ph;
    y.pw = x.pw;
    for (let i = 0; i < k; i++) y.frames.push(x.frames[Math.min(n - 1, Math.floor(phase + i * stride))]!);
    return y;
  });
  const times = [...new Set(cut.filter((x) => x.meta.inputs.stream === 'analysis').flatMap((x) => x.frames.map((f) => f.tS)))].sort((a, b) => a - b);
  const gap = report.input.durationS / Math.max(1, times.length);
  const artifacts = localizeStage(cut, report.input.fps, gap, replayTrust(report));
  return fuseStage(gateByEvents(cut, artifacts, report.input.fps), replayWeights(report), times, gap, 1, report.route.contentType as ContentType).score;
}

function subsampleStudy(base: string, ks: number[]): void {
  for (const k of ks) {
    const moves: number[] = [];
    const worst: { name: string; d: number }[] = [];
    for (const c of cleanClips()) {
      const r = storedReport(c.file, 2, base);
      if (!r) continue;
      const results = resultsOf(r);
      const n = Math.max(0, ...results.filter((x) => x.meta.inputs.stream === 'analysis').map((x) => x.frames.length));
      if (n <= k) continue;
      const full = subsampled(r, results, n, 0);
      let d = 0;
      for (let phase = 0; phase < Math.floor(n / k); phase++) {
        const m = Math.abs(subsampled(r, results, k, phase) - full);
        moves.push(m);
        d = Math.max(d, m);
      }
      worst.push({ name: c.name, d });
    }
    const s = moves.sort((a, b) => a - b);
    const at = (p: number) => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN).toFixed(2);
    console.log(`subsample k=${k}: ${worst.length} clips, ${s.length} cuts; |score move| median ${at(0.5)} p90 ${at(0.9)} max ${(s[s.length - 1] ?? Number.NaN).toFixed(1)}`);
    console.log(`  largest: ${worst.sort((a, b) => b.d - a.d).slice(0, 5).map((w) => `${w.name} ${w.d.toFixed(1)}`).join('; ')}`);
  }
}

function explain(name: string, file: string, tiers: Tier[], base: string): void {
  for (const tier of tiers) {
    const r = storedReport(file, tier, base);
    if (!r) continue;
    const { artifacts, fused } = restage(r);
    const ct = r.route.contentType;
    console.log(`${name} t${tier} ${ct}: score ${fused.score.toFixed(1)} (stored ${r.score.toFixed(1)}), ${r.timeline.length} analysis frames`);
    for (const e of fused.evidence) {
      const lost = fused.contributions.find((c) => c.id === e.meta.id)?.points ?? 0;
      console.log(`    ${e.meta.id.padEnd(14)} raw ${e.raw.toFixed(4).padStart(9)} q ${e.quality.toFixed(1).padStart(5)} w ${e.weight.toFixed(2)} tol ${tolerance(e.meta.id, ct).toFixed(2)} frames ${String(e.frames).padStart(4)} lost ${lost.toFixed(1)}`);
    }
    for (const a of artifacts) console.log(`    event ${a.type} ${a.startS}-${a.endS} sev ${a.severity} conf ${a.confidence}${a.region ? ' R' : ''}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = argValue('base');
  if (!base) throw new Error('--base <engine hash> is required (a build with stored Node reports in bench/out/real-cache)');
  const tiers = (argValue('tier') ?? '0,1,2').split(',').map((t) => Number(t) as Tier);
  if (argFlag('subsample')) {
    const ks = argValue('subsample');
    subsampleStudy(base, (ks && !ks.startsWith('--') ? ks : '3,4,6,12').split(',').map(Number));
    process.exit(0);
  }
  const only = argValue('explain');
  if (only) {
    for (const c of cleanClips().filter((c) => c.name.includes(only))) explain(c.name, c.file, tiers, base);
    process.exit(0);
  }
  const byClip = new Map<string, Map<Tier, { stored: number; now: number }>>();
  for (const c of cleanClips()) {
    for (const tier of tiers) {
      const r = storedReport(c.file, tier, base);
      if (!r) continue;
      const m = byClip.get(c.name) ?? new Map();
      m.set(tier, { stored: r.score, now: Math.round(rescore(r) * 10) / 10 });
      byClip.set(c.name, m);
    }
  }
  const f1 = (v: number) => v.toFixed(1);
  for (const tier of tiers) {
    const rows = [...byClip].map(([name, m]) => ({ name, ...m.get(tier)! })).filter((r) => r.now !== undefined);
    if (!rows.length) continue;
    const range = (k: 'stored' | 'now') => [Math.min(...rows.map((r) => r[k])), Math.max(...rows.map((r) => r[k]))] as const;
    const [sLo, sHi] = range('stored');
    const [nLo, nHi] = range('now');
    console.log(`rescore clean t${tier}: ${rows.length} clips; stored lowest ${f1(sLo)} spread ${f1(sHi - sLo)}; now lowest ${f1(nLo)} spread ${f1(nHi - nLo)}`);
    const low = rows.sort((a, b) => a.now - b.now).slice(0, 8).map((r) => `${r.name} ${f1(r.now)} (was ${f1(r.stored)})`);
    console.log(`  lowest now: ${low.join('; ')}`);
  }
  const gaps = [...byClip].filter(([, m]) => tiers.every((t) => m.has(t))).map(([name, m]) => {
    const g = (k: 'stored' | 'now') => Math.max(...tiers.map((t) => m.get(t)![k])) - Math.min(...tiers.map((t) => m.get(t)![k]));
    return { name, stored: g('stored'), now: g('now') };
  });
  const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? Number.NaN;
  if (gaps.length) {
    console.log(`rescore tier agreement (${tiers.join(',')}), ${gaps.length} clips: stored median ${f1(median(gaps.map((g) => g.stored)))} max ${f1(Math.max(...gaps.map((g) => g.stored)))}; now median ${f1(median(gaps.map((g) => g.now)))} max ${f1(Math.max(...gaps.map((g) => g.now)))}`);
    const worst = gaps.sort((a, b) => b.now - a.now).slice(0, argFlag('verbose') ? 20 : 6);
    console.log(`  largest now: ${worst.map((g) => `${g.name} ${f1(g.now)} (was ${f1(g.stored)})`).join('; ')}`);
  }
}
