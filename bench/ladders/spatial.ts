/**
 * Severity ladders of the spatial experts: every expert against every distortion ladder on several
 * photos. Prints, per expert × distortion, the mean Spearman correlation of "worse" with the
 * distortion strength, the mean shift of the expert's quality scale from clean to strongest level,
 * and the raw range; then each expert's cost per 960×540 frame (wasm, one thread, batch of 4).
 * Writes everything to bench/out/ladders-spatial.json.
 *
 *   npx tsx bench/ladders/spatial.ts [--width 960]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultCache, prepareSources, runLadders, type LadderCell } from './ladder-lib.ts';
import { SOURCES } from './sources.ts';
import { loadExpert, runPlanes } from './expert-node.ts';
import { readPlanes } from '../../src/testing/media.ts';

/** Each expert with the distortions it is meant to measure. */
export const OWN: Record<string, string[]> = {
  sharpness: ['blur', 'downup'],
  blocking: ['crf', 'crf075'],
  noise: ['noise'],
  banding: ['posterize'],
  overexposure: ['over'],
  underexposure: ['under'],
  contrast: ['contrast'],
  colourfulness: ['desaturate'],
};


/** Mean shift, over sources, of the expert's 0..100 quality from the clean to the strongest level. */
async function qualityShift(cell: LadderCell): Promise<number> {
  const { meta } = await loadExpert(cell.expert);
  const [lo, hi] = meta.range;
  const q = (v: number) => {
    const t = Math.min(1, Math.max(0, (v - lo) / (hi - lo)));
    return 100 * (meta.lowerIsBetter ? 1 - t : t);
  };
  const shifts = Object.values(cell.raw).map((v) => q(v[0]!) - q(v[v.length - 1]!));
  return shifts.reduce((a, b) => a + b, 0) / shifts.length;
}

/** Milliseconds per frame of an expert on a 960×540 batch of 4 (after one warm-up run). */
async function costPerFrame(id: string, frame: Float32Array, rgb: Float32Array): Promise<number> {
  const { meta, session } = await loadExpert(id);
  const c = meta.inputs.planes === 'rgb' ? 3 : 1;
  const one = { width: 960, height: 540, data: c === 3 ? rgb : frame };
  const batch = [one, one, one, one];
  await runPlanes(session, batch, c);
  const runs = 5;
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) await runPlanes(session, batch, c);
  return (performance.now() - t0) / runs / batch.length;
}

async function main(): Promise<void> {
  const widthArg = process.argv.indexOf('--width');
  const width = widthArg > 0 ? Number(process.argv[widthArg + 1]) : 960;
  const cache = defaultCache(`w${width}`);
  const sources = prepareSources(SOURCES, width, cache);
  const experts = Object.keys(OWN);
  const distortions = [...new Set(Object.values(OWN).flat())];
  const cells = await runLadders({ experts, distortions, sources, cache });

  const rows: { expert: string; distortion: string; own: boolean; spearman: number; qualityShift: number; min: number; max: number }[] = [];
  for (const c of cells) {
    rows.push({
      expert: c.expert,
      distortion: c.distortion,
      own: OWN[c.expert]!.includes(c.distortion),
      spearman: c.spearman,
      qualityShift: await qualityShift(c),
      min: c.min,
      max: c.max,
    });
  }
  rows.sort((a, b) => a.expert.localeCompare(b.expert) || Number(b.own) - Number(a.own) || a.distortion.localeCompare(b.distortion));
  console.log('expert         distortion  own  spearman  Δquality   raw min .. max');
  for (const r of rows) {
    console.log(
      `${r.expert.padEnd(14)} ${r.distortion.padEnd(11)} ${r.own ? ' * ' : '   '} ${r.spearman.toFixed(3).padStart(8)} ${r.qualityShift.toFixed(1).padStart(9)}   ${r.min.toFixed(3)} .. ${r.max.toFixed(3)}`,
    );
  }

  const src = readPlanes(join(cache, `${sources[0]!.name}.w${width}.png`), { filter: 'scale=960:540' })[0]!;
  const rgb = readPlanes(join(cache, `${sources[0]!.name}.w${width}.png`), { filter: 'scale=960:540', planes: 'rgb' })[0]!;
  const cost: Record<string, number> = {};
  for (const id of experts) cost[id] = await costPerFrame(id, src.data, rgb.data);
  console.log('\nms per 960x540 frame (wasm, 1 thread, batch 4):');
  for (const [id, ms] of Object.entries(cost)) console.log(`  ${id.padEnd(14)} ${ms.toFixed(2)}`);

  const outDir = join(import.meta.dirname, '../out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'ladders-spatial.json');
  writeFileSync(file, JSON.stringify({ width, sources: sources.map((s) => s.name), rows, cells, costMsPerFrame960x540: cost }, null, 2) + '\n');
  console.log(`\nwrote ${file}`);
}

await main();
