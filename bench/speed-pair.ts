/**
 * Speed of two or more builds compared run by run: one page per build (each its own browser and
 * server) open side by side, and warm analyses of the same clip alternated between them (the order
 * reversed every round), so that each pair of runs meets the same load. On a shared machine whose load
 * moves the wall time by a factor of two, the paired ratio is steadier than medians taken minutes apart.
 *
 *   npx tsx bench/speed-pair.ts --builds /tmp/dist-a,/tmp/dist-b [--clips synth-360,synth-720-g60]
 *                               [--tier 0] [--rounds 10]
 *
 * Prints, per clip, each build's median report.timings.totalMs and the median over rounds of each
 * build's time divided by the first build's in the same round; then the same for the CPU time of the
 * browsers' process trees during each run (the other page idles meanwhile), which the load moves less.
 */
import { join } from 'node:path';
import type { Tier } from '../src/report/types.ts';
import { analyzeTimed, openBenchApp, ROOT, type BenchApp } from './lib/app.ts';
import { argValue, median } from './lib/stats.ts';
import { treeCpuMs } from './lib/tree-cpu.ts';

async function main(): Promise<void> {
  const builds = (argValue('builds', '') ?? '').split(',').filter(Boolean);
  if (builds.length < 2) throw new Error('--builds needs two or more built app folders, comma-separated');
  const clips = (argValue('clips', 'synth-360,synth-720-g60') ?? '').split(',').filter(Boolean);
  const tier = Number(argValue('tier', '0')) as Tier;
  const rounds = Number(argValue('rounds', '10'));
  const apps: BenchApp[] = [];
  try {
    for (const dir of builds) apps.push(await openBenchApp(dir));
    for (const clip of clips) {
      const file = join(ROOT, 'bench/clips', `${clip}.mp4`);
      // Two runs each first: the cold one (models, wasm) and one more, so every measured run is warm.
      for (const app of apps) for (let k = 0; k < 2; k++) await analyzeTimed(app, file, tier);
      const ms: number[][] = builds.map(() => []);
      const cpu: number[][] = builds.map(() => []);
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 ? [...apps.keys()].reverse() : [...apps.keys()];
        for (const i of order) {
          const c0 = treeCpuMs();
          ms[i]!.push((await analyzeTimed(apps[i]!, file, tier)).report.timings.totalMs);
          cpu[i]!.push(treeCpuMs() - c0);
        }
      }
      const line = (what: string, xs: number[][]) => {
        const medians = builds.map((b, i) => `${b} ${median(xs[i]!).toFixed(0)} ms`).join(', ');
        const ratios = builds.slice(1).map((b, i) => `${b} ${median(xs[i + 1]!.map((t, k) => t / xs[0]![k]!)).toFixed(3)}`).join(', ');
        console.log(`speed-pair: ${clip} tier ${tier} ${what}: median ${medians}; paired ratio to ${builds[0]}: ${ratios}`);
      };
      line('total', ms);
      line('CPU', cpu);
    }
  } finally {
    for (const app of apps) await app.close();
  }
}

await main();
