/**
 * Temporal-expert ladders on real clips: `npx tsx bench/ladders/temporal.ts [frames] [ladder,...]`.
 * Prints Spearman (own distortion) and cross-reactions, the cost per frame of each expert, and writes
 * bench/out/ladders-temporal.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LADDER_EXPERTS, timePerFrame } from './experts.ts';
import { runLadders } from './temporal-ladder.ts';

const root = resolve(import.meta.dirname, '../..');
const sources = ['cup.mp4', 'box.mp4'].map((f) => resolve(root, '../shared/data/videos', f));
const frames = Number(process.argv[2] ?? 120);
const only = process.argv[3]?.split(',');

const t0 = performance.now();
const r = await runLadders({ sources, frames, distortions: only, log: (l) => console.log(l) });

const ids = [...LADDER_EXPERTS];
const pad = (s: string, n: number) => s.padEnd(n);
console.log(`\nSpearman vs severity (ρ) and shift across the ladder as a share of the expert's range (Δ); the target expert should have ρ ≥ 0.95, the others small |Δ|, ${sources.length} sources, ${frames} frames`);
console.log(pad('ladder (target) \\ expert', 26) + ids.map((id) => pad(id, 22)).join(''));
for (const d of Object.keys(r.cells)) {
  const row = ids.map((id) => {
    const c = r.cells[d]![id];
    return pad(c ? `ρ=${c.spearman.toFixed(2)} Δ=${c.shift.toFixed(2)}` : '-', 22);
  });
  console.log(pad(`${d} (${r.target[d]})`, 26) + row.join(''));
}

console.log('\nCost per frame (wasm, 1 thread):');
const cost: Record<string, { width: number; height: number; batch: number; msPerFrame: number }> = {};
for (const id of ids) {
  const e = r.experts[id]!;
  const [width, height, batch] = e.meta.inputs.keepRows ? [960, 540, 4] : [320, 180, 48];
  const ms = await timePerFrame(e, width, height, batch);
  cost[id] = { width, height, batch, msPerFrame: ms };
  console.log(`  ${pad(id, 12)} ${ms.toFixed(3)} ms/frame at ${width}x${height} (batch ${batch})`);
}

const own = Object.fromEntries(Object.keys(r.cells).map((d) => [`${d} → ${r.target[d]}`, r.cells[d]![r.target[d]!]?.spearman ?? null]));
const out = {
  sources: sources.map((s) => s.replace(/^.*\//, '')),
  frames,
  levels: r.levels,
  severity: r.severity,
  ownSpearman: own,
  cells: r.cells,
  cost,
  seconds: (performance.now() - t0) / 1000,
};
mkdirSync(resolve(root, 'bench/out'), { recursive: true });
writeFileSync(resolve(root, 'bench/out/ladders-temporal.json'), JSON.stringify(out, null, 2) + '\n');
const failing = Object.entries(own).filter(([, v]) => v === null || v < 0.95);
console.log(`\nown-distortion Spearman ≥ 0.95: ${failing.length ? `NO (${failing.map(([k]) => k).join(', ')})` : 'yes'}; wrote bench/out/ladders-temporal.json in ${out.seconds.toFixed(0)} s`);
