/**
 * The answerer's accuracy on the question set: every clip the questions name (bench/clips/loc, made
 * by bench/make-loc-clips.ts) is analysed by the production build in headless Chromium at tier 2, then
 * `ask` (the library's own answerer, no model) answers each question from the report(s) and
 * `score.ts` checks it against the expected answer. Prints the accuracy overall and per form of
 * question, and writes every answer to the output JSON.
 *
 *   npx tsx bench/questions/eval.ts [--tier 2] [--out bench/out/questions.json] [--reuse]
 *
 * --reuse reads reports saved by an earlier run (bench/out/questions-reports/) instead of analysing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ask } from '../../src/answer/ask.ts';
import { parseQuestion } from '../../src/answer/parse.ts';
import type { Report, Tier } from '../../src/report/types.ts';
import { analyzeTimed, openBenchApp, ROOT } from '../lib/app.ts';
import { argFlag, argValue } from '../lib/stats.ts';
import type { TruthClip } from '../lib/truth.ts';
import { isCorrect, type QuestionItem } from './score.ts';

async function main(): Promise<void> {
  const tier = Number(argValue('tier', '2')) as Tier;
  const outFile = argValue('out', join(ROOT, 'bench/out/questions.json'))!;
  const reportDir = join(ROOT, 'bench/out/questions-reports');
  const clipDir = join(ROOT, 'bench/clips/loc');
  const set = JSON.parse(readFileSync(join(import.meta.dirname, 'questions.json'), 'utf8')) as { questions: QuestionItem[] };
  const clips = [...new Set(set.questions.flatMap((q) => (q.other ? [q.clip, q.other] : [q.clip])))];
  const absent = clips.filter((c) => !existsSync(join(clipDir, c)));
  if (absent.length) {
    console.log(`questions: skipped, ${absent.length} clip(s) missing in bench/clips/loc (${absent.join(', ')}); make them with: npx tsx bench/make-loc-clips.ts`);
    return;
  }

  checkAgainstTruth(set.questions, join(clipDir, 'truth.json'));

  const reports = new Map<string, Report>();
  mkdirSync(reportDir, { recursive: true });
  const reuse = argFlag('reuse');
  const toAnalyse = clips.filter((c) => !(reuse && existsSync(join(reportDir, `${c}.json`))));
  for (const c of clips.filter((c) => !toAnalyse.includes(c))) reports.set(c, JSON.parse(readFileSync(join(reportDir, `${c}.json`), 'utf8')) as Report);
  if (toAnalyse.length) {
    const app = await openBenchApp();
    try {
      for (const c of toAnalyse) {
        const { report, wallMs } = await analyzeTimed(app, join(clipDir, c), tier, 300_000);
        reports.set(c, report);
        writeFileSync(join(reportDir, `${c}.json`), JSON.stringify(report));
        console.log(`questions: analysed ${c} at tier ${tier} in ${(wallMs / 1000).toFixed(1)} s (score ${report.score.toFixed(1)}, ${report.artifacts.length} events)`);
      }
    } finally {
      await app.close();
    }
  }

  const rows = [];
  for (const q of set.questions) {
    const subject = q.other ? [reports.get(q.clip)!, reports.get(q.other)!] : reports.get(q.clip)!;
    const answer = await ask(subject, q.question);
    const correct = isCorrect(answer, q.expect);
    rows.push({ id: q.id, clip: q.clip, other: q.other, question: q.question, kind: parseQuestion(q.question, !!q.other).kind, expect: q.expect, answer: answer.text, value: answer.value, answered: answer.answered, correct });
    if (!correct) console.log(`questions: wrong ${q.id} ${q.clip}${q.other ? ` vs ${q.other}` : ''}: "${q.question}" -> ${answer.text}`);
  }
  const byKind = new Map<string, { right: number; total: number }>();
  for (const r of rows) {
    const k = byKind.get(r.kind) ?? { right: 0, total: 0 };
    k.total++;
    if (r.correct) k.right++;
    byKind.set(r.kind, k);
  }
  const right = rows.filter((r) => r.correct).length;
  const accuracy = right / rows.length;
  const perKind = Object.fromEntries([...byKind].map(([k, v]) => [k, { ...v, accuracy: v.right / v.total }]));
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ tier, questions: rows.length, right, accuracy, perKind, rows }, null, 2) + '\n');
  console.log(`questions: accuracy ${right}/${rows.length} = ${(accuracy * 100).toFixed(1)} % (${[...byKind].map(([k, v]) => `${k} ${v.right}/${v.total}`).join(', ')})`);
  console.log(`questions: wrote ${outFile}`);
}

/** Warns when an expected span or region differs from what the clip generator recorded. */
function checkAgainstTruth(questions: QuestionItem[], truthFile: string): void {
  if (!existsSync(truthFile)) return;
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as TruthClip[];
  for (const q of questions) {
    const t = truth.find((c) => c.file === q.clip);
    const e = t?.events[0];
    if (!t || !e || q.other) continue;
    const span = q.expect.spans?.[0];
    const region = q.expect.regions?.[0];
    if (span && (span.startS !== e.startS || span.endS !== e.endS)) console.log(`questions: ${q.id} expects ${span.startS}-${span.endS} s but ${q.clip} has ${e.startS}-${e.endS} s`);
    if (region && e.region && JSON.stringify(region) !== JSON.stringify(e.region)) console.log(`questions: ${q.id} expects another region than ${q.clip} has`);
  }
}

await main();
