/**
 * The `batch` verb: analyses every video in a folder with one browser session and writes one result
 * per file as JSON lines (`.jsonl`, or stdout) or CSV (`.csv`).
 */
import { readdirSync, statSync, writeFileSync, appendFileSync } from 'node:fs';
import { CsvTable } from './csv.mjs';
import { extname, join } from 'node:path';
import { openSession } from './session.mjs';
import { analyzeInPage } from './page-analysis.mjs';
import { progressLine, INPUT_ERROR_CODES } from './summary.mjs';

const VIDEO_EXTENSIONS = new Set(['.mp4', '.m4v', '.mov', '.webm', '.mkv', '.avi', '.ogv', '.3gp', '.flv', '.ts', '.m2ts', '.mts', '.mpg', '.mpeg', '.wmv']);

/**
 * Runs the batch; returns the exit code (0 all done, 3 some inputs failed or no folder, 1 failure).
 * @param {Extract<import('./args.mjs').Command, { verb: 'analyze' | 'batch' }>} cmd
 */
export async function runBatch(cmd) {
  let files;
  try {
    files = listVideos(cmd.target, cmd.recursive);
  } catch {
    process.stderr.write(`qrouter: Cannot read the folder "${cmd.target}": it does not exist or is not a folder. [INPUT_MISSING]\n`);
    return 3;
  }
  if (cmd.shard) files = files.filter((_, i) => i % cmd.shard.count === cmd.shard.index);
  if (files.length === 0) {
    process.stderr.write(`qrouter: no video files (${[...VIDEO_EXTENSIONS].join(' ')}) in "${cmd.target}".\n`);
    return 3;
  }

  const csv = cmd.out?.toLowerCase().endsWith('.csv') ?? false;
  const write = sink(cmd.out);
  const table = new CsvTable();

  const session = await openSession(cmd);
  process.stderr.write(`qrouter: start-up ${Math.round(session.startupMs)} ms; ${files.length} file(s)\n`);
  let failed = 0;
  let analysed = 0;
  try {
    for (const [i, file] of files.entries()) {
      const progress = progressLine({ quiet: cmd.quiet, label: `${i + 1}/${files.length}` });
      const outcome = statSync(file).size === 0
        ? { ok: false, error: { code: 'EMPTY_INPUT', message: 'The file is empty (0 bytes).' } }
        : await analyzeInPage(session.page, session.server.addInput(file), {
            tier: cmd.tier,
            router: cmd.router,
            budgetMs: cmd.budgetMs,
            timeoutMs: cmd.timeoutMs,
            onProgress: (e) => progress.update(e),
          });
      progress.done();
      if (!outcome.ok) failed += 1;
      const line = outcome.ok
        ? `${file}: ${outcome.report.score.toFixed(1)} (${outcome.report.label})`
        : `${file}: ${outcome.error.message} [${outcome.error.code}]`;
      process.stderr.write(`${line}\n`);
      if (csv) table.add(file, outcome);
      else write(`${JSON.stringify({ file, ...outcome })}\n`);
      analysed += 1;
      if (!outcome.ok && !INPUT_ERROR_CODES.has(outcome.error.code) && outcome.error.code !== 'TIMEOUT') {
        process.stderr.write('qrouter: the analyzer itself failed; stopping the batch.\n');
        return 1;
      }
    }
  } finally {
    await session.close();
    if (csv) write(table.render());
    process.stderr.write(`${analysed - failed} analysed, ${failed} failed${analysed < files.length ? `, ${files.length - analysed} not reached` : ''}\n`);
  }
  if (cmd.out) process.stderr.write(`results written to ${cmd.out}\n`);
  return failed > 0 ? 3 : 0;
}

/** @param {string | undefined} out */
function sink(out) {
  if (!out || out === '-') return (/** @type {string} */ s) => void process.stdout.write(s);
  writeFileSync(out, '');
  return (/** @type {string} */ s) => appendFileSync(out, s);
}

/**
 * Video files in a folder (and its subfolders with `recursive`), sorted by path.
 * @param {string} dir
 * @param {boolean} recursive
 * @returns {string[]}
 */
export function listVideos(dir, recursive) {
  /** @type {string[]} */
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (recursive) found.push(...listVideos(path, true));
    } else if (VIDEO_EXTENSIONS.has(extname(entry.name).toLowerCase()) && statSync(path).isFile()) {
      found.push(path);
    }
  }
  return found.sort();
}
