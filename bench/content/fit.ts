/**
 * Fits the content-type classifier on every labelled clip and writes `src/router/content/model.json`:
 * features through the real probe (cached), class-balanced logistic regression, and the softmax
 * temperature fitted on leave-one-origin-out predictions (so the shipped confidence is calibrated on
 * clips the model had not seen), and the mean-luma cut of the low-light stage (`lowLightLuma`). The held-out accuracy is printed by `eval.ts`.
 *
 *   npx tsx bench/content/make-clips.ts && npx tsx bench/content/make-rendered.ts   # the generated clips
 *   npx tsx bench/content/fit.ts
 */
import { existsSync, writeFileSync } from 'node:fs';
import { CONTENT_TYPES } from '../../src/router/types.ts';
import { leaveOneGroupOut } from './cv.ts';
import { FIT_DEFAULTS, fitModel } from './logreg.ts';
import { FOOTAGE_DIR, MODEL_PATH } from './paths.ts';
import { featureTable } from './table.ts';

if (!existsSync(FOOTAGE_DIR)) {
  console.log(`content: ${FOOTAGE_DIR} is absent; the shipped model is kept (skipped)`);
  process.exit(0);
}

const table = await featureTable();
for (const s of table.skipped) console.log(`skipped ${s}`);
// Distorted ladder clips are for evaluation only (bench/content/eval.ts says why).
const { names } = table;
const rows = table.rows.filter((r) => !r.clip.distorted);
const classes = [...CONTENT_TYPES];
const { temperature } = leaveOneGroupOut(names, rows);
const model = fitModel(names, classes, rows.map((r) => r.x), rows.map((r) => classes.indexOf(r.clip.label)), rows.map((r) => !r.clip.synthetic));
model.temperature = temperature;
const counts = Object.fromEntries(classes.map((c) => [c, rows.filter((r) => r.clip.label === c).length]));
const fittedOn = {
  clips: rows.length,
  real: rows.filter((r) => !r.clip.synthetic).length,
  groups: new Set(rows.map((r) => r.clip.group)).size,
  perType: counts,
  lambda: FIT_DEFAULTS.lambda,
  realWeight: FIT_DEFAULTS.realWeight,
  excluded: FIT_DEFAULTS.exclude,
};
writeFileSync(MODEL_PATH, JSON.stringify({ ...model, fittedOn }, null, 1) + '\n');
console.log(`wrote ${MODEL_PATH}: ${rows.length} clips, temperature ${temperature}`, counts);
