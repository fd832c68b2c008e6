/**
 * The full fuzz run: a few hundred seeded mutations and truncations of the fixtures, each analysed
 * in the built app (tier 0) with a time limit, and the counts: cases, reports, typed errors, hangs
 * and crashes (both must be 0). Stops starting new cases after `--budget-s` so the step stays
 * bounded; the JSON lists every case that was not a report or a typed error.
 *
 *   tsx bench/fuzz.ts [--cases 240] [--seed 7] [--limit-s 60] [--budget-s 540] [--out bench/out/fuzz.json]
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { execFileSync } from 'node:child_process';
import { ROOT, openBenchApp } from './lib/app.ts';
import { fuzzCases, runCase, summarize, summaryLine, type FuzzOutcome } from '../e2e/lib/fuzz.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '240' },
    seed: { type: 'string', default: '7' },
    'limit-s': { type: 'string', default: '60' },
    'budget-s': { type: 'string', default: '540' },
    out: { type: 'string', default: join(ROOT, 'bench/out/fuzz.json') },
  },
});

const FIX = join(ROOT, 'e2e/fixtures');
if (!existsSync(join(FIX, 'gen', 'mpeg4.avi'))) execFileSync('bash', [join(ROOT, 'scripts/make-fixtures.sh')], { stdio: 'inherit' });
const sources = ['clean.mp4', 'compressed.mp4', 'hevc.mp4', 'gen/mpeg4.avi', 'gen/mpeg2.m2ts', 'gen/sorenson.flv', 'gen/vfr.mp4', 'gen/single.mp4']
  .map((f) => join(FIX, f))
  .filter((f) => existsSync(f));

const count = Number(values.cases);
const limitMs = Number(values['limit-s']) * 1000;
const budgetMs = Number(values['budget-s']) * 1000;
const t0 = performance.now();
let app = await openBenchApp();
const outcomes: FuzzOutcome[] = [];
const notable: { id: number; source: string; mutation: string; outcome: FuzzOutcome }[] = [];
try {
  for (const c of fuzzCases(sources, count, Number(values.seed))) {
    if (performance.now() - t0 > budgetMs) {
      console.log(`fuzz: time budget of ${values['budget-s']} s reached after ${outcomes.length} cases`);
      break;
    }
    const o = await runCase(app.page, c, limitMs);
    outcomes.push(o);
    if (o.kind === 'hang' || o.kind === 'crash') {
      notable.push({ id: c.id, source: c.source, mutation: c.mutation, outcome: o });
      console.log(`fuzz: #${c.id} ${c.source} (${c.mutation}): ${o.kind}${o.kind === 'crash' ? ` ${o.detail}` : ''}`);
      // A dead or stuck page would fail every later case: start a fresh one.
      await app.close();
      app = await openBenchApp();
    }
    if (outcomes.length % 20 === 0) console.log(`fuzz: ${outcomes.length}/${count} (${Math.round((performance.now() - t0) / 1000)} s)`);
  }
} finally {
  await app.close();
}
const summary = summarize(outcomes);
console.log(summaryLine(summary));
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(
  values.out!,
  `${JSON.stringify({ seed: Number(values.seed), limitS: limitMs / 1000, seconds: Math.round((performance.now() - t0) / 1000), sources: sources.map((s) => s.slice(ROOT.length + 1)), ...summary, notable }, null, 2)}\n`,
);
process.exitCode = summary.hangs === 0 && summary.crashes === 0 ? 0 : 1;
