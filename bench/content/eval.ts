/**
 * Held-out accuracy of the content-type classifier, split by source (leave-one-origin-out, see
 * cv.ts): per-type accuracy, the confusion matrix and overall, on every held-out clip and on the real
 * footage alone; the misclassified clips are listed. Writes the figures as JSON.
 *
 *   npx tsx bench/content/eval.ts [--out bench/out/content.json]
 *
 * Skips with a note when the shared footage is absent.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { accuracyOf, leaveOneGroupOut, printAccuracy } from './cv.ts';
import { FIT_DEFAULTS } from './logreg.ts';
import { FOOTAGE_DIR } from './paths.ts';
import { featureTable } from './table.ts';

const argOut = process.argv.indexOf('--out');
const out = argOut > 0 ? process.argv[argOut + 1]! : 'bench/out/content.json';

if (!existsSync(FOOTAGE_DIR)) {
  console.log(`content: ${FOOTAGE_DIR} is absent; nothing to evaluate (skipped)`);
  process.exit(0);
}

const { names, rows, skipped } = await featureTable();
for (const s of skipped) console.log(`skipped ${s}`);
const { preds, temperature } = leaveOneGroupOut(names, rows);
const all = accuracyOf(preds);
const real = accuracyOf(preds.filter((p) => !p.synthetic));
printAccuracy('Held-out (leave-one-origin-out), all clips', all);
printAccuracy('Held-out, real footage only', real);
const wrong = preds.filter((p) => p.label !== p.predicted);
console.log(`\nmisclassified (${wrong.length}):`);
for (const p of wrong) console.log(`  ${p.name} [${p.group}]: ${p.label} -> ${p.predicted} (${(100 * p.confidence).toFixed(0)} %)`);
const groups = new Set(rows.map((r) => r.clip.group)).size;
console.log(`\n${rows.length} clips (${rows.filter((r) => !r.clip.synthetic).length} real) in ${groups} origin groups; temperature ${temperature}`);

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ method: 'leave-one-origin-out', fit: FIT_DEFAULTS, groups, temperature, all, real, skipped, predictions: preds }, null, 2) + '\n');
console.log(`wrote ${out}`);
