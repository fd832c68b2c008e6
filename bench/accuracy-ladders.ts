/**
 * Ladder accuracy through the real engine: every clip of bench/clips/ladder/ analysed at tier 1 in
 * the production build, beside peers on the very same clips (ffmpeg blockdetect and blurdetect on
 * every 4th frame, OpenCV BRISQUE on every 24th frame). For each (source, ladder) it gives the
 * Spearman correlation between each measure and the known order of distortion, signed so that
 * +1 means the measure ranks the clips exactly from least to most distorted.
 *
 *   npx tsx bench/accuracy-ladders.ts [--tier 1] [--out bench/out/accuracy-ladders.json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Tier } from '../src/report/types.ts';
import { spearman } from '../src/testing/media.ts';
import type { LadderClip } from './make-ladder-clips.ts';
import { analyzeTimed, openBenchApp, ROOT } from './lib/app.ts';
import { nativeMetrics } from './lib/native.ts';
import { argValue } from './lib/stats.ts';

const PARAMS = join(ROOT, '../shared/data/iqa-params');

/** Values of every measure on one clip; `lowerIsBetter` measures are negated before ranking. */
interface ClipValues {
  clip: LadderClip;
  values: Record<string, number>;
}

/** Measures, how they are labelled, and whether a larger value means worse quality. */
const MEASURES: Record<string, { label: string; lowerIsBetter: boolean; peer: boolean }> = {
  fused: { label: 'ours: fused score', lowerIsBetter: false, peer: false },
  'ffmpeg.blockdetect': { label: 'ffmpeg blockdetect', lowerIsBetter: true, peer: true },
  'ffmpeg.blurdetect': { label: 'ffmpeg blurdetect', lowerIsBetter: true, peer: true },
  'opencv.brisque': { label: 'OpenCV BRISQUE', lowerIsBetter: true, peer: true },
};

function brisque(files: string[]): Record<string, number> | string {
  const model = join(PARAMS, 'brisque_model_live.yml');
  const range = join(PARAMS, 'brisque_range_live.yml');
  if (!existsSync(model) || !existsSync(range)) return `BRISQUE parameters missing in ${PARAMS}`;
  try {
    return JSON.parse(execFileSync('/usr/bin/python3', [join(ROOT, 'bench/peers/brisque.py'), model, range, '24', ...files], { encoding: 'utf8' })) as Record<string, number>;
  } catch (err) {
    return `OpenCV BRISQUE unavailable: ${String((err as { stderr?: string }).stderr ?? err).trim().slice(0, 160)}`;
  }
}

async function main(): Promise<void> {
  const tier = Number(argValue('tier', '1')) as Tier;
  const outFile = argValue('out', join(ROOT, 'bench/out/accuracy-ladders.json'))!;
  const dir = join(ROOT, 'bench/clips/ladder');
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as LadderClip[];
  const results: ClipValues[] = index.map((clip) => ({ clip, values: {} }));
  const app = await openBenchApp();
  try {
    for (const r of results) {
      const { report } = await analyzeTimed(app, join(dir, r.clip.file), tier);
      r.values.fused = report.score;
      for (const e of report.experts) r.values[`expert.${e.id}`] = e.score;
      console.log(`ladders: ${r.clip.file} score ${report.score.toFixed(1)}`);
    }
  } finally {
    await app.close();
  }
  for (const r of results) {
    const m = await nativeMetrics(join(dir, r.clip.file), 4);
    r.values['ffmpeg.blockdetect'] = m.block;
    r.values['ffmpeg.blurdetect'] = m.blur;
  }
  const b = brisque(results.map((r) => join(dir, r.clip.file)));
  const notes: string[] = [];
  if (typeof b === 'string') notes.push(b);
  else for (const r of results) r.values['opencv.brisque'] = b[join(dir, r.clip.file)]!;

  const groups = new Map<string, ClipValues[]>();
  for (const r of results) {
    const key = `${r.clip.source}|${r.clip.ladder}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const rows = [...groups.entries()].map(([key, clips]) => {
    const [source, ladder] = key.split('|') as [string, string];
    const quality = clips.map((c) => -c.clip.level);
    const names = [...new Set(clips.flatMap((c) => Object.keys(c.values)))].filter((n) => clips.every((c) => Number.isFinite(c.values[n])));
    const rho: Record<string, number> = {};
    for (const n of names) {
      const sign = MEASURES[n]?.lowerIsBetter ? -1 : 1;
      rho[n] = spearman(clips.map((c) => sign * c.values[n]!), quality);
    }
    return { source, ladder, params: clips.map((c) => c.clip.param), values: Object.fromEntries(names.map((n) => [n, clips.map((c) => c.values[n]!)])), spearman: rho };
  });
  for (const r of rows) console.log(`ladders: ${r.source} ${r.ladder}: ` + Object.entries(r.spearman).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', '));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ tier, measures: MEASURES, notes, rows }, null, 2) + '\n');
  console.log(`ladders: wrote ${outFile}`);
}

await main();
