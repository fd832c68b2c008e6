/**
 * Single ffmpeg filters as peers on the real-source ladders: blurdetect and blockdetect (each clip's
 * mean over its frames), read as a quality score (lower is better for both), scored exactly as the
 * engine's fused score is (ladder Spearman per kind, Spearman against the full-reference target over
 * every distorted clip). What "no better than a single ffmpeg filter" is measured against.
 *
 *   npx tsx bench/real/peers.ts [--sources a,b] [--levels 0,3,6] [--out bench/out]
 *
 * Reads the ladder clips and their full-reference measures (make-ladders.ts makes what is missing);
 * writes real-peers.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spearman } from '../../src/testing/media.ts';
import { nativeMetrics } from '../lib/native.ts';
import { argValue } from '../lib/stats.ts';
import { ladderSpearman } from './ladders.ts';
import { makeLadders } from './make-ladders.ts';
import { CLIPS, OUT } from './paths.ts';
import { frTarget } from './target.ts';

/** One peer's figures on the ladders. */
export interface PeerFigures {
  mean: number;
  perKind: Record<string, number>;
  targetSpearman: number;
}

const clips = makeLadders(() => undefined, argValue('sources')?.split(','), argValue('levels')?.split(',').map(Number));
const values: { clip: (typeof clips)[number]; blur: number; block: number }[] = [];
for (const clip of clips) {
  const m = await nativeMetrics(join(CLIPS, 'ladders', clip.file));
  values.push({ clip, blur: m.blur, block: m.block });
}

/** Figures of a peer whose value rises with the defect (so its negative is the score). */
function figures(value: (v: (typeof values)[number]) => number): PeerFigures {
  const rows = values.map((v) => ({ source: v.clip.source, kind: v.clip.kind, level: v.clip.level, score: -value(v), target: frTarget(v.clip) }));
  const l = ladderSpearman(rows);
  const distorted = rows.filter((r) => r.kind !== 'pristine');
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  return { mean: r3(l.mean), perKind: Object.fromEntries(Object.entries(l.perKind).map(([k, v]) => [k, r3(v)])), targetSpearman: r3(spearman(distorted.map((r) => r.target), distorted.map((r) => r.score))) };
}

const result = { clips: values.length, sources: [...new Set(clips.map((c) => c.source))], peers: { 'ffmpeg blurdetect': figures((v) => v.blur), 'ffmpeg blockdetect': figures((v) => v.block) } };
writeFileSync(join(argValue('out', OUT)!, 'real-peers.json'), JSON.stringify(result, null, 1) + '\n');
console.log(JSON.stringify(result.peers));
