/**
 * Fits the fusion (a base weight and a tolerance per expert, src/fusion/weights.json) on the
 * real-footage evidence: the real-source ladders, where each clip's target is its full-reference
 * quality against the pristine source (bench/real/target.ts), and the clean footage, which should land
 * at 85 or above. Reports everything leave-one-source-out: each fold (a ladder source, with its own
 * footage clip and a share of the clean clips) is scored with parameters fitted on the other folds.
 *
 * Loss: squared error to the target on ladder clips + a squared hinge below 85 on clean clips (their
 * score without the unfitted temporal experts, whose false alarms the fit cannot and should not
 * absorb; the reported figures keep every expert) + a
 * squared hinge on every ladder step that does not lower the score by 2 points + a pull toward the
 * prior; coordinate descent on 0.05 grids. Temporal experts (freeze, black, flicker, stutter,
 * interlacing) are not exercised by these clips and keep their prior.
 *
 *   npx tsx bench/real/run.ts --only clean,ladders --tier 1 && npx tsx bench/calibrate/fit.ts [--check] [--in bench/out] [--ladders a.json,b.json]
 *
 * `--check` computes the figures (bench/out/real-fit.json) without writing weights.json: what the
 * benchmark runs. Without it, weights.json is written only when the held-out figures beat the engine
 * as run on the same clips (`--force` writes it anyway).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseWeight, priorWeight, tolerance } from '../../src/fusion/weights.ts';
import { argFlag, argValue } from '../lib/stats.ts';
import { spearman } from '../../src/testing/media.ts';
import { ladderSpearman } from '../real/ladders.ts';
import { OUT, ROOT } from '../real/paths.ts';
import { readEvidence } from './evidence.ts';
import { prepare, readExperts, scoreOf, type FitClip, type Params, type Prepared } from './model.ts';

const CLEAN_FLOOR = 85;
const CLEAN_WEIGHT = Number(argValue('clean-weight', '1'));
/** Each ladder source's own encode should read at least this (the benchmark's pristine floor, with room). */
const PRISTINE_FLOOR = 85;
const PRISTINE_WEIGHT = Number(argValue('pristine-weight', '0'));
const MARGIN = Number(argValue('margin', '2'));
const ORDER_WEIGHT = 5;
const LAMBDA = 20;
const TAU_LAMBDA = 10;
const GRID = Array.from({ length: 21 }, (_, i) => i / 20);
const TAU_GRID = Array.from({ length: 13 }, (_, i) => i / 20);
const IN = argValue('in', OUT)!;
const TEMPORAL = new Set(['freeze', 'black', 'flicker', 'stutter', 'interlacing']);

const experts = readExperts();
const ids = experts.map((e) => e.id);
const fitted = new Set(experts.filter((e) => !(e.artifact && TEMPORAL.has(e.artifact))).map((e) => e.id));
const unfitted = new Set(ids.filter((id) => !fitted.has(id)));
const prior: Params = { w: Object.fromEntries(experts.map((e) => [e.id, priorWeight(e)])), tau: Object.fromEntries(ids.map((id) => [id, 0])) };

function readLadderEvidence(): FitClip[] {
  // Several ladder runs may be pooled (e.g. the camera sources at every level and the mixed-content ones at a few).
  return readEvidence(IN, argValue('ladders')?.split(','));
}

/** Adjacent pairs along each ladder (milder, harsher), pristine first. */
function pairsOf(clips: Prepared[]): [Prepared, Prepared][] {
  const pairs: [Prepared, Prepared][] = [];
  const bySource = new Map<string, Prepared[]>();
  for (const c of clips) if (c.clip.kind !== 'clean') bySource.set(c.clip.source, [...(bySource.get(c.clip.source) ?? []), c]);
  for (const group of bySource.values()) {
    const pristine = group.find((c) => c.clip.kind === 'pristine');
    for (const k of new Set(group.map((c) => c.clip.kind).filter((k) => k !== 'pristine'))) {
      const steps = [pristine, ...group.filter((c) => c.clip.kind === k).sort((a, b) => a.clip.level - b.clip.level)].filter((c): c is Prepared => !!c);
      for (let i = 1; i < steps.length; i++) pairs.push([steps[i - 1]!, steps[i]!]);
    }
  }
  return pairs;
}

function loss(clips: Prepared[], pairs: [Prepared, Prepared][], p: Params): number {
  let err = 0, nErr = 0, clean = 0, nClean = 0, pristine = 0, nPristine = 0;
  const s = new Map<Prepared, number>();
  for (const c of clips) {
    if (c.clip.target !== undefined) {
      const v = scoreOf(c, experts, p);
      s.set(c, v);
      err += (v - c.clip.target) ** 2;
      nErr++;
      if (c.clip.kind === 'pristine') {
        pristine += Math.max(0, PRISTINE_FLOOR - v) ** 2;
        nPristine++;
      }
    } else {
      clean += Math.max(0, CLEAN_FLOOR - scoreOf(c, experts, p, unfitted)) ** 2;
      nClean++;
    }
  }
  let order = 0;
  for (const [a, b] of pairs) order += Math.max(0, s.get(b)! - s.get(a)! + MARGIN) ** 2;
  let reg = 0;
  for (const id of fitted) reg += LAMBDA * (p.w[id]! - prior.w[id]!) ** 2 + TAU_LAMBDA * p.tau[id]! ** 2;
  return err / Math.max(1, nErr) + (CLEAN_WEIGHT * clean) / Math.max(1, nClean) + (PRISTINE_WEIGHT * pristine) / Math.max(1, nPristine) + (ORDER_WEIGHT * order) / Math.max(1, pairs.length) + reg;
}

/** `--tau-floor sharpness=0.3,...`: tolerances the fit may not go below (what pristine content of any kind shows). */
const TAU_FLOOR: Record<string, number> = Object.fromEntries((argValue('tau-floor') ?? '').split(',').filter(Boolean).map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])]));

function fit(clips: Prepared[]): Params {
  const p: Params = { w: { ...prior.w }, tau: Object.fromEntries(ids.map((id) => [id, Math.max(prior.tau[id]!, TAU_FLOOR[id] ?? 0)])) };
  const pairs = pairsOf(clips);
  for (let round = 0; round < 8; round++) {
    let moved = false;
    for (const [table, grid] of [[p.w, GRID], [p.tau, TAU_GRID]] as const) {
      for (const id of fitted) {
        let best = table[id]!;
        let bestLoss = loss(clips, pairs, p);
        for (const g of grid) {
          if (table === p.tau && g < (TAU_FLOOR[id] ?? 0)) continue;
          table[id] = g;
          const l = loss(clips, pairs, p);
          if (l < bestLoss - 1e-9) [best, bestLoss] = [g, l];
        }
        if (best !== table[id]) moved = true;
        table[id] = best;
      }
    }
    if (!moved) break;
  }
  return p;
}

/** Figures of a set of (clip, score) pairs. */
function figures(rows: { clip: FitClip; score: number }[]) {
  const distorted = rows.filter((r) => r.clip.target !== undefined && r.clip.kind !== 'pristine');
  const ladders = ladderSpearman(rows.filter((r) => r.clip.kind !== 'clean').map((r) => ({ source: r.clip.source, kind: r.clip.kind, level: r.clip.level, score: r.score })));
  const clean = rows.filter((r) => r.clip.kind === 'clean').map((r) => r.score);
  const pristine = rows.filter((r) => r.clip.kind === 'pristine').map((r) => r.score);
  const withTarget = rows.filter((r) => r.clip.target !== undefined);
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    targetSpearman: r3(spearman(distorted.map((r) => r.clip.target!), distorted.map((r) => r.score))),
    rmse: r3(Math.sqrt(withTarget.reduce((s, r) => s + (r.score - r.clip.target!) ** 2, 0) / withTarget.length)),
    ladderMean: r3(ladders.mean),
    ladderPerKind: Object.fromEntries(Object.entries(ladders.perKind).map(([k, v]) => [k, r3(v)])),
    cleanMin: r3(Math.min(...clean)),
    cleanMax: r3(Math.max(...clean)),
    cleanSpread: r3(Math.max(...clean) - Math.min(...clean)),
    pristineMin: r3(Math.min(...pristine)),
    pristineSpread: r3(Math.max(...pristine) - Math.min(...pristine)),
  };
}

const clips = prepare(readLadderEvidence(), experts, (m) => baseWeight(m));
const folds = [...new Set(clips.map((c) => c.clip.source))].sort();
const full = fit(clips);
const held: { clip: FitClip; score: number }[] = [];
for (const f of folds) {
  const p = fit(clips.filter((c) => c.clip.source !== f));
  for (const c of clips.filter((c) => c.clip.source === f)) held.push({ clip: c.clip, score: scoreOf(c, experts, p) });
  console.log(`fold ${f}: fitted on ${clips.filter((c) => c.clip.source !== f).length} clips`);
}
/**
 * What ranking the distorted clips by the target needs beyond the distortion itself: each clip scored
 * with the mean target of its kind and level on the other sources. A score that knew each clip's
 * distortion exactly but nothing of its content would rank like this; the rest of the target's order
 * is the content's (how much a given blur or CRF costs a given picture).
 */
function contentBlindCeiling(rows: FitClip[]): number {
  const distorted = rows.filter((c) => c.target !== undefined && c.kind !== 'pristine' && c.kind !== 'clean');
  const guess = distorted.map((c) => {
    const same = distorted.filter((o) => o.kind === c.kind && o.level === c.level && o.source !== c.source);
    return same.reduce((s, o) => s + o.target!, 0) / Math.max(1, same.length);
  });
  return Math.round(spearman(distorted.map((c) => c.target!), guess) * 1000) / 1000;
}
const ceiling = contentBlindCeiling(clips.map((c) => c.clip));
const asRun = figures(clips.map((c) => ({ clip: c.clip, score: c.clip.score })));
// The shipped weights under the current routing table, on the recorded raws: what a table change does before any rerun.
// `--weights <file>` puts a candidate weights file in the shipped one's place.
const candidate = argValue('weights') ? (JSON.parse(readFileSync(argValue('weights')!, 'utf8')) as { weights: Record<string, number>; tolerances: Record<string, number> }) : undefined;
const shipped: Params = candidate
  ? { w: Object.fromEntries(experts.map((e) => [e.id, candidate.weights[e.id] ?? priorWeight(e)])), tau: Object.fromEntries(ids.map((id) => [id, candidate.tolerances[id] ?? 0])) }
  : { w: Object.fromEntries(experts.map((e) => [e.id, baseWeight(e)])), tau: Object.fromEntries(ids.map((id) => [id, tolerance(id)])) };
const current = figures(clips.map((c) => ({ clip: c.clip, score: scoreOf(c, experts, shipped) })));
const inSample = figures(clips.map((c) => ({ clip: c.clip, score: scoreOf(c, experts, full) })));
const loso = figures(held);
const worstClean = held.filter((r) => r.clip.kind === 'clean').sort((a, b) => a.score - b.score).slice(0, 8).map((r) => ({ clip: r.clip.id, contentType: r.clip.contentType, score: Math.round(r.score * 10) / 10 }));

const result = {
  description: 'Fusion weights and tolerances fitted by bench/calibrate/fit.ts on real footage: real-source ladders (blur, CRF, noise then a capped bitrate, down-up scale, posterize, exposure; target = full-reference quality against the source, bench/real/target.ts) and clean clips (held at 85 or above). Temporal experts are not exercised by these clips and keep their prior.',
  fittedExperts: [...fitted],
  clips: clips.length,
  sources: folds.length,
  weights: Object.fromEntries(ids.map((id) => [id, full.w[id]])),
  tolerances: Object.fromEntries(ids.map((id) => [id, full.tau[id]])),
  asRun,
  fitted: inSample,
  leaveOneSourceOut: loso,
  contentBlindCeiling: ceiling,
};
// The new weights replace the engine's only when their held-out figures beat what the engine gives
// now on these clips (ladder order and score against the target), or with --force.
const better = loso.ladderMean >= asRun.ladderMean && loso.targetSpearman >= asRun.targetSpearman;
if (!argFlag('check') && (better || argFlag('force'))) writeFileSync(join(ROOT, 'src/fusion/weights.json'), JSON.stringify(result, null, 2) + '\n');
else if (!argFlag('check')) console.log('fit: held-out figures do not beat the engine as run; src/fusion/weights.json left as it is (--force writes it)');
writeFileSync(join(IN, 'real-fit.json'), JSON.stringify({ ...result, worstCleanHeldOut: worstClean }, null, 1) + '\n');
console.log(JSON.stringify({ asRun, current, fitted: inSample, leaveOneSourceOut: loso, contentBlindCeiling: ceiling, worstClean, weights: result.weights, tolerances: result.tolerances }, null, 1));
