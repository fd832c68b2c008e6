/**
 * Routing, measured on real footage with the engine's own reports:
 * - tier agreement: each clean clip and each ladder source's pristine clip at tiers 0, 1 and 2 (median
 *   and largest score gap);
 * - the routing ablation at tier 1: routed weights against one set of weights for every content type
 *   (`routing: 'uniform'`), on clean-clip false alarms and on the mixed-content ladders' Spearman,
 *   per content type, beside the best single expert of each content type.
 * Reuses the real-footage benchmark's clips and cache (bench/real/); writes bench/out/routing.json.
 *
 *   npx tsx bench/routing/run.ts [--quiet] [--out bench/out] [--levels 0,2,4,6] [--sources a,b] [--no-clean] [--no-tiers] [--engine node|page]
 *
 * `--levels` keeps only these ladder levels (every level by default), to bound the run time; `--sources`
 * picks ladder sources (default: the four camera/animation sources and the mixed-content ones; the
 * held-out ones, `HELDOUT_LADDER_SOURCES`, when named);
 * `--no-clean` skips the clean clips (false alarms and their tier agreement); `--no-tiers` skips tiers 0
 * and 2 on the ladders' pristine clips.
 * Rows are the TRUE content type (the footage category of the clip or ladder source), so a type's
 * ladders pool every source of that type whatever the router called each rung; the router's call is
 * printed per clip and its share per type is kept (`classedAsType`).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Report, Tier } from '../../src/report/types.ts';
import { analyzeFileInNode } from '../../src/testing/node-engine.ts';
import { argFlag, argValue } from '../lib/stats.ts';
import { nativeDefects } from '../real/clean.ts';
import { cleanClips } from '../real/clean-set.ts';
import { analyzeCached, openEngine, srcHash } from '../real/engine.ts';
import { HELDOUT_LADDER_SOURCES, LADDER_SOURCES, makeLadders, MIXED_LADDER_SOURCES } from '../real/make-ladders.ts';
import { CLIPS, footagePresent, OUT } from '../real/paths.ts';
import { footageType, summariseType, tierAgreement, type RoutingResult, type TypeRow } from './summary.ts';

const log = argFlag('quiet') ? () => undefined : console.log;
const outDir = argValue('out', OUT)!;
const levels = argValue('levels')?.split(',').map(Number);
const ladderSources = [...LADDER_SOURCES, ...MIXED_LADDER_SOURCES];
const sources = argValue('sources')?.split(',') ?? ladderSources.map((s) => s.id);
const withClean = !argFlag('no-clean');
const withTiers = !argFlag('no-tiers');
const enginePath = (argValue('engine') ?? 'node') as 'node' | 'page';

/** The report with routing factors off, cached beside the real benchmark's cache. */
async function uniformReport(file: string): Promise<Report | undefined> {
  const key = `${createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 16)}-t1-uniform-${srcHash()}`;
  const at = join(OUT, 'routing-cache', `${key}.json`);
  if (existsSync(at)) return (JSON.parse(readFileSync(at, 'utf8')) as { report?: Report }).report;
  let report: Report | undefined;
  try {
    report = await analyzeFileInNode(file, { tier: 1, routing: 'uniform' });
  } catch {
    report = undefined;
  }
  mkdirSync(join(OUT, 'routing-cache'), { recursive: true });
  writeFileSync(at, JSON.stringify({ report }) + '\n');
  return report;
}

async function main(): Promise<void> {
  if (!footagePresent('routing')) return;
  const engine = await openEngine(enginePath);
  const defects = nativeDefects();
  const clean = withClean ? cleanClips() : [];
  const ladders = makeLadders(() => undefined, sources, levels);
  const typeOfSource = new Map([...ladderSources, ...HELDOUT_LADDER_SOURCES].map((s) => [s.id, footageType(s.file) ?? 'natural-camera']));
  const scores: Record<string, Partial<Record<Tier, number>>> = {};
  const rows = new Map<string, TypeRow>();
  const row = (t: string) => {
    let r = rows.get(t);
    if (!r) rows.set(t, (r = { contentType: t, clips: 0, minutes: 0, routedAlarms: 0, uniformAlarms: 0, ladder: [] }));
    return r;
  };
  const alarms = (clip: string, report: Report) =>
    report.artifacts.filter((a) => !defects.some((d) => d.clip === clip && d.type === a.type && (d.startS === undefined || (a.endS > d.startS && a.startS < (d.endS ?? Infinity))))).length;

  for (const c of clean) {
    for (const tier of [0, 1, 2] as const) {
      const r = await analyzeCached(engine, c.file, tier);
      if (r.report) (scores[c.name] ??= {})[tier] = r.report.score;
    }
    const routed = (await analyzeCached(engine, c.file, 1)).report;
    const uniform = await uniformReport(c.file);
    if (!routed || !uniform) continue;
    const r = row(footageType(c.name) ?? c.category);
    r.clips++;
    r.minutes += c.durationS / 60;
    r.routedAlarms += alarms(c.name, routed);
    r.uniformAlarms += alarms(c.name, uniform);
    log(`  clean ${c.name.padEnd(48)} ${routed.route.contentType.padEnd(16)} alarms routed ${alarms(c.name, routed)} uniform ${alarms(c.name, uniform)}  tiers ${JSON.stringify(scores[c.name])}`);
  }
  for (const l of ladders) {
    const file = join(CLIPS, 'ladders', l.file);
    // Tier agreement on the pristine clips of each source; distorted rungs at tier 1 only (the ablation).
    for (const tier of l.level === 0 && withTiers ? ([0, 1, 2] as const) : ([1] as const)) {
      const r = await analyzeCached(engine, file, tier);
      if (r.report) (scores[l.file] ??= {})[tier] = r.report.score;
    }
    const routed = (await analyzeCached(engine, file, 1)).report;
    const uniform = await uniformReport(file);
    if (!routed || !uniform) continue;
    const experts = Object.fromEntries(uniform.experts.map((e) => [e.id, e.score]));
    const routedAs = routed.route.contentType;
    row(typeOfSource.get(l.source)!).ladder.push({ source: l.source, kind: l.kind, level: l.level, routed: routed.score, uniform: uniform.score, routedAs, confidence: routed.route.contentConfidence, experts });
    log(`  ladder ${l.file.padEnd(32)} ${typeOfSource.get(l.source)!.padEnd(15)} routed as ${routedAs.padEnd(15)} routed ${routed.score.toFixed(1)} uniform ${uniform.score.toFixed(1)}`);
  }
  await engine.close();
  const result: RoutingResult = { src: srcHash(), levels: levels ?? 'all', agreement: tierAgreement(scores), types: [...rows.values()].map((r) => summariseType(r)) };
  mkdirSync(outDir, { recursive: true });
  // Every ladder clip's scores and expert qualities, for refitting the routing factors offline (fit.ts).
  writeFileSync(join(outDir, 'routing-ladders.json'), JSON.stringify([...rows.values()].flatMap((r) => r.ladder.map((e) => ({ ...e, contentType: r.contentType })))) + '\n');
  writeFileSync(join(outDir, 'routing.json'), JSON.stringify(result, null, 1) + '\n');
  const a = result.agreement;
  console.log(`routing: tier agreement over ${a.clips} clips: median |Δ| ${a.median.toFixed(1)}, max ${a.max.toFixed(1)} (${a.worst})`);
  for (const t of result.types) {
    console.log(
      `routing: ${t.contentType.padEnd(16)} ${t.clips} clean clips, alarms/min routed ${t.routedPerMinute.toFixed(2)} uniform ${t.uniformPerMinute.toFixed(2)}; ${t.ladderClips} ladder clips (${t.ladderSources.join(', ') || '–'}; routed as this type ${(100 * t.classedAsType).toFixed(0)} %), Spearman routed ${t.routedSpearman.toFixed(3)} uniform ${t.uniformSpearman.toFixed(3)} best single ${t.bestExpert} ${t.bestExpertSpearman.toFixed(3)}`,
    );
    if (t.ladderClips) console.log(`routing:   per expert: ${t.perExpert.map((e) => `${e.id} ${e.spearman.toFixed(2)}`).join(', ')}`);
  }
}

await main();
