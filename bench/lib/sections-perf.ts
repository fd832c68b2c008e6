/** RESULTS.md sections for speed, expert cost, memory and the CLI, each with its target rows. */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './app.ts';
import type { SpeedRow } from '../speed.ts';
import { EXPERTS } from '../../src/experts/registry.ts';
import { predictTier } from '../../src/pipeline/budget.ts';
import type { ExpertCost } from '../expert-cost.ts';
import type { MemoryRow } from '../memory.ts';
import type { CliRow } from '../cli-time.ts';
import { fmt } from './stats.ts';
import { table, verdict } from './md.ts';

/** One line of the targets table. */
export interface TargetRow {
  target: string;
  measured: string;
  ok?: boolean;
}

/** A rendered section and the targets it decides. */
export interface Section {
  md: string;
  targets: TargetRow[];
}

const s = (ms: number) => fmt(ms / 1000, 2);

/**
 * The budget model's prediction for a speed row: the one the benchmark stored, else made now from the
 * row (a 16:9 clip at 30 fps, the clip's file size, this machine's cores) for results written before it stored one.
 */
function predictionOf(r: SpeedRow): { ms: number; lowMs: number; stored: boolean } {
  if (r.predictedMs !== undefined) return { ms: r.predictedMs, lowMs: r.predictedLowMs ?? r.predictedMs, stored: true };
  const file = join(ROOT, 'bench/clips', r.clip);
  const bytes = existsSync(file) ? statSync(file).size : undefined;
  const video = { width: Math.round((r.height * 16) / 9), height: r.height, durationS: r.frames / 30, frameCount: r.frames, bytes };
  const p = predictTier(r.tier, video, EXPERTS, 'wasm', availableParallelism());
  return { ms: p.ms, lowMs: p.lowMs, stored: false };
}

/** Speed per tier and resolution. */
export function speedSection(d?: { runs: number; ffmpegRuns: number; chain: string; rows: SpeedRow[] }): Section {
  if (!d) return { md: '## Speed\n\nNot measured in this run.', targets: [] };
  const predictions = d.rows.map(predictionOf);
  const rows = d.rows.map((r, i) => [
    `${r.height}p${r.keyframeS ? `, key every ${r.keyframeS} s` : ''}`, r.tier, r.frames, s(r.cold.totalMs), s(r.totalMs), s(r.wallMs), s(r.decodeMs), fmt(r.ratioDecode, 2), s(r.ffmpegMs), fmt(r.ratioFfmpeg, 3), fmt(r.fps, 0),
    `${fmt(predictions[i]!.ms, 0)} (from ${fmt(predictions[i]!.lowMs, 0)})`, fmt(predictions[i]!.ms / r.totalMs, 2),
  ]);
  const at = (h: number, t: number) => d.rows.find((r) => r.height === h && r.tier === t && !r.keyframeS);
  const targets: TargetRow[] = [];
  const keyed = d.rows.find((r) => r.height === 720 && r.tier === 0 && r.keyframeS);
  targets.push({ target: 'tier 0 on an 8-s 720p clip with a keyframe every 2 s ≤ 0.5 s (warm median of total)', measured: keyed ? `${s(keyed.totalMs)} s (decode only ${s(keyed.decodeMs)} s)` : '–', ok: keyed ? keyed.totalMs <= 500 : undefined });
  const t0rows = d.rows.filter((r) => r.tier === 0);
  const worst0 = t0rows.reduce<SpeedRow | undefined>((w, r) => (!w || r.ratioDecode > w.ratioDecode ? r : w), undefined);
  targets.push({
    target: 'tier 0 below decode-only on every clip (tier 0 total / decode only < 1)',
    measured: worst0 ? t0rows.map((r) => `${r.clip} ${fmt(r.ratioDecode, 2)}`).join(', ') : '–',
    ok: worst0 ? worst0.ratioDecode < 1 : undefined,
  });
  for (const [tier, limit] of [[0, 1], [1, 2], [2, 8]] as const) {
    const r = at(720, tier);
    targets.push({ target: `8-s 720p, tier ${tier}, wasm, end to end ≤ ${limit} s (warm median of wall time around analyzeVideo)`, measured: r ? `${s(r.wallMs)} s (cold ${s(r.cold.wallMs)} s)` : '–', ok: r ? r.wallMs <= limit * 1000 : undefined });
  }
  const t1 = at(720, 1);
  targets.push({ target: 'analysis / decode ≤ 1.5 at tier 1 (720p)', measured: t1 ? fmt(t1.ratioDecode, 2) : '–', ok: t1 ? t1.ratioDecode <= 1.5 : undefined });
  targets.push({ target: `ours / native ffmpeg (${d.chain}) ≤ 0.1 (tier 1, 720p)`, measured: t1 ? fmt(t1.ratioFfmpeg, 3) : '–', ok: t1 && Number.isFinite(t1.ratioFfmpeg) ? t1.ratioFfmpeg <= 0.1 : undefined });
  const md = [
    '## Speed',
    '',
    `8-second synthetic clips (30 fps, H.264), production build in headless Chromium, wasm execution provider. Per repetition the same file is decoded (decode-only pass in the analysis worker, pixels copied), analysed at tiers 0, 1 and 2, and run through native ffmpeg \`-vf ${d.chain} -f null -\`. Each clip gets a fresh browser; its first repetition is the cold one (fresh worker, models fetched and compiled); the other columns are medians over ${d.runs} warm repetitions (ffmpeg in the first ${d.ffmpegRuns}); ratios are taken within one repetition, then the median. Times in seconds. "Predicted ms" is what \`--budget-ms\` predicts for the row before the analysis (\`src/pipeline/budget.ts\`, wasm${predictions.some((p) => !p.stored) ? ', made when this report was written, with this machine\'s cores' : ', the benchmark machine\'s cores'}): its point, which picks the tier, and in brackets the cheap end of its range (tier 0 on a file with keyframes, a route that keeps little); "predicted / total" compares the point with the warm median total.`,
    '',
    table(['clip', 'tier', 'frames', 'cold total', 'total', 'wall', 'decode only', 'analysis / decode', 'ffmpeg detectors', 'ours / ffmpeg', 'frames/s', 'predicted ms', 'predicted / total'], rows),
  ].join('\n');
  return { md, targets };
}

/** Cost per frame of every expert. */
export function costSection(d?: { batch: number; reps: number; size: string; clip: string; adapter: string; costs: ExpertCost[] }, metaCost?: Record<string, number>): Section {
  if (!d) return { md: '## Expert cost\n\nNot measured in this run.', targets: [] };
  const rows = d.costs.map((c) => [
    c.id, c.kind, fmt(c.wasmMs, 2), `${fmt(c.modelMs, 2)} / ${fmt(c.postMs, 2)}`, fmt(c.browser?.wasmMs, 2),
    c.browser?.webgpuMs !== undefined ? fmt(c.browser.webgpuMs, 1) : `failed: ${(c.browser?.webgpuNote ?? '–').replace(/\|/g, '/').slice(0, 70)}`, metaCost?.[c.id] ?? '–',
  ]);
  const tiny = d.costs.find((c) => c.browser?.webgpuSize)?.browser?.webgpuSize;
  const md = [
    '## Expert cost per frame',
    '',
    `Each expert's model built from source and run through onnxruntime-web (the app's library) on wasm, one thread, on a batch of ${d.batch} real ${d.size} frames from \`${d.clip}\` (median of ${d.reps} runs after a warm-up). "Node" includes the expert's post-processing; "browser" is the model alone in headless Chromium on a generated texture of the same size. WebGPU: ${d.adapter ? `adapter "${d.adapter}" — a CPU emulation (SwiftShader), so these are correctness-level timings on tiny inputs (${tiny ?? 'small'}: frames × width × height), second run, capped in time; not comparable with the wasm column and not a GPU figure` : 'no adapter in this browser'}. \`meta.json\` holds the Node wasm figure (rounded to 0.1 ms) after \`npx tsx bench/expert-cost.ts --write\`. ms per frame.`,
    '',
    table(['expert', 'kind', 'Node wasm 540p', 'model / post', 'browser wasm 540p', 'WebGPU (SwiftShader, tiny)', 'meta.json costPerFrameMs'], rows),
  ].join('\n');
  return { md, targets: [] };
}

/** Peak memory per video length. */
export function memorySection(d?: { capS: number; t1MaxMinutes: number; rows: MemoryRow[] }): Section {
  if (!d) return { md: '## Memory\n\nNot measured in this run.', targets: [] };
  const rows = d.rows.map((r) => [
    r.minutes, r.tier, fmt(r.baselineRssMiB), fmt(r.peakRssMiB), fmt(r.peakRssMiB - r.baselineRssMiB), fmt(r.peakPssMiB), fmt(r.peakPageHeapMiB, 1),
    r.error ? `stopped: ${r.error.replace(/\|/g, '/').slice(0, 80)}` : `${s(r.totalMs ?? NaN)} s, ${r.framesAnalyzed} frames`,
  ]);
  const t0 = d.rows.filter((r) => r.tier === 0).sort((a, b) => a.minutes - b.minutes);
  const first = t0[0];
  const last = t0[t0.length - 1];
  let target: TargetRow = { target: 'peak memory flat from 1 to 60 min (tier 0: peak RSS grows ≤ 20 %)', measured: '–' };
  if (first && last && last !== first) {
    const growth = last.peakRssMiB / first.peakRssMiB - 1;
    const partial = last.error ? ` (the ${last.minutes}-min run was stopped at the time cap: peak so far)` : '';
    target = {
      target: `peak memory flat from ${first.minutes} to ${last.minutes} min (tier 0: peak RSS grows ≤ 20 %)`,
      measured: `${fmt(first.peakRssMiB)} → ${fmt(last.peakRssMiB)} MiB (${growth >= 0 ? '+' : ''}${fmt(growth * 100, 0)} %)${partial}`,
      ok: growth <= 0.2 && last.minutes >= 60 ? true : growth <= 0.2 ? undefined : false,
    };
  }
  const md = [
    '## Memory',
    '',
    `360p clips of 1, 10 and 60 minutes (the 10- and 60-minute clips are stream-copied repeats of the 1-minute one), each analysed in a fresh browser; the video is a disk-backed File picked through an \`<input type=file>\`, as a person would. Memory is the sum over Chromium's process tree read from /proc every 200 ms: RSS (shared pages counted in every process) and PSS (shared pages split). "Idle" is the browser with the app loaded, before the analysis. Page heap is the main thread's JS heap (CDP Performance.getMetrics; the analysis worker is not included). Tier 1 runs only up to ${d.t1MaxMinutes} min; every run is capped at ${d.capS} s. MiB.`,
    '',
    table(['minutes', 'tier', 'idle RSS', 'peak RSS', 'peak − idle', 'peak PSS', 'page heap', 'analysis'], rows),
    '',
    `RSS over time (one value a second) is in \`bench/out/memory.json\`.`,
  ].join('\n');
  return { md, targets: [target] };
}

/** CLI wall time. */
export function cliSection(d?: { available: boolean; note?: string; clip?: string; runs?: number; rows?: CliRow[] }): Section {
  if (!d) return { md: '## CLI\n\nNot measured in this run.', targets: [] };
  if (!d.available || !d.rows) return { md: `## CLI\n\n${d.note ?? 'The CLI is not available.'}`, targets: [] };
  const rows = d.rows.map((r) => [r.tier, s(r.medianWallMs), s(r.medianTotalMs), s(r.medianWallMs - r.medianTotalMs), r.exitCodes.join(', ')]);
  return {
    md: [
      '## CLI',
      '',
      `\`npx qrouter analyze ${d.clip} --tier T --json <file> -q\`, wall time of the whole process (Node start, static server, Chromium launch, page load, one cold analysis, exit), median of ${d.runs}. Seconds.`,
      '',
      table(['tier', 'wall', 'analysis (report)', 'everything else', 'exit codes'], rows),
    ].join('\n'),
    targets: [],
  };
}

export { verdict };
