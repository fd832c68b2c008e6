/** RESULTS.md section for the content-type classifier's held-out accuracy (bench/content/eval.ts). */
import { table } from './md.ts';
import type { Section } from './sections-perf.ts';

interface Accuracy {
  clips: number;
  overall: number;
  perType: Record<string, { clips: number; correct: number; accuracy: number }>;
  confusion: Record<string, Record<string, number>>;
}
interface ContentEval { groups?: number; temperature?: number; all?: Accuracy; real?: Accuracy; distorted?: Accuracy }

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/** Per-type held-out accuracy (all clips and real footage only) and the confusion matrix. */
export function contentSection(e?: ContentEval): Section {
  if (!e?.all) return { md: '### Content types\n\nThe content-type results (bench/out/content.json) are missing.', targets: [] };
  const { all, real } = e;
  const distorted = e.distorted?.clips ? e.distorted : undefined;
  const types = Object.keys(all.confusion);
  const cell = (x?: { accuracy: number; correct: number; clips: number }) => (x ? `${pct(x.accuracy)} (${x.correct}/${x.clips})` : '–');
  const rows = types.filter((t) => all.perType[t]).map((t) => [t, cell(all.perType[t]), cell(real?.perType[t]), ...(distorted ? [cell(distorted.perType[t])] : [])]);
  const confusion = types.filter((t) => all.perType[t]).map((t) => [t, ...types.map((u) => all.confusion[t]![u]!)]);
  const worst = Math.min(...Object.values(all.perType).map((p) => p.accuracy));
  return {
    md: [
      '### Content types',
      '',
      `From \`bench/content/eval.ts\`: the content-type classifier refitted with each origin group left out in turn (${e.groups ?? '?'} groups: upstream repositories and generated families), so every clip is predicted by a model that saw nothing of its origin. Overall ${pct(all.overall)} on ${all.clips} clips${real ? `, ${pct(real.overall)} on the ${real.clips} real clips` : ''}.`,
      '',
      ...(distorted ? [`Distorted real footage: the real-footage benchmark's ladder clips at levels 2 and 5 (blur, CRF, compressed noise, scale, posterize, exposure), labelled as the clip they were cut from and held out with its origin; never fitted on. ${pct(distorted.overall)} of ${distorted.clips} read as their source's type.`, ''] : []),
      table(['type', 'held-out accuracy, all clips', 'real footage only', ...(distorted ? ['real footage distorted'] : [])], rows),
      '',
      'Confusion (rows: label, columns: predicted):',
      '',
      table(['label', ...types], confusion),
    ].join('\n'),
    targets: [{ target: 'content-type accuracy ≥ 90 % per type on held-out clips (lowest type)', measured: pct(worst), ok: worst >= 0.9 }],
  };
}
