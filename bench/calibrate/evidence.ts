/**
 * The recorded evidence the fusion is calibrated on: every real-source ladder clip (expert raws, the
 * route weights the engine fused with, the full-reference target) and the clean footage clips of one
 * tier (bench/out/real-ladders.json, bench/out/real-clean.json, written by bench/real/run.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CleanTier } from '../real/clean.ts';
import { INJECT_SOURCES, MIXED_SOURCES } from '../real/injected-sources.ts';
import type { LadderEvidence } from '../real/ladders.ts';
import { frTarget } from '../real/target.ts';
import type { FitClip } from './model.ts';

/** Footage file of each ladder source (bench/real/injected-sources.ts), so its clean clip joins its fold. */
const sourceFile = new Map([...INJECT_SOURCES, ...MIXED_SOURCES].map((s) => [s.id, s.file]));

/**
 * Reads the ladder evidence (`ladderFiles`, pooled; a clip seen twice is kept once) and the clean
 * clips of `tier` from `dir`. Clean clips take a fold: a ladder source's own footage clip goes to that
 * source, the rest round robin over the sources.
 */
export function readEvidence(dir: string, ladderFiles = [join(dir, 'real-ladders.json')], tier = 1): FitClip[] {
  const evidence = ladderFiles.flatMap((f) => (JSON.parse(readFileSync(f, 'utf8')) as { evidence: LadderEvidence[] }).evidence);
  const clean = JSON.parse(readFileSync(join(dir, 'real-clean.json'), 'utf8')) as { tiers: CleanTier[] };
  const seen = new Set<string>();
  const clips: FitClip[] = evidence
    .filter((e) => !seen.has(e.file) && !!seen.add(e.file))
    .map((e) => ({ id: e.file, source: e.source, kind: e.kind, level: e.level, contentType: e.contentType, raws: e.raws, target: frTarget(e), score: e.score, weights: e.weights }));
  const sources = [...new Set(clips.map((c) => c.source))].sort();
  const t = clean.tiers.find((x) => x.tier === tier) ?? clean.tiers[0]!;
  Object.entries(t.scores).forEach(([name, s], i) => {
    const own = sources.find((src) => name.replace(/-10s(\.\w+)$/, '$1') === sourceFile.get(src));
    clips.push({ id: name, source: own ?? sources[i % sources.length]!, kind: 'clean', level: 0, contentType: s.contentType, raws: s.raws, score: s.score, weights: s.weights });
  });
  return clips;
}
