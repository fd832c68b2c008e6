/**
 * Speed: per tier (0, 1, 2) and resolution (360p, 720p, 1080p 8-s clips), in the production build in
 * headless Chromium, a fresh browser per clip (and at 720p the same clip with a keyframe every 2 s, on
 * which tier 0's glance decodes only short bursts). Each repetition measures, back to back on the same file: a decode-only pass
 * (same worker and decoder, pixels copied), the analysis at each tier (report.timings.totalMs and the
 * wall time around analyzeVideo), and native ffmpeg running the detector chain. The first repetition
 * is the cold one (fresh worker, models loaded, wasm compiled) and is reported apart; medians are
 * over the N warm repetitions, and ratios are taken within one repetition before the median.
 *
 *   npx tsx bench/speed.ts [--runs N] [--res 360,720,1080] [--tiers 0,1,2] [--clips synth-720-g60,...]
 *                          [--ffmpeg-runs M] [--out bench/out/speed.json]
 *
 * `--tiers` and `--clips` (file names without .mp4) measure a part only, for a quick before/after;
 * `--clips` may also name another clip of bench/clips (e.g. cup-720).
 * Each run also records the CPU time of the browser's processes (decoding pass and analysis apart),
 * which a shared machine's load changes far less than the wall time. Each row also holds what
 * `--budget-ms` would have predicted for it (`src/pipeline/budget.ts`, this machine's cores), printed
 * against the measured warm total.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { EXPERTS } from '../src/experts/registry.ts';
import { predictTier } from '../src/pipeline/budget.ts';
import type { ReportInput, Tier } from '../src/report/types.ts';
import { analyzeTimed, decodeTimed, openBenchApp, ROOT } from './lib/app.ts';
import { ffmpegFilter, NATIVE_CHAIN } from './lib/native.ts';
import { treeCpuMs } from './lib/tree-cpu.ts';
import { argValue, median } from './lib/stats.ts';

/** One measured repetition of one (clip, tier). */
export interface SpeedRun {
  totalMs: number;
  wallMs: number;
  decodeMs: number;
  framesAnalyzed: number;
  ffmpegMs?: number;
  /**
   * CPU time (user + system, ms) of this process's descendants (the browser, its renderer with the
   * workers, and the decoder's threads) during the analysis, and during the decode-only pass before
   * it: on a shared machine the wall time follows the load, the work done much less.
   */
  cpuMs?: number;
  decodeCpuMs?: number;
}

/** Medians and the cold run of one (clip, tier). */
export interface SpeedRow {
  clip: string;
  height: number;
  /** Seconds between keyframes when the clip was made with fixed ones (else one group of pictures). */
  keyframeS?: number;
  tier: Tier;
  frames: number;
  cold: SpeedRun;
  runs: SpeedRun[];
  totalMs: number;
  wallMs: number;
  decodeMs: number;
  /** Median over runs of totalMs / decodeMs of the same repetition. */
  ratioDecode: number;
  /** Medians over runs of the CPU times of `SpeedRun`. */
  cpuMs: number;
  decodeCpuMs: number;
  /** Median over runs of totalMs / ffmpegMs of the same repetition (runs with an ffmpeg time). */
  ratioFfmpeg: number;
  ffmpegMs: number;
  /** Video frames per second of analysis time (frame count / totalMs). */
  fps: number;
  /** The budget model's prediction of the total before the analysis (wasm, `cores` cores), ms: its point and its cheap end. */
  predictedMs?: number;
  predictedLowMs?: number;
  cores?: number;
}

/** What `--budget-ms` predicts for a video at a tier on this machine (wasm, as the benchmark runs). */
function predictedFor(tier: Tier, input: Pick<ReportInput, 'width' | 'height' | 'durationS' | 'frameCount' | 'bytes'>, cores: number): { predictedMs: number; predictedLowMs: number; cores: number } {
  const p = predictTier(tier, input, EXPERTS, 'wasm', cores);
  return { predictedMs: p.ms, predictedLowMs: p.lowMs, cores };
}

async function main(): Promise<void> {
  const tiers = (argValue('tiers', '0,1,2') ?? '').split(',').map((t) => Number(t) as Tier);
  const only = argValue('clips', '')?.split(',').filter(Boolean);
  const runs = Number(argValue('runs', '3'));
  const ffmpegRuns = Number(argValue('ffmpeg-runs', '2'));
  const heights = (argValue('res', '360,720,1080') ?? '').split(',').map(Number);
  // Each size's clip (one group of pictures), and at 720p the same clip with a keyframe every 2 s.
  const clips = heights.flatMap((height) => [
    { clip: `synth-${height}.mp4`, height, keyframeS: undefined as number | undefined },
    ...(height === 720 ? [{ clip: 'synth-720-g60.mp4', height, keyframeS: 2 }] : []),
  ]).filter(({ clip }) => !only?.length || only.includes(clip.replace(/\.mp4$/, '')));
  // Any other clip of bench/clips named in --clips (real footage, to check the budget model on), its height from the report.
  for (const name of only ?? []) if (!clips.some((c) => c.clip === `${name}.mp4`)) clips.push({ clip: `${name}.mp4`, height: 0, keyframeS: undefined });
  const outFile = argValue('out', join(ROOT, 'bench/out/speed.json'))!;
  const rows: SpeedRow[] = [];
  for (const { clip, height, keyframeS } of clips) {
    // A fresh browser per clip, so that its first repetition is truly cold.
    const app = await openBenchApp();
    try {
      const file = join(ROOT, 'bench/clips', clip);
      const perTier = new Map<Tier, SpeedRun[]>(tiers.map((t) => [t, []]));
      let frames = 0;
      let input: ReportInput | undefined;
      for (let rep = 0; rep <= runs; rep++) {
        const c0 = treeCpuMs();
        const decode = await decodeTimed(app, file, true);
        const decodeCpuMs = treeCpuMs() - c0;
        frames = decode.frames;
        const ffmpegMs = rep > 0 && rep <= ffmpegRuns ? (await ffmpegFilter(file, NATIVE_CHAIN)).ms : undefined;
        for (const tier of tiers) {
          const c1 = treeCpuMs();
          const { report, wallMs } = await analyzeTimed(app, file, tier);
          const cpuMs = treeCpuMs() - c1;
          input = report.input;
          const run: SpeedRun = { totalMs: report.timings.totalMs, wallMs, decodeMs: decode.ms, framesAnalyzed: report.timings.framesAnalyzed, ffmpegMs, cpuMs, decodeCpuMs };
          perTier.get(tier)!.push(run);
          console.log(
            `speed: ${clip} tier ${tier} ${rep === 0 ? 'cold' : `run ${rep}`}: ${run.totalMs.toFixed(0)} ms (wall ${wallMs.toFixed(0)}, CPU ${cpuMs.toFixed(0)}), decode ${decode.ms.toFixed(0)} ms (CPU ${decodeCpuMs.toFixed(0)})` +
              (ffmpegMs ? `, ffmpeg ${ffmpegMs.toFixed(0)} ms` : ''),
          );
        }
      }
      const cores = availableParallelism();
      for (const tier of tiers) {
        const [cold, ...warm] = perTier.get(tier)!;
        const predicted = input ? predictedFor(tier, input, cores) : undefined;
        const totalMs = median(warm.map((r) => r.totalMs));
        if (predicted) console.log(`speed: ${clip} tier ${tier}: predicted ${predicted.predictedMs.toFixed(0)} ms (${predicted.predictedLowMs.toFixed(0)}–${predicted.predictedMs.toFixed(0)}, ${cores} cores), measured ${totalMs.toFixed(0)} ms: predicted / measured ${(predicted.predictedMs / totalMs).toFixed(2)}`);
        const withFf = warm.filter((r) => r.ffmpegMs);
        rows.push({
          clip,
          height: height || (input?.height ?? 0),
          keyframeS,
          tier,
          frames,
          cold: cold!,
          runs: warm,
          totalMs: median(warm.map((r) => r.totalMs)),
          wallMs: median(warm.map((r) => r.wallMs)),
          decodeMs: median(warm.map((r) => r.decodeMs)),
          ratioDecode: median(warm.map((r) => r.totalMs / r.decodeMs)),
          cpuMs: median(warm.map((r) => r.cpuMs ?? Number.NaN)),
          decodeCpuMs: median(warm.map((r) => r.decodeCpuMs ?? Number.NaN)),
          ratioFfmpeg: median(withFf.map((r) => r.totalMs / r.ffmpegMs!)),
          ffmpegMs: median(withFf.map((r) => r.ffmpegMs!)),
          fps: frames / (median(warm.map((r) => r.totalMs)) / 1000),
          ...predicted,
        });
      }
    } finally {
      await app.close();
    }
  }
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ runs, ffmpegRuns, chain: NATIVE_CHAIN, rows }, null, 2) + '\n');
  console.log(`speed: wrote ${outFile}`);
}

await main();
