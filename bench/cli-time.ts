/**
 * CLI wall time: `node bin/qrouter.mjs analyze <clip> --tier T --json <file> -q` end to end (browser
 * start-up included), N times per tier on the 720p clip, with the start-up and analysis split the
 * CLI's own summary reports when it prints one.
 *
 *   npx tsx bench/cli-time.ts [--runs 3] [--tiers 0,1] [--clip bench/clips/synth-720.mp4]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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

function main(): void {
  const runs = Number(argValue('runs', '3'));
  const tiers = (argValue('tiers', '0,1') ?? '').split(',').map(Number);
  const clip = argValue('clip', join(ROOT, 'bench/clips/synth-720.mp4'))!;
  const outFile = argValue('out', join(ROOT, 'bench/out/cli.json'))!;
  const cli = join(ROOT, 'bin/qrouter.mjs');
  mkdirSync(dirname(outFile), { recursive: true });
  if (!existsSync(cli)) {
    writeFileSync(outFile, JSON.stringify({ available: false, note: 'bin/qrouter.mjs is missing' }) + '\n');
    return;
  }
  const json = join(ROOT, 'bench/out/cli-report.json');
  const rows: CliRow[] = [];
  for (const tier of tiers) {
    const wall: number[] = [];
    const total: number[] = [];
    const codes: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [cli, 'analyze', clip, '--tier', String(tier), '--json', json, '-q'], { encoding: 'utf8', cwd: ROOT });
      wall.push(performance.now() - t0);
      codes.push(r.status ?? -1);
      if (r.status === 0) total.push((JSON.parse(readFileSync(json, 'utf8')) as { timings: { totalMs: number } }).timings.totalMs);
      else console.log(`cli: exit ${r.status}: ${(r.stderr || r.stdout).trim().slice(0, 200)}`);
    }
    rows.push({ tier, wallMs: wall, medianWallMs: median(wall), medianTotalMs: median(total), exitCodes: codes });
    console.log(`cli: tier ${tier}: median ${(median(wall) / 1000).toFixed(2)} s wall, analysis ${(median(total) / 1000).toFixed(2)} s (exit ${codes.join(',')})`);
  }
  writeFileSync(outFile, JSON.stringify({ available: true, clip: clip.replace(`${ROOT}/`, ''), runs, rows }, null, 2) + '\n');
}

main();
