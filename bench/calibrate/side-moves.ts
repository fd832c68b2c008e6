/**
 * What a side reading, as one more term of an expert's max (side.ts `--side-max`), does clip by clip:
 * the clean clips whose re-fused score moves (from the evidence as recorded) and, per group of sources,
 * the Spearman of score against the full-reference target within one distortion kind.
 *
 *   npx tsx bench/calibrate/side-moves.ts --side noise-loss.json:cMidFlatHiD --side-id noise --side-replace --side-max 12,0.1,5.9 [--kind noisecap]
 */
import { baseWeight } from '../../src/fusion/weights.ts';
import { spearman } from '../../src/testing/media.ts';
import { argValue, median } from '../lib/stats.ts';
import { OUT } from '../real/paths.ts';
import { readEvidence } from './evidence.ts';
import { prepare, readExperts, scoreOf } from './model.ts';
import { CAMERA, SIDE, shippedParams } from './refuse.ts';
import { withSide } from './side.ts';

const kind = argValue('kind', 'noisecap')!;
const experts = readExperts();
const p = shippedParams(experts);
const before = prepare(readEvidence(OUT), experts, (m) => baseWeight(m));
const after = prepare(withSide(readEvidence(OUT), SIDE), experts, (m) => baseWeight(m));
const rows = before.map((c, i) => ({ clip: c.clip, from: scoreOf(c, experts, p), to: scoreOf(after[i]!, experts, p), raw: SIDE ? after[i]!.clip.raws[SIDE.meta.id] : undefined }));
const clean = rows.filter((r) => r.clip.kind === 'clean');
console.log(`clean median ${median(clean.map((r) => r.from)).toFixed(1)} -> ${median(clean.map((r) => r.to)).toFixed(1)}; below 60 ${clean.filter((r) => r.from < 60).length} -> ${clean.filter((r) => r.to < 60).length}`);
for (const r of clean.filter((x) => Math.abs(x.to - x.from) > 0.05).sort((x, y) => x.to - x.from - (y.to - y.from))) console.log(`  ${r.clip.id} ${r.from.toFixed(1)} -> ${r.to.toFixed(1)} (raw ${r.raw?.toFixed(2)})`);
for (const group of ['all', 'camera', 'other']) {
  const k = rows.filter((r) => r.clip.kind === kind && (group === 'all' || (group === 'camera') === CAMERA.has(r.clip.source)));
  console.log(`${kind} within the kind, score vs target (${group}): ${spearman(k.map((r) => r.clip.target!), k.map((r) => r.from)).toFixed(3)} -> ${spearman(k.map((r) => r.clip.target!), k.map((r) => r.to)).toFixed(3)}`);
}
