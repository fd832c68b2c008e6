/**
 * Runs the engine on the real-source ladders (bench/real/make-ladders.ts) and measures the fused
 * score: Spearman against the known order of each ladder (source × kind, pristine as level 0), and
 * against the full-reference target over every distorted clip. Each clip's evidence (every expert's
 * raw value, the route) is kept for the fusion fit (bench/calibrate/fit.ts).
 */
import { join } from 'node:path';
import type { Tier } from '../../src/report/types.ts';
import { spearman } from '../../src/testing/media.ts';
import { analyzeCached, type Engine } from './engine.ts';
import type { LadderClip } from './make-ladders.ts';
import { CLIPS } from './paths.ts';
import { frTarget } from './target.ts';

/** A ladder clip with what the engine said about it. */
export interface LadderEvidence extends LadderClip {
  score: number;
  contentType: string;
  /** Expert id → raw value. */
  raws: Record<string, number>;
  /** Expert id → route weight used. */
  weights: Record<string, number>;
}

/** Results of the ladders at one tier. */
export interface LadderResult {
  tier: Tier;
  evidence: LadderEvidence[];
  failed: { clip: string; error: string }[];
  /** `${source}/${kind}` → Spearman (+1: the score falls with every step). */
  perLadder: Record<string, number>;
  perKind: Record<string, number>;
  mean: number;
  /** Spearman of the score against the full-reference target over every distorted clip (same weights for all). */
  targetSpearman: number;
}

/** Spearman per ladder, mean per kind and overall, from evidence with a `score`. */
export function ladderSpearman(evidence: { source: string; kind: string; level: number; score: number }[]): Pick<LadderResult, 'perLadder' | 'perKind' | 'mean'> {
  const perLadder: Record<string, number> = {};
  const kinds = [...new Set(evidence.filter((e) => e.kind !== 'pristine').map((e) => e.kind))];
  const sources = [...new Set(evidence.map((e) => e.source))];
  for (const s of sources) {
    const pristine = evidence.filter((e) => e.source === s && e.kind === 'pristine');
    for (const k of kinds) {
      const steps = [...pristine, ...evidence.filter((e) => e.source === s && e.kind === k)];
      if (steps.length >= 3) perLadder[`${s}/${k}`] = spearman(steps.map((e) => e.level), steps.map((e) => -e.score));
    }
  }
  const perKind: Record<string, number> = {};
  for (const k of kinds) {
    const v = Object.entries(perLadder).filter(([key]) => key.endsWith(`/${k}`)).map(([, r]) => (Number.isFinite(r) ? r : 0));
    perKind[k] = v.reduce((a, b) => a + b, 0) / v.length;
  }
  const all = Object.values(perLadder).map((r) => (Number.isFinite(r) ? r : 0));
  return { perLadder, perKind, mean: all.reduce((a, b) => a + b, 0) / all.length };
}

/** Runs the ladder clips at `tier`. */
export async function runLadders(engine: Engine, tier: Tier, clips: LadderClip[], log = console.log): Promise<LadderResult> {
  const evidence: LadderEvidence[] = [];
  const failed: LadderResult['failed'] = [];
  for (const c of clips) {
    const r = await analyzeCached(engine, join(CLIPS, 'ladders', c.file), tier);
    if (!r.report) {
      failed.push({ clip: c.file, error: r.error ?? 'no report' });
      continue;
    }
    const raws = Object.fromEntries(r.report.experts.map((e) => [e.id, e.raw]));
    const weights = Object.fromEntries(r.report.route.experts.map((e) => [e.id, e.weight]));
    evidence.push({ ...c, score: r.report.score, contentType: r.report.route.contentType, raws, weights });
    log(`  ladder t${tier} ${c.file.padEnd(30)} score ${String(r.report.score).padStart(5)}  target ${frTarget(c).toFixed(1).padStart(5)}  ${r.report.route.contentType}`);
  }
  const distorted = evidence.filter((e) => e.kind !== 'pristine');
  return { tier, evidence, failed, ...ladderSpearman(evidence), targetSpearman: spearman(distorted.map((e) => frTarget(e)), distorted.map((e) => e.score)) };
}
