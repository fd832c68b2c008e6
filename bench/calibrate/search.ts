/**
 * Chooses fusion weights and tolerances for a few experts on one group of ladder sources and reports
 * them on the other (bench/calibrate/refuse.ts figures): coordinate search on a grid, maximising the
 * chosen group's Spearman against the full-reference target while its ladders (mean ≥ 0.95, every
 * kind ≥ 0.9), its pristine encodes (lowest ≥ 70, spread ≤ 15) and the clean clips' median (no more
 * than 3 points below the parameters in use) hold. Both ways (camera → other, other → camera).
 * `--clean-below n` also holds the clean clips that fall below 60 to at most n more than in use.
 *
 *   npx tsx bench/calibrate/search.ts --free w:sharpness,w:blocking,tau:blocking,w:banding [--w ...] [--tau ...] [--strict 0.03] [--loso]
 *   npx tsx bench/calibrate/search.ts --free w:overexposure,worst:overexposure     # also the worst end of a score range
 *
 * `--strict m` asks the chosen group's ladders for m more than the floors (room for the held-out
 * group). `--loso` also chooses on ten sources and scores the eleventh, for each source, and reports
 * the pooled held-out figures. `worst:<id>` frees the worst end of the expert's score range (the
 * quality fusion reads; the best end stays), on a grid of 0.3 to 1.5 times its span in use.
 * `gamma:<id>` frees the expert's response curve (fusion reads its defect d as d^γ, γ 0.4 to 3);
 * `--gamma-keep screen-content` keeps a candidate curve linear on the named content types.
 */
import { argFlag, argValue } from '../lib/stats.ts';
import { curve } from '../../src/fusion/weights.ts';
import type { Params } from './model.ts';
import { CAMERA, evaluate, expertsInUse, figuresOf, loadPrepared, parsePairs, parseRanges, shippedParams, type Figures } from './refuse.ts';
import { scoreOf } from './model.ts';

const experts = expertsInUse();
const clips = loadPrepared(experts);
const shipped = shippedParams(experts);
const start: Params = { w: { ...shipped.w, ...parsePairs(argValue('w')) }, tau: { ...shipped.tau, ...parsePairs(argValue('tau')) }, range: parseRanges(argValue('range')), gamma: parsePairs(argValue('gamma')), gammaKeep: new Set((argValue('gamma-keep') ?? '').split(',').filter(Boolean)) };
type Table = 'w' | 'tau' | 'worst' | 'gamma';
const free = (argValue('free') ?? 'w:sharpness,w:blocking,tau:blocking,tau:sharpness,w:banding,w:noise,w:overexposure').split(',').map((s) => s.split(':') as [Table, string]);
const GRID = { w: Array.from({ length: 21 }, (_, i) => i / 20), tau: Array.from({ length: 13 }, (_, i) => i / 20), worst: Array.from({ length: 13 }, (_, i) => 0.3 + i / 10), gamma: [0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] };
const metaOf = (id: string) => experts.find((e) => e.id === id)!;
/** An expert's score range in use ([best, worst]). */
const rangeInUse = (id: string): [number, number] => {
  const m = metaOf(id);
  const [lo, hi] = [Math.min(...m.range), Math.max(...m.range)];
  return m.lowerIsBetter ? [lo, hi] : [hi, lo];
};
/** Reads a free parameter: a weight, a tolerance, or the worst end of a range as a multiple of its span in use. */
function getParam(p: Params, table: Table, id: string): number {
  if (table === 'gamma') return p.gamma?.[id] ?? curve(id);
  if (table !== 'worst') return p[table][id]!;
  const [best, worst] = rangeInUse(id);
  const r = p.range?.[id] ?? [best, worst];
  return Math.round(((r[1] - r[0]) / (worst - best)) * 100) / 100;
}
function setParam(p: Params, table: Table, id: string, v: number): void {
  if (table === 'gamma') {
    p.gamma = { ...p.gamma, [id]: v };
    return;
  }
  if (table !== 'worst') {
    p[table][id] = v;
    return;
  }
  const [best, worst] = rangeInUse(id);
  p.range = { ...p.range, [id]: [best, best + v * (worst - best)] };
}
const showFree = (p: Params) => free.map(([t, id]) => `${t}:${id}=${getParam(p, t, id)}`).join(' ');
const clean0 = evaluate(clips, experts, shipped).clean;
const cleanMedian0 = clean0.median;
/** `--clean-below n`: at most n more clean clips may fall below 60 ("fair") than under the parameters in use. */
const CLEAN_BELOW = argValue('clean-below') === undefined ? Number.POSITIVE_INFINITY : Number(argValue('clean-below'));

/** Penalised objective on a group's figures: target Spearman minus how far each constraint is missed. */
const STRICT = Number(argValue('strict', '0'));
function objective(f: Figures, cleanMedian: number, cleanBelow = 0): number {
  const miss = Math.max(0, cleanBelow - clean0.belowGood - CLEAN_BELOW) / 100 + Math.max(0, 0.95 + STRICT - f.ladderMean) + Math.max(0, 0.9 + STRICT - f.ladderMinKind) + Math.max(0, 70 - f.pristineMin) / 100 + Math.max(0, f.pristineSpread - 15) / 100 + Math.max(0, cleanMedian0 - 3 - cleanMedian) / 100;
  return f.targetSpearman - 5 * miss;
}

/** Chooses the free parameters on one group (`camera`, `other`, or every source but `except:<source>`). */
function choose(group: 'camera' | 'other' | `except:${string}`): Params {
  const p: Params = { w: { ...start.w }, tau: { ...start.tau }, range: { ...start.range }, gamma: { ...start.gamma }, gammaKeep: start.gammaKeep };
  const value = () => {
    const e = evaluate(clips, experts, p);
    const f = group === 'camera' || group === 'other' ? e[group] : figuresOf(e.rows.filter((r) => r.clip.kind !== 'clean' && r.clip.source !== group.slice(7)));
    return objective(f, e.clean.median, e.clean.belowGood);
  };
  let best = value();
  for (let round = 0; round < 4; round++) {
    let moved = false;
    for (const [table, id] of free) {
      let keep = getParam(p, table, id);
      for (const g of GRID[table]) {
        setParam(p, table, id, g);
        const v = value();
        if (v > best + 1e-6) [best, keep, moved] = [v, g, true];
      }
      setParam(p, table, id, keep);
    }
    if (!moved) break;
  }
  return p;
}

const show = (f: Figures) => `target ${f.targetSpearman.toFixed(3)} ladders ${f.ladderMean.toFixed(3)} (min kind ${f.ladderMinKind.toFixed(3)}) pristine ${f.pristineMin}..+${f.pristineSpread}`;
const base = evaluate(clips, experts, start);
console.log(`start:  camera ${show(base.camera)} | other ${show(base.other)} | clean median ${base.clean.median}`);
const held: number[] = [];
for (const [on, off] of [['camera', 'other'], ['other', 'camera']] as const) {
  const p = choose(on);
  const e = evaluate(clips, experts, p);
  held.push(e[off].targetSpearman);
  const changed = showFree(p);
  console.log(`chosen on ${on}: ${changed}`);
  console.log(`  ${on} ${show(e[on])} | held-out ${off} ${show(e[off])} (${Object.entries(e[off].ladderPerKind).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(' ')}) | clean min ${e.clean.min} median ${e.clean.median} <60 ${e.clean.belowGood}`);
}
console.log(`held-out target Spearman, mean of both ways: ${((held[0]! + held[1]!) / 2).toFixed(3)} (start: ${((base.other.targetSpearman + base.camera.targetSpearman) / 2).toFixed(3)})`);

if (argFlag('loso')) {
  const ladder = clips.filter((c) => c.clip.kind !== 'clean');
  const held: { clip: (typeof clips)[number]['clip']; score: number }[] = [];
  for (const source of [...new Set(ladder.map((c) => c.clip.source))].sort()) {
    const p = choose(`except:${source}`);
    console.log(`  without ${source}: ${showFree(p)}`);
    for (const c of ladder.filter((c) => c.clip.source === source)) held.push({ clip: c.clip, score: scoreOf(c, experts, p) });
  }
  const f = figuresOf(held);
  console.log(`leave one source out, held out: ${show(f)} (${Object.entries(f.ladderPerKind).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(' ')}); start: ${show(base.all)}`);
}
