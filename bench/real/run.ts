/**
 * The real-footage benchmark: clean-set false alarms, the injected set, the ladders, and a
 * cross-check of the Node path against the page. Writes bench/out/real-<part>.json and prints a
 * summary. Skips cleanly when ../shared/data/footage is absent.
 *
 *   npx tsx bench/real/run.ts [--only clean,reencoded,injected,ladders,cross] [--tier 0,1,2] [--engine auto|node|page] [--sources a,b | --heldout (ladders)] [--levels 0,3,6 (ladders)] [--match s1,s2] [--injected-dir <folder>] [--out bench/out] [--quiet]
 *
 * `--injected-dir` scores the injected set of another format (a folder made by
 * `make-injected.ts --size WxH --fps N`, e.g. bench/clips/real/injected-720p25) instead of the
 * default set; its results go to real-injected-<folder name less "injected-">.json.
 *
 * `--match` keeps only the clips whose file name contains one of the substrings (a quick check while
 * iterating); a filtered run prints its figures but writes no result file.
 *
 * See bench/real/README.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Tier } from '../../src/report/types.ts';
import { argFlag, argValue } from '../lib/stats.ts';
import { runClean, type CleanTier } from './clean.ts';
import { cleanClips } from './clean-set.ts';
import { REENCODINGS, reencodedClips } from './clean-reencoded.ts';
import { crossCheck } from './cross.ts';
import { engineHash, openEngine, type EnginePath } from './engine.ts';
import { runInjected } from './injected.ts';
import { runLadders } from './ladders.ts';
import { makeInjected, type InjectedClip } from './make-injected.ts';
import { HELDOUT_LADDER_SOURCES, makeLadders } from './make-ladders.ts';
import { footagePresent, OUT } from './paths.ts';

const parts = (argValue('only') ?? 'clean,injected,ladders,cross').split(',');
const tiers = (argValue('tier') ?? '0,1,2').split(',').map((t) => Number(t) as Tier);
const enginePath = (argValue('engine') ?? 'auto') as EnginePath | 'auto';
const outDir = argValue('out', OUT)!;
const log = argFlag('quiet') ? () => undefined : console.log;
const match = argValue('match')?.split(',').filter(Boolean);
const injectedDirArg = argValue('injected-dir');
/** Ladders of the held-out sources (no fit ever read them) instead of `--sources`; writes real-ladders-heldout.json. */
const heldout = argFlag('heldout');
/** True for the clips a `--match` run keeps (every clip without one). */
const kept = (file: string) => !match || match.some((m) => file.includes(m));
const f = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '–');
/** A clean tier's summary: false alarms, per minute, by type, failures. */
const alarmsLine = (t: CleanTier) =>
  `${t.falseAlarms} false alarms in ${f(t.minutes)} min = ${f(t.perMinute)}/min (${Object.entries(t.byType).map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})${t.failed.length ? `; ${t.failed.length} failed` : ''}`;

/**
 * Writes real-<name>.json; for per-tier parts, tiers measured before and not rerun now are kept
 * (each tier records the build it ran on).
 */
function writeTiers<T extends { tier: number }>(name: string, engine: string, tiers: (T & { build?: string })[]): void {
  const file = join(outDir, `real-${name}.json`);
  const old = existsSync(file) ? ((JSON.parse(readFileSync(file, 'utf8')) as { tiers?: T[] }).tiers ?? []) : [];
  const merged = [...old.filter((t) => !tiers.some((n) => n.tier === t.tier)), ...tiers].sort((a, b) => a.tier - b.tier);
  write(name, { engine, tiers: merged });
}

function write(name: string, data: unknown): void {
  if (match) return;
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `real-${name}.json`), JSON.stringify(data, null, 1) + '\n');
}

async function main(): Promise<void> {
  if (!footagePresent('run')) return;
  const engine = await openEngine(enginePath);
  console.log(`bench/real: engine ${engine.path}, build ${engineHash(engine.path)}, parts ${parts.join(',')}, tiers ${tiers.join(',')}`);
  const started = Date.now();
  try {
    if (parts.includes('clean')) {
      const clips = cleanClips().filter((c) => kept(c.file));
      const out = [];
      for (const tier of tiers) {
        const r = await runClean(engine, tier, clips, log);
        out.push({ ...r, build: engineHash(engine.path) });
        console.log(`clean t${tier}: ${alarmsLine(r)}`);
      }
      writeTiers('clean', engine.path, out);
    }
    if (parts.includes('reencoded')) {
      const variants = [];
      const clean = cleanClips();
      for (const r of REENCODINGS) {
        const clips = reencodedClips(r, clean).filter((c) => kept(c.file));
        const out = [];
        for (const tier of tiers) {
          const t = await runClean(engine, tier, clips, log);
          out.push({ ...t, build: engineHash(engine.path) });
          console.log(`clean re-encoded (${r.label}) t${tier}: ${alarmsLine(t)}`);
        }
        variants.push({ ...r, tiers: out });
      }
      write('reencoded', { engine: engine.path, variants });
    }
    if (parts.includes('injected')) {
      // Another format's folder is read as made (make-injected.ts --size/--fps), never remade here.
      const dir = injectedDirArg ? resolve(injectedDirArg) : undefined;
      if (dir && !existsSync(join(dir, 'truth.json'))) throw new Error(`bench/real: ${dir}/truth.json is absent (make it with bench/real/make-injected.ts --size WxH --fps N --out-dir ${injectedDirArg})`);
      const all = dir ? (JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as InjectedClip[]) : makeInjected(log);
      const truth = all.filter((c) => kept(c.file));
      const name = dir ? `injected-${basename(dir).replace(/^injected-?/, '') || 'other'}` : 'injected';
      if (dir) console.log(`injected set: ${dir}, ${all[0]?.width}x${all[0]?.height} at ${all[0]?.fps ?? 30} fps, ${all.length} clips -> real-${name}.json`);
      const out = [];
      for (const tier of tiers) {
        const r = await runInjected(engine, tier, truth, log, dir);
        out.push({ ...r, build: engineHash(engine.path) });
        console.log(`injected t${tier}: P/R/F1 ${f(r.overall.precision)} / ${f(r.overall.recall)} / ${f(r.overall.f1)}; ${Object.entries(r.byType).map(([k, v]) => `${k} ${f(v.f1)}`).join(', ')}`);
      }
      writeTiers(name, engine.path, out);
    }
    if (parts.includes('ladders')) {
      const sources = heldout ? HELDOUT_LADDER_SOURCES.map((s) => s.id) : argValue('sources')?.split(',');
      const clips = makeLadders(log, sources, argValue('levels')?.split(',').map(Number)).filter((c) => kept(c.file));
      const tier: Tier = tiers.includes(1) ? 1 : tiers[0]!;
      const r = await runLadders(engine, tier, clips, log);
      console.log(`ladders t${tier}: mean Spearman ${f(r.mean, 3)}; ${Object.entries(r.perKind).map(([k, v]) => `${k} ${f(v, 3)}`).join(', ')}; score vs target ${f(r.targetSpearman, 3)}`);
      write(heldout ? 'ladders-heldout' : 'ladders', { engine: engine.path, build: engineHash(engine.path), ...r });
    }
  } finally {
    await engine.close();
  }
  if (parts.includes('cross')) {
    const r = await crossCheck(log);
    console.log(`cross-check node vs page: ${r.rows.length} analyses, max |score difference| ${f(r.maxScoreDiff, 1)}, mean ${f(r.meanScoreDiff, 1)}`);
    write('cross', r);
  }
  console.log(`bench/real: done in ${Math.round((Date.now() - started) / 1000)} s`);
}

await main();
