/**
 * CLI wall time: `node bin/qrouter.mjs analyze <clip> --tier T --json <file> -q` end to end (browser
 * start-up included), N times per tier on the 720p clip, with the start-up and analysis split the
 * CLI's own summary reports when it prints one.
 *
 *   npx tsx bench/cli-time.ts [--runs 3] [--tiers 0,1] [--clip bench/clips/synth-720.mp4]
 *   npx tsx bench/cli-time.ts --builds /tmp/dist-a,/tmp/dist-b [--runs 6] [--tiers 0,1]
 *
 * With `--builds`, the same CLI runs each built app folder in turn (`QROUTER_APP_DIR`), the order
 * reversed every round, and prints each build's medians (process wall time, start-up, analysis as the
 * CLI reports them, the report's total) and the median over rounds of each build's time divided by the
 * first build's in the same round: every run is a cold start, so on a shared machine the paired ratio
 * says more than medians taken minutes apart.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './lib/app.ts';
import { argValue, median } from './lib/stats.ts';

/** One tier's CLI timings. */
export interface CliRow {
  tier: number;
  wallMs: number[];
  medianWallMs: number;
  /** Median report.timings.totalMs of the same runs. */
  medianTotalMs: number;
  exitCodes: number[];
}

/** One cold CLI run's times, ms. */
interface CliRun {
  wall: number;
  startup: number;
  analysis: number;
  total: number;
  code: number;
}

function runCli(cli: string, clip: string, tier: number, json: string, appDir?: string): CliRun {
  const env = appDir ? { ...process.env, QROUTER_APP_DIR: appDir } : process.env;
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cli, 'analyze', clip, '--tier', String(tier), '--json', json, '-q'], { encoding: 'utf8', cwd: ROOT, env });
  const wall = performance.now() - t0;
  const code = r.status ?? -1;
  if (code !== 0) {
    console.log(`cli: exit ${r.status}: ${(r.stderr || r.stdout).trim().slice(0, 200)}`);
    return { wall, startup: NaN, analysis: NaN, total: NaN, code };
  }
  // The summary's "time  start-up N ms (browser + page), analysis N ms, total N ms" line.
  const split = /start-up (\d+) ms.*analysis (\d+) ms/.exec(r.stdout);
  const total = (JSON.parse(readFileSync(json, 'utf8')) as { timings: { totalMs: number } }).timings.totalMs;
  return { wall, startup: split ? Number(split[1]) : NaN, analysis: split ? Number(split[2]) : NaN, total, code };
}

/** Alternating cold runs of several builds; prints medians and paired ratios per tier. */
function pairBuilds(cli: string, clip: string, tiers: number[], runs: number, builds: string[], json: string): void {
  for (const tier of tiers) {
    const got: CliRun[][] = builds.map(() => []);
    const loads: number[] = [];
    for (let r = 0; r < runs; r++) {
      const order = r % 2 ? [...builds.keys()].reverse() : [...builds.keys()];
      for (const i of order) got[i]!.push(runCli(cli, clip, tier, json, builds[i]));
      loads.push(loadavg()[0]!);
    }
    for (const key of ['wall', 'startup', 'analysis', 'total'] as const) {
      const medians = builds.map((b, i) => `${b} ${median(got[i]!.map((x) => x[key])).toFixed(0)}`).join(', ');
      const ratios = builds.slice(1).map((b, j) => `${b} ${median(got[j + 1]!.map((x, k) => x[key] / got[0]![k]![key])).toFixed(3)}`).join(', ');
      console.log(`cli pair: tier ${tier} ${key}: median ms ${medians}; paired ratio to ${builds[0]}: ${ratios}`);
    }
    console.log(`cli pair: tier ${tier}: load average ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)} over ${runs} rounds`);
  }
}

function main(): void {
  const runs = Number(argValue('runs', '3'));
  const tiers = (argValue('tiers', '0,1') ?? '').split(',').map(Number);
  const clip = argValue('clip', join(ROOT, 'bench/clips/synth-720.mp4'))!;
  const outFile = argValue('out', join(ROOT, 'bench/out/cli.json'))!;
  const builds = (argValue('builds', '') ?? '').split(',').filter(Boolean);
  const cli = join(ROOT, 'bin/qrouter.mjs');
  mkdirSync(dirname(outFile), { recursive: true });
  const json = join(ROOT, 'bench/out/cli-report.json');
  if (builds.length) {
    if (builds.length < 2) throw new Error('--builds needs two or more built app folders, comma-separated');
    pairBuilds(cli, clip, tiers, runs, builds, json);
    return;
  }
  if (!existsSync(cli)) {
    writeFileSync(outFile, JSON.stringify({ available: false, note: 'bin/qrouter.mjs is missing' }) + '\n');
    return;
  }
  const rows: CliRow[] = [];
  for (const tier of tiers) {
    const done = Array.from({ length: runs }, () => runCli(cli, clip, tier, json));
    const wall = done.map((d) => d.wall);
    const total = done.filter((d) => d.code === 0).map((d) => d.total);
    const codes = done.map((d) => d.code);
    rows.push({ tier, wallMs: wall, medianWallMs: median(wall), medianTotalMs: median(total), exitCodes: codes });
    console.log(`cli: tier ${tier}: median ${(median(wall) / 1000).toFixed(2)} s wall, analysis ${(median(total) / 1000).toFixed(2)} s (exit ${codes.join(',')})`);
  }
  writeFileSync(outFile, JSON.stringify({ available: true, clip: clip.replace(`${ROOT}/`, ''), runs, rows }, null, 2) + '\n');
}

main();
