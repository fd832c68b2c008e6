/**
 * Re-fuses the recorded ladder and clean evidence under a candidate parameter set, without rerunning
 * the engine, and prints the figures a fusion change is judged by: Spearman of the score against the
 * full-reference target over every distorted clip, ladder order per kind, the pristine encodes (lowest,
 * spread) and the clean clips (lowest, median, how many fall below "good"). Figures are given for all
 * sources, for the four camera sources and for the seven others: choose on one group, report on the
 * other, then swap and average.
 *
 *   npx tsx bench/calibrate/refuse.ts [--w overexposure=0.75,banding=0.3] [--tau blocking=0.1] [--range overexposure=0.1:0.6] [--weights file.json] [--json]
 *   npx tsx bench/calibrate/refuse.ts --raws crf      # each expert's raw reading per level per source, with the target
 *   npx tsx bench/calibrate/refuse.ts --lost [--gamma banding=1]   # per kind and level: mean score, mean target, the points each expert costs
 *   npx tsx bench/calibrate/refuse.ts --side detail-loss.json:ratioMedian --side-range 0.5,0.2 --w detail=0.5   # a side reading as one more expert (side.ts)
 *   npx tsx bench/calibrate/refuse.ts --gamma banding=2 --gamma-keep screen-content   # a candidate response curve (d^γ) in place of the engine's, linear on the named content types
 *   npx tsx bench/calibrate/refuse.ts --in <dir> --route-of-pristine   # every ladder clip fused with its source's pristine route: what content calls moved by the distortion cost
 *
 * With no option it re-fuses under src/fusion/weights.json and checks that the re-fused scores
 * reproduce the scores the engine gave (within 0.1 where the recorded weights are those in use).
 */
import { readFileSync } from 'node:fs';
import { baseWeight, tolerance } from '../../src/fusion/weights.ts';
import { spearman } from '../../src/testing/media.ts';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { argFlag, argValue, median } from '../lib/stats.ts';
import { ladderSpearman } from '../real/ladders.ts';
import { OUT } from '../real/paths.ts';
import { readEvidence } from './evidence.ts';
import { sideFromArgs, withSide } from './side.ts';
import { prepare, readExperts, scoreOf, type FitClip, type Params, type Prepared } from './model.ts';

/** The four camera sources of the ladders; the seven others (screen, games, animation, generated) are the second group. */
export const CAMERA = new Set(['bbb', 'courtyard', 'dashcam', 'coffee']);

/** What a parameter set gives on a group of clips. */
export interface Figures {
  /** Spearman of score against target over the group's distorted clips. */
  targetSpearman: number;
  ladderMean: number;
  ladderPerKind: Record<string, number>;
  ladderMinKind: number;
  pristineMin: number;
  pristineSpread: number;
  /** Per kind: mean score and mean target at the harshest level (6). */
  level6: Record<string, { score: number; target: number }>;
}

/** The clean clips' score distribution. */
export interface CleanFigures {
  min: number;
  median: number;
  /** Clips scored below 60 (fair or worse). */
  belowGood: number;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;
const r1 = (v: number) => Math.round(v * 10) / 10;

/** Figures of ladder clips (pristine and distorted) with their scores. */
export function figuresOf(rows: { clip: FitClip; score: number }[]): Figures {
  const ladder = rows.filter((r) => r.clip.kind !== 'clean');
  const distorted = ladder.filter((r) => r.clip.kind !== 'pristine' && r.clip.target !== undefined);
  const pristine = ladder.filter((r) => r.clip.kind === 'pristine').map((r) => r.score);
  const l = ladderSpearman(ladder.map((r) => ({ source: r.clip.source, kind: r.clip.kind, level: r.clip.level, score: r.score })));
  const level6: Figures['level6'] = {};
  for (const k of Object.keys(l.perKind)) {
    const top = distorted.filter((r) => r.clip.kind === k && r.clip.level === 6);
    level6[k] = { score: r1(top.reduce((s, r) => s + r.score, 0) / top.length), target: r1(top.reduce((s, r) => s + r.clip.target!, 0) / top.length) };
  }
  return {
    targetSpearman: r3(spearman(distorted.map((r) => r.clip.target!), distorted.map((r) => r.score))),
    ladderMean: r3(l.mean),
    ladderPerKind: Object.fromEntries(Object.entries(l.perKind).map(([k, v]) => [k, r3(v)])),
    ladderMinKind: r3(Math.min(...Object.values(l.perKind))),
    pristineMin: r1(Math.min(...pristine)),
    pristineSpread: r1(Math.max(...pristine) - Math.min(...pristine)),
    level6,
  };
}

/** Score distribution of the clean clips. */
export function cleanOf(rows: { clip: FitClip; score: number }[]): CleanFigures {
  const s = rows.filter((r) => r.clip.kind === 'clean').map((r) => r.score);
  return { min: r1(Math.min(...s)), median: r1(median(s)), belowGood: s.filter((v) => v < 60).length };
}

/**
 * A diagnostic, not a score: the group's Spearman against the target when each clip's score is first
 * mapped through a straight line fitted, per distortion kind, on the other group's clips (score →
 * target). A fusion cannot know the kind; this shows how much of the gap to the target is the score's
 * level per kind (what a better reading of each kind could fix) and how much is order within a kind.
 */
export function kindCalibrated(rows: { clip: FitClip; score: number }[], onGroup: (c: FitClip) => boolean): number {
  const distorted = rows.filter((r) => r.clip.kind !== 'clean' && r.clip.kind !== 'pristine' && r.clip.target !== undefined);
  const mapped = distorted.filter((r) => !onGroup(r.clip)).map((r) => {
    const fit = distorted.filter((o) => onGroup(o.clip) && o.clip.kind === r.clip.kind);
    const mx = fit.reduce((s, o) => s + o.score, 0) / fit.length;
    const my = fit.reduce((s, o) => s + o.clip.target!, 0) / fit.length;
    const sxy = fit.reduce((s, o) => s + (o.score - mx) * (o.clip.target! - my), 0);
    const sxx = fit.reduce((s, o) => s + (o.score - mx) ** 2, 0);
    return { target: r.clip.target!, score: my + (sxx > 0 ? sxy / sxx : 0) * (r.score - mx) };
  });
  return r3(spearman(mapped.map((m) => m.target), mapped.map((m) => m.score)));
}

/** Everything a parameter set gives: all sources, the camera group, the other group, and the clean clips. */
export function evaluate(clips: Prepared[], experts: ExpertMeta[], p: Params) {
  const rows = clips.map((c) => ({ clip: c.clip, score: scoreOf(c, experts, p) }));
  const ladder = rows.filter((r) => r.clip.kind !== 'clean');
  return {
    all: figuresOf(ladder),
    camera: figuresOf(ladder.filter((r) => CAMERA.has(r.clip.source))),
    other: figuresOf(ladder.filter((r) => !CAMERA.has(r.clip.source))),
    clean: cleanOf(rows),
    rows,
  };
}

/** The parameters in use (src/fusion/weights.json), or those of a candidate weights file. */
export function shippedParams(experts: ExpertMeta[], file?: string): Params {
  const c = file ? (JSON.parse(readFileSync(file, 'utf8')) as { weights: Record<string, number>; tolerances: Record<string, number> }) : undefined;
  return {
    // A side reading (side.ts) is not in the engine: it weighs 0 until a candidate gives it a weight.
    w: Object.fromEntries(experts.map((e) => [e.id, e.id === SIDE?.meta.id && !SIDE.replaces ? 0 : c ? (c.weights[e.id] ?? baseWeight(e)) : baseWeight(e)])),
    tau: Object.fromEntries(experts.map((e) => [e.id, c ? (c.tolerances[e.id] ?? 0) : tolerance(e.id)])),
  };
}

/** `a=0.5,b=0.1` → { a: 0.5, b: 0.1 }. */
export function parsePairs(spec: string | undefined): Record<string, number> {
  return Object.fromEntries((spec ?? '').split(',').filter(Boolean).map((kv) => [kv.split('=')[0]!, Number(kv.split('=')[1])]));
}

/** `overexposure=0.1:0.6` → { overexposure: [0.1, 0.6] } (a candidate score range, best end first). */
export function parseRanges(spec: string | undefined): Record<string, [number, number]> {
  return Object.fromEntries((spec ?? '').split(',').filter(Boolean).map((kv) => [kv.split('=')[0]!, kv.split('=')[1]!.split(':').map(Number) as [number, number]]));
}

/** The recorded evidence, prepared with the route factors the engine used. */
export function loadPrepared(experts: ExpertMeta[]): Prepared[] {
  return prepare(withSide(readEvidence(argValue('in', OUT)!), SIDE), experts, (m) => baseWeight(m));
}

/**
 * The ladder clips fused with the route of their source's pristine encode (its route factors and content
 * type), so a distortion no longer moves the route: a heavily brightened camera clip read as screen
 * content gets the camera route's weights. Clean clips and sources without a pristine clip are kept as
 * they are. The "reproduction" line then shows how far the routes moved the scores.
 */
export function withPristineRoute(clips: Prepared[]): Prepared[] {
  const pristine = new Map(clips.filter((c) => c.clip.kind === 'pristine').map((c) => [c.clip.source, c]));
  return clips.map((c) => {
    const p = c.clip.kind === 'clean' ? undefined : pristine.get(c.clip.source);
    return p ? { ...c, f: p.f, clip: { ...c.clip, contentType: p.clip.contentType } } : c;
  });
}

/** The side reading named by `--side` (side.ts), if any: it joins the evidence as one more expert. */
export const SIDE = sideFromArgs(readExperts());

/** Every expert's metadata, with the side reading's pseudo-expert when `--side` names one (in place of an expert of the same id). */
export function expertsInUse(): ExpertMeta[] {
  return SIDE ? [...readExperts().filter((m) => m.id !== SIDE.meta.id), SIDE.meta] : readExperts();
}

/** Prints every ladder source's raw readings along one kind (pristine first), with the target and the score as run. */
function printRaws(clips: Prepared[], kind: string): void {
  const ids = ['sharpness', 'blocking', 'noise', 'banding', 'overexposure', 'underexposure', 'niqe', 'brisque', 'ringing', ...(SIDE ? [SIDE.meta.id] : [])];
  console.log(`source      lvl target score  ${ids.map((id) => id.slice(0, 6).padStart(7)).join('')}`);
  for (const source of [...new Set(clips.map((c) => c.clip.source))].sort()) {
    const steps = clips.filter((c) => c.clip.source === source && (c.clip.kind === kind || c.clip.kind === 'pristine')).sort((a, b) => a.clip.level - b.clip.level);
    for (const { clip } of steps) {
      const raw = ids.map((id) => (id in clip.raws ? clip.raws[id]!.toPrecision(3) : '–').padStart(7)).join('');
      console.log(`${source.padEnd(11)} ${String(clip.level).padStart(3)} ${clip.target!.toFixed(1).padStart(6)} ${clip.score.toFixed(1).padStart(5)}  ${raw}`);
    }
  }
}

/** Prints, per kind and level, the mean score, the mean target and the points each expert costs (the score with it left out, less the score). */
function printLost(clips: Prepared[], experts: ExpertMeta[], p: Params): void {
  const ids = ['sharpness', 'detail', 'blocking', 'noise', 'banding', 'overexposure', 'underexposure', 'niqe', 'brisque', 'ringing'];
  console.log(`kind       lvl score target | points lost: ${ids.map((id) => id.slice(0, 6).padStart(7)).join('')}`);
  const ladder = clips.filter((c) => c.clip.kind !== 'clean');
  for (const kind of [...new Set(ladder.map((c) => c.clip.kind))]) {
    for (let level = 0; level <= 6; level++) {
      const g = ladder.filter((c) => c.clip.kind === kind && c.clip.level === level);
      if (!g.length) continue;
      const s = g.map((c) => scoreOf(c, experts, p));
      const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
      const lost = ids.map((id) => mean(g.map((c, i) => scoreOf(c, experts, p, new Set([id])) - s[i]!)));
      console.log(`${kind.padEnd(10)} ${level} ${mean(s).toFixed(1).padStart(6)} ${mean(g.map((c) => c.clip.target!)).toFixed(1).padStart(6)} | ${lost.map((v) => v.toFixed(1).padStart(7)).join('')}`);
    }
  }
}

function main(): void {
  const experts = expertsInUse();
  const clips = argFlag('route-of-pristine') ? withPristineRoute(loadPrepared(experts)) : loadPrepared(experts);
  if (argValue('raws')) return printRaws(clips.filter((c) => c.clip.kind !== 'clean'), argValue('raws')!);
  const base = shippedParams(experts, argValue('weights'));
  const p: Params = { w: { ...base.w, ...parsePairs(argValue('w')) }, tau: { ...base.tau, ...parsePairs(argValue('tau')) }, range: parseRanges(argValue('range')), gamma: parsePairs(argValue('gamma')), gammaKeep: new Set((argValue('gamma-keep') ?? '').split(',').filter(Boolean)) };
  if (argFlag('lost')) return printLost(clips, experts, p);
  // Reproduction of the as-run scores under the parameters in use (the engine rounds its score to 0.1).
  const shipped = evaluate(clips, experts, shippedParams(experts));
  const diffs = shipped.rows.map((r) => Math.abs(r.score - r.clip.score));
  const asRun = { all: figuresOf(clips.filter((c) => c.clip.kind !== 'clean').map((c) => ({ clip: c.clip, score: c.clip.score }))), clean: cleanOf(clips.map((c) => ({ clip: c.clip, score: c.clip.score }))) };
  const e = evaluate(clips, experts, p);
  const heldOut = r3((e.camera.targetSpearman + e.other.targetSpearman) / 2);
  const out = {
    reproduction: { clips: diffs.length, maxAbsDiff: r3(Math.max(...diffs)), over0_1: diffs.filter((d) => d > 0.1).length },
    asRun: { targetSpearman: asRun.all.targetSpearman, ladderMean: asRun.all.ladderMean, clean: asRun.clean },
    changed: { w: parsePairs(argValue('w')), tau: parsePairs(argValue('tau')), range: parseRanges(argValue('range')), gamma: parsePairs(argValue('gamma')) },
    all: e.all,
    camera: e.camera,
    other: e.other,
    groupMeanTargetSpearman: heldOut,
    clean: e.clean,
  };
  if (argFlag('json')) {
    console.log(JSON.stringify(out, null, 1));
    return;
  }
  const line = (name: string, f: Figures) =>
    `${name.padEnd(7)} target ${f.targetSpearman.toFixed(3)}  ladders ${f.ladderMean.toFixed(3)} (min kind ${f.ladderMinKind.toFixed(3)}: ${Object.entries(f.ladderPerKind).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ')})  pristine ${f.pristineMin}..+${f.pristineSpread}`;
  console.log(`reproduction: ${out.reproduction.clips} clips, max |re-fused - as run| ${out.reproduction.maxAbsDiff}, ${out.reproduction.over0_1} over 0.1`);
  console.log(`as run: target ${asRun.all.targetSpearman}, ladders ${asRun.all.ladderMean}, clean min ${asRun.clean.min} median ${asRun.clean.median} below 60: ${asRun.clean.belowGood}`);
  console.log(`changed: ${JSON.stringify(out.changed)}`);
  console.log(line('all', e.all));
  console.log(line('camera', e.camera));
  console.log(line('other', e.other));
  console.log(`mean of the two groups' target Spearman: ${heldOut}`);
  console.log(`clean: min ${e.clean.min}, median ${e.clean.median}, below 60: ${e.clean.belowGood}`);
  // The clean clips the candidate moves most, against the parameters in use: a drop into "fair" is a false alarm on the score.
  const moves = e.rows.map((r, i) => ({ clip: r.clip, id: r.clip.id, from: shipped.rows[i]!.score, to: r.score })).filter((m) => m.clip.kind === 'clean');
  const worst = moves.sort((x, y) => x.to - x.from - (y.to - y.from)).slice(0, 3).filter((m) => Math.abs(m.to - m.from) >= 0.05);
  if (worst.length) console.log(`clean clips moved most: ${worst.map((m) => `${m.id} ${m.from.toFixed(1)} → ${m.to.toFixed(1)}`).join(', ')}`);
  const onCamera = (c: FitClip) => CAMERA.has(c.source);
  console.log(`diagnostic, score mapped per kind (fitted on the other group): camera ${kindCalibrated(e.rows, (c) => !onCamera(c))}, other ${kindCalibrated(e.rows, onCamera)}`);
  console.log(`level 6, mean score / mean target: ${Object.entries(e.all.level6).map(([k, v]) => `${k} ${v.score} / ${v.target}`).join(', ')}`);
}

if (process.argv[1]?.endsWith('refuse.ts')) main();
