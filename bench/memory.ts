/**
 * Memory per video length: peak memory of the whole browser (RSS and PSS summed over Chromium's
 * process tree, sampled every 200 ms) while analysing 1-, 10- and 60-minute 360p clips at tiers 0 and
 * 1, each in a fresh browser, with the idle baseline measured after the page loads. Runs past the
 * time cap are stopped and reported as such (their peak so far still counts).
 *
 *   npx tsx bench/memory.ts [--lengths 1,10,60] [--tiers 0,1] [--cap-s 420] [--t1-max-min 10]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Tier } from '../src/report/types.ts';
import { analyzeTimed, openBenchApp, ROOT } from './lib/app.ts';
import { descendants, memoryOf, sampleMemory } from './lib/rss.ts';
import { argValue } from './lib/stats.ts';

/** One measured (length, tier). */
export interface MemoryRow {
  minutes: number;
  tier: Tier;
  baselineRssMiB: number;
  peakRssMiB: number;
  peakPssMiB: number;
  /** Peak of the page's main-thread JS heap (CDP Performance.getMetrics), MiB. */
  peakPageHeapMiB: number;
  totalMs?: number;
  framesAnalyzed?: number;
  /** Set when the run failed or hit the time cap. */
  error?: string;
  /** RSS over time, one point a second (MiB). */
  trace: number[];
}

async function measure(file: string, minutes: number, tier: Tier, capMs: number): Promise<MemoryRow> {
  const app = await openBenchApp();
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const baseline = memoryOf(descendants()).rssMiB;
    const cdp = await app.page.context().newCDPSession(app.page);
    await cdp.send('Performance.enable');
    let peakHeap = 0;
    const heapTimer = setInterval(() => {
      cdp
        .send('Performance.getMetrics')
        .then((m) => (peakHeap = Math.max(peakHeap, (m.metrics.find((x) => x.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20)))
        .catch(() => undefined);
    }, 1000);
    const sampler = sampleMemory(200);
    let result: { totalMs?: number; framesAnalyzed?: number; error?: string } = {};
    try {
      const { report } = await analyzeTimed(app, file, tier, capMs);
      result = { totalMs: report.timings.totalMs, framesAnalyzed: report.timings.framesAnalyzed };
    } catch (err) {
      result = { error: String(err instanceof Error ? err.message : err).slice(0, 200) };
    }
    clearInterval(heapTimer);
    const mem = sampler.stop();
    const trace = mem.samples.filter((_, i) => i % 5 === 0).map((s) => Math.round(s.rssMiB));
    return { minutes, tier, baselineRssMiB: baseline, peakRssMiB: mem.peakRssMiB, peakPssMiB: mem.peakPssMiB, peakPageHeapMiB: peakHeap, ...result, trace };
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  const lengths = (argValue('lengths', '1,10,60') ?? '').split(',').map(Number);
  const tiers = (argValue('tiers', '0,1') ?? '').split(',').map(Number) as Tier[];
  const capS = Number(argValue('cap-s', '420'));
  const t1Max = Number(argValue('t1-max-min', '10'));
  const outFile = argValue('out', join(ROOT, 'bench/out/memory.json'))!;
  const rows: MemoryRow[] = [];
  for (const minutes of lengths) {
    const file = join(ROOT, `bench/clips/long-${minutes}m.mp4`);
    if (!existsSync(file)) {
      console.log(`memory: ${file} is missing (run bench/make-clips.sh), skipped`);
      continue;
    }
    for (const tier of tiers) {
      if (tier > 0 && minutes > t1Max) continue;
      const row = await measure(file, minutes, tier, capS * 1000);
      rows.push(row);
      console.log(
        `memory: ${minutes} min tier ${tier}: peak RSS ${row.peakRssMiB.toFixed(0)} MiB (idle ${row.baselineRssMiB.toFixed(0)}), ` +
          `PSS ${row.peakPssMiB.toFixed(0)}, page heap ${row.peakPageHeapMiB.toFixed(0)} MiB, ` +
          (row.error ? `stopped: ${row.error}` : `${((row.totalMs ?? 0) / 1000).toFixed(1)} s`),
      );
    }
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ capS, t1MaxMinutes: t1Max, rows }, null, 2) + '\n');
  console.log(`memory: wrote ${outFile}`);
}

await main();
