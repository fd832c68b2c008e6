/**
 * Fits the fusion weights on the calibration evidence (bench/calibrate/collect.ts) and writes them to
 * src/fusion/weights.json with how well they do, including leave-one-source-out figures.
 *
 * Target: each clip's place on its ladder, 90 for pristine down to 10 for the most severe level.
 * The fit minimises squared error of the fused score (the same `fuse` the engine uses), plus a
 * squared hinge on every step down a ladder that does not lower the score by a few points, plus a
 * pull toward the prior weights and toward zero tolerance, by coordinate descent over 0.05 grids. Experts the ladders never
 * exercise (temporal ones) stay at their prior.
 *
 *   npx tsx bench/calibrate/fit.ts
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { fuse } from '../../src/fusion/fuse.ts';
import { normalizeScore } from '../../src/fusion/normalize.ts';
import { priorWeight } from '../../src/fusion/weights.ts';
import { spearman } from '../../src/testing/media.ts';
import { ROOT } from '../lib/app.ts';
import type { ClipEvidence } from './collect.ts';

const LAMBDA = 30;
const GRID = Array.from({ length: 21 }, (_, i) => i / 20);
const TAU_GRID = Array.from({ length: 13 }, (_, i) => i / 20);
const TAU_LAMBDA = 10;
/** Points each ladder step should cost, and how much ordering counts against absolute error. */
const MARGIN = 3;
const ORDER_WEIGHT = 2;

const collected = JSON.parse(readFileSync(join(ROOT, 'bench/out/calibration-evidence.json'), 'utf8')) as ClipEvidence[];
// The registry uses import.meta.glob (a bundler feature), so read the metadata files directly.
const expertsDir = join(ROOT, 'src/experts');
const EXPERTS: ExpertMeta[] = readdirSync(expertsDir)
  .filter((d) => existsSync(join(expertsDir, d, 'meta.json')))
  .map((d) => JSON.parse(readFileSync(join(expertsDir, d, 'meta.json'), 'utf8')) as ExpertMeta);
const ids = EXPERTS.map((e) => e.id);
// Qualities are recomputed from the raw values with the current metadata, so a change of an
// expert's range is fitted without collecting again.
const metaOf = new Map(EXPERTS.map((e) => [e.id, e]));
const evidence: ClipEvidence[] = collected.map((c) => ({
  ...c,
  qualities: Object.fromEntries(Object.entries(c.raws).map(([id, raw]) => [id, metaOf.has(id) ? normalizeScore(metaOf.get(id)!, raw) : Number.NaN])),
}));
const prior = Object.fromEntries(EXPERTS.map((e) => [e.id, priorWeight(e)]));

/**
 * Experts the ladders exercise, or that speak to overall quality (no artifact type): only these are
 * fitted. The others (temporal artifacts, interlacing, banding) would only be fitted to their false
 * alarms on these clips, so they keep their prior.
 */
const COVERED = new Set(['blur', 'blocking', 'noise', 'overexposure', 'underexposure']);
const fitted = new Set(EXPERTS.filter((e) => !e.artifact || COVERED.has(e.artifact)).map((e) => e.id));

const target = (c: ClipEvidence) => 90 - 20 * c.level;
/** Weights and tolerances per expert id. */
interface Params {
  w: Record<string, number>;
  tau: Record<string, number>;
}

const fused = (c: ClipEvidence, p: Params) =>
  fuse(ids.map((id) => ({ quality: c.qualities[id] ?? Number.NaN, weight: p.w[id] ?? 0, tolerance: p.tau[id] ?? 0 })));

/** Adjacent pairs along each ladder of each source: (milder, harsher). */
function ladderPairs(clips: ClipEvidence[]): [ClipEvidence, ClipEvidence][] {
  const pairs: [ClipEvidence, ClipEvidence][] = [];
  const bySource = new Map<string, ClipEvidence[]>();
  for (const c of clips) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c]);
  for (const group of bySource.values()) {
    const pristine = group.find((c) => c.ladder === 'pristine');
    const ladders = new Set(group.filter((c) => c.ladder !== 'pristine').map((c) => c.ladder));
    for (const l of ladders) {
      const steps = [pristine, ...group.filter((c) => c.ladder === l).sort((a, b) => a.level - b.level)].filter((c): c is ClipEvidence => !!c);
      for (let i = 1; i < steps.length; i++) pairs.push([steps[i - 1]!, steps[i]!]);
    }
  }
  return pairs;
}

const pairCache = new WeakMap<ClipEvidence[], [ClipEvidence, ClipEvidence][]>();

function loss(clips: ClipEvidence[], p: Params): number {
  let s = 0;
  for (const c of clips) s += (fused(c, p) - target(c)) ** 2;
  // Each step down a ladder should lower the score by at least MARGIN points.
  let pairs = pairCache.get(clips);
  if (!pairs) pairCache.set(clips, (pairs = ladderPairs(clips)));
  let order = 0;
  for (const [a, b] of pairs) order += Math.max(0, fused(b, p) - fused(a, p) + MARGIN) ** 2;
  s += ORDER_WEIGHT * order * (clips.length / Math.max(1, pairs.length));
  let reg = 0;
  for (const id of ids) reg += LAMBDA * (p.w[id]! - prior[id]!) ** 2 + TAU_LAMBDA * p.tau[id]! ** 2;
  return s / clips.length + reg;
}

/** Coordinate descent over one parameter table on its grid; true when anything moved. */
function sweep(clips: ClipEvidence[], p: Params, table: Record<string, number>, grid: number[]): boolean {
  let changed = false;
  for (const id of ids) {
    if (!fitted.has(id)) continue;
    let best = table[id]!;
    let bestLoss = loss(clips, p);
    for (const g of grid) {
      table[id] = g;
      const l = loss(clips, p);
      if (l < bestLoss - 1e-9) {
        bestLoss = l;
        best = g;
      }
    }
    if (best !== table[id]) changed = true;
    table[id] = best;
  }
  return changed;
}

function fit(clips: ClipEvidence[]): Params {
  const p: Params = { w: { ...prior }, tau: Object.fromEntries(ids.map((id) => [id, 0])) };
  for (let i = 0; i < 10; i++) {
    const a = sweep(clips, p, p.w, GRID);
    const b = sweep(clips, p, p.tau, TAU_GRID);
    if (!a && !b) break;
  }
  return p;
}

/** Mean within-ladder Spearman (source × ladder, pristine included as level 0), and RMSE to target. */
function quality(clips: ClipEvidence[], w: Params): { ladderSpearman: number; rmse: number; srcc: number } {
  const groups = new Map<string, ClipEvidence[]>();
  for (const c of clips) {
    const ladders = c.ladder === 'pristine' ? ['blur', 'crf', 'noise', 'scale', 'bright', 'dark'] : [c.ladder];
    for (const l of ladders) groups.set(`${c.source}/${l}`, [...(groups.get(`${c.source}/${l}`) ?? []), c]);
  }
  const rhos = [...groups.values()].map((g) => spearman(g.map((c) => c.level), g.map((c) => -fused(c, w))));
  const rmse = Math.sqrt(clips.reduce((s, c) => s + (fused(c, w) - target(c)) ** 2, 0) / clips.length);
  const srcc = spearman(clips.map(target), clips.map((c) => fused(c, w)));
  return { ladderSpearman: rhos.reduce((s, r) => s + r, 0) / rhos.length, rmse, srcc };
}

const params = fit(evidence);
const priorParams: Params = { w: prior, tau: Object.fromEntries(ids.map((id) => [id, 0])) };
const sources = [...new Set(evidence.map((c) => c.source))];
const held = sources.map((s) => {
  const w = fit(evidence.filter((c) => c.source !== s));
  return quality(evidence.filter((c) => c.source === s), w);
});
const mean = (k: 'ladderSpearman' | 'rmse' | 'srcc') => held.reduce((a, q) => a + q[k], 0) / held.length;
const round = (v: number) => Math.round(v * 1000) / 1000;
const result = {
  description: 'Fusion weights fitted by bench/calibrate/fit.ts on bench/clips/calibration (blur, CRF, noise, rescale, bright, dark ladders); experts not exercised by them keep their prior.',
  fittedExperts: [...fitted],
  clips: evidence.length,
  sources: sources.length,
  weights: Object.fromEntries(ids.map((id) => [id, params.w[id]])),
  tolerances: Object.fromEntries(ids.map((id) => [id, params.tau[id]])),
  prior: quality(evidence, priorParams),
  fitted: quality(evidence, params),
  leaveOneSourceOut: { ladderSpearman: round(mean('ladderSpearman')), rmse: round(mean('rmse')), srcc: round(mean('srcc')) },
};
for (const k of ['prior', 'fitted'] as const) for (const m of ['ladderSpearman', 'rmse', 'srcc'] as const) result[k][m] = round(result[k][m]);
writeFileSync(join(ROOT, 'src/fusion/weights.json'), JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
