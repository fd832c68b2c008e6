/**
 * Held-out evaluation split by source: leave-one-group-out over the origin groups of the dataset
 * (a group is an upstream repository or a generated family; clips darkened from a real clip share its
 * group), so no clip is ever predicted by a model that saw a clip of the same origin. Yields the
 * held-out predictions, per-type accuracy, the confusion matrix and the fitted temperature.
 */
import { decideLight, probabilities, standardize, type ContentModel } from '../../src/router/content/classify.ts';
import { CONTENT_TYPES } from '../../src/router/types.ts';
import { FIT_DEFAULTS, fitModel, fitTemperature, type FitOptions } from './logreg.ts';
import type { FeatureRow } from './table.ts';

/** One held-out prediction. */
export interface HeldOut {
  name: string;
  group: string;
  synthetic: boolean;
  label: string;
  predicted: string;
  confidence: number;
}

/** Accuracy figures over a set of held-out predictions. */
export interface Accuracy {
  clips: number;
  overall: number;
  /**
   * Per label: clips, correct calls, accuracy, and the origin groups the clips come from with how many
   * of them hold a misread (a type of few groups is judged on few folds: one origin can move it a lot).
   */
  perType: Record<string, { clips: number; correct: number; accuracy: number; groups: number; groupsMisread: number }>;
  /** confusion[label][predicted] = clips. */
  confusion: Record<string, Record<string, number>>;
}

/** Accuracy of `preds`. */
export function accuracyOf(preds: HeldOut[]): Accuracy {
  const perType: Accuracy['perType'] = {};
  const confusion: Accuracy['confusion'] = {};
  for (const t of CONTENT_TYPES) confusion[t] = Object.fromEntries(CONTENT_TYPES.map((u) => [u, 0]));
  const groups = new Map<string, Set<string>>();
  const misread = new Map<string, Set<string>>();
  for (const p of preds) {
    const e = (perType[p.label] ??= { clips: 0, correct: 0, accuracy: 0, groups: 0, groupsMisread: 0 });
    e.clips++;
    if (p.label === p.predicted) e.correct++;
    else (misread.get(p.label) ?? misread.set(p.label, new Set()).get(p.label)!).add(p.group);
    (groups.get(p.label) ?? groups.set(p.label, new Set()).get(p.label)!).add(p.group);
    confusion[p.label]![p.predicted]!++;
  }
  for (const [t, e] of Object.entries(perType)) {
    e.accuracy = e.clips ? e.correct / e.clips : 0;
    e.groups = groups.get(t)?.size ?? 0;
    e.groupsMisread = misread.get(t)?.size ?? 0;
  }
  const correct = preds.filter((p) => p.label === p.predicted).length;
  return { clips: preds.length, overall: preds.length ? correct / preds.length : 0, perType, confusion };
}

/** Leave-one-group-out predictions, and the temperature that calibrates them; `fitOn` picks the rows a fold may fit on. */
export function leaveOneGroupOut(names: readonly string[], rows: FeatureRow[], opts: FitOptions = FIT_DEFAULTS, fitOn: (r: FeatureRow) => boolean = () => true): { preds: HeldOut[]; temperature: number } {
  const classes = [...CONTENT_TYPES];
  const groups = [...new Set(rows.map((r) => r.clip.group))];
  const held: { row: FeatureRow; model: ContentModel; z: Float64Array }[] = [];
  for (const [i, g] of groups.entries()) {
    const train = rows.filter((r) => r.clip.group !== g && fitOn(r));
    const test = rows.filter((r) => r.clip.group === g);
    const model = fitModel(names, classes, train.map((r) => r.x), train.map((r) => classes.indexOf(r.clip.label)), train.map((r) => !r.clip.synthetic), opts);
    for (const row of test) held.push({ row, model, z: standardize(model, names, row.x) });
    process.stderr.write(`\rcontent: held-out fold ${i + 1}/${groups.length}`);
  }
  process.stderr.write('\n');
  const y = held.map((h) => classes.indexOf(h.row.clip.label));
  const temperature = fitTemperature(held.map((h) => h.model), held.map((h) => h.z), y);
  const preds = held.map(({ row, model, z }) => {
    const p = probabilities(model, z, temperature);
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    // The shipped second stage: camera footage is low light or not by the light of its scene.
    best = decideLight(model, row.sceneLuma, p, best).best;
    return { name: row.clip.name, group: row.clip.group, synthetic: row.clip.synthetic, label: row.clip.label, predicted: classes[best]!, confidence: Math.round(p[best]! * 1000) / 1000 };
  });
  return { preds, temperature };
}

/** Prints per-type accuracy and the confusion matrix. */
export function printAccuracy(title: string, a: Accuracy): void {
  console.log(`\n${title}: ${a.clips} clips, overall ${(100 * a.overall).toFixed(1)} %`);
  const short = (t: string) => t.split('-').map((w) => w.slice(0, 5)).join('-').padStart(12);
  console.log(`${'label \\ predicted'.padEnd(18)}${CONTENT_TYPES.map(short).join('')}   accuracy`);
  for (const t of CONTENT_TYPES) {
    const e = a.perType[t];
    if (!e) continue;
    console.log(`${t.padEnd(18)}${CONTENT_TYPES.map((u) => String(a.confusion[t]![u]).padStart(12)).join('')}   ${(100 * e.accuracy).toFixed(1)} % (${e.correct}/${e.clips}; ${e.groups} groups, ${e.groupsMisread} with a misread)`);
  }
}
