/**
 * Runs the real engine (the built app in headless Chromium) at tier 1 on every calibration clip and
 * stores each clip's per-expert qualities in bench/out/calibration-evidence.json for the fusion fit.
 *
 *   npm run build && npx tsx bench/calibrate/collect.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeTimed, openBenchApp, ROOT } from '../lib/app.ts';
import type { CalibrationClip } from './make-clips.ts';

/** One clip's evidence: its place in the ladders and what every expert said. */
export interface ClipEvidence extends CalibrationClip {
  /** Expert id → quality 0..100. */
  qualities: Record<string, number>;
  /** Expert id → raw value. */
  raws: Record<string, number>;
  score: number;
}

const dir = join(ROOT, 'bench/clips/calibration');
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as CalibrationClip[];
const app = await openBenchApp();
const evidence: ClipEvidence[] = [];
try {
  for (const clip of index) {
    const { report } = await analyzeTimed(app, join(dir, clip.file), 1, 120_000);
    const qualities: Record<string, number> = {};
    const raws: Record<string, number> = {};
    for (const e of report.experts) {
      qualities[e.id] = e.score;
      raws[e.id] = e.raw;
    }
    evidence.push({ ...clip, qualities, raws, score: report.score });
    console.log(`${clip.file.padEnd(28)} ${String(report.score).padStart(5)}`);
  }
} finally {
  await app.close();
}
mkdirSync(join(ROOT, 'bench/out'), { recursive: true });
writeFileSync(join(ROOT, 'bench/out/calibration-evidence.json'), JSON.stringify(evidence, null, 1) + '\n');
