/**
 * Fits the fusion weights on the calibration evidence (bench/calibrate/collect.ts) and writes them to
 * src/fusion/weights.json with how well they do, including leave-one-source-out figures.
 *
 * Target: each clip's place on its ladder, 90 for pristine down to 10 for the most severe level.
 * The fit minimises squared error of the fused score (the same `fuse` the engine uses) plus a pull
 * toward the prior weights, by coordinate descent over a 0.05 grid. Experts the ladders never
 * exercise (temporal ones) stay at their prior.
 *
 *   npx tsx bench/calibrate/fit.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPERTS } from '../../src/experts/registry.ts';
import { fuse } from '../../src/fusion/fuse.ts';
import { priorWeight } from '../../src/fusion/weights.ts';
import { spearman } from '../../src/testing/media.ts';
import { ROOT } from '../lib/app.ts';
import type { ClipEvidence } from './collect.ts';

const LAMBDA = 30;
const GRID = Array.from({ length: 21 }, (_, i) => i / 20);

const evidence = JSON.parse(readFileSync(join(ROOT, 'bench/out/calibration-evidence.json'), 'utf8')) as ClipEvidence[];
const ids = EXPERTS.map((e) => e.id);
const prior = Object.fromEntries(EXPERTS.map((e) => [e.id, priorWeight(e)]));

const target = (c: ClipEvidence) => 90 - 20 * c.level;
const fused = (c: ClipEvidence, w: Record<string, number>) => fuse(ids.map((id) => ({ quality: c.qualities[id] ?? Number.NaN, weight: w[id] ?? 0 })));

function loss(clips: ClipEvidence[], w: Record<string, number>): number {
  let s = 0;
  for (const c of clips) s += (fused(c, w) - target(c)) ** 2;
  let reg = 0;
  for (const id of ids) reg += (w[id]! - prior[id]!) ** 2;
  return s / clips.length + LAMBDA * reg;
}

function fit(clips: ClipEvidence[]): Record<string, number> {
  const w = { ...prior };
  for (let sweep = 0; sweep < 8; sweep++) {
    let changed = false;
    for (const id of ids) {
      let best = w[id]!;
      let bestLoss = loss(clips, w);
      for (const g of GRID) {
        w[id] = g;
        const l = loss(clips, w);
        if (l < bestLoss - 1e-9) {
          bestLoss = l;
          best = g;
        }
      }
      if (best !== w[id]) changed = true;
      w[id] = best;
    }
    if (!changed) break;
  }
  return w;
}

/** Mean within-ladder Spearman (source × ladder, pristine included as level 0), and RMSE to target. */
function quality(clips: ClipEvidence[], w: Record<string, number>): { ladderSpearman: number; rmse: number; srcc: number } {
  const groups = new Map<string, ClipEvidence[]>();
  for (const c of clips) {
    const ladders = c.ladder === 'pristine' ? ['blur', 'crf', 'noise', 'scale'] : [c.ladder];
    for (const l of ladders) groups.set(`${c.source}/${l}`, [...(groups.get(`${c.source}/${l}`) ?? []), c]);
  }
  const rhos = [...groups.values()].map((g) => spearman(g.map((c) => c.level), g.map((c) => -fused(c, w))));
  const rmse = Math.sqrt(clips.reduce((s, c) => s + (fused(c, w) - target(c)) ** 2, 0) / clips.length);
  const srcc = spearman(clips.map(target), clips.map((c) => fused(c, w)));
  return { ladderSpearman: rhos.reduce((s, r) => s + r, 0) / rhos.length, rmse, srcc };
}

const weights = fit(evidence);
const sources = [...new Set(evidence.map((c) => c.source))];
const held = sources.map((s) => {
  const w = fit(evidence.filter((c) => c.source !== s));
  return quality(evidence.filter((c) => c.source === s), w);
});
const mean = (k: 'ladderSpearman' | 'rmse' | 'srcc') => held.reduce((a, q) => a + q[k], 0) / held.length;
const round = (v: number) => Math.round(v * 1000) / 1000;
const result = {
  description: 'Fusion weights fitted by bench/calibrate/fit.ts on bench/clips/calibration (blur, CRF, noise, rescale ladders).',
  clips: evidence.length,
  sources: sources.length,
  weights: Object.fromEntries(ids.map((id) => [id, weights[id]])),
  prior: quality(evidence, prior),
  fitted: quality(evidence, weights),
  leaveOneSourceOut: { ladderSpearman: round(mean('ladderSpearman')), rmse: round(mean('rmse')), srcc: round(mean('srcc')) },
};
for (const k of ['prior', 'fitted'] as const) for (const m of ['ladderSpearman', 'rmse', 'srcc'] as const) result[k][m] = round(result[k][m]);
writeFileSync(join(ROOT, 'src/fusion/weights.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
