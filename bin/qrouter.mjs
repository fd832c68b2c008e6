#!/usr/bin/env node
/**
 * qrouter: analyse video quality on this machine with the in-browser engine, driven headless.
 *   qrouter analyze <video> [--tier 0|1|2] [--json <file>|-] [--router fast|vlm]
 *   qrouter batch <folder> [--out results.jsonl|.csv] [--recursive]
 *   ("analyse" is accepted for "analyze")
 * Exit codes: 0 done, 1 analyzer failure, 2 usage error, 3 input unreadable or unsupported.
 */
import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, UsageError, USAGE } from './lib/args.mjs';
import { openSession, AppMissingError, PACKAGE_ROOT } from './lib/session.mjs';
import { analyzeInPage } from './lib/page-analysis.mjs';
import { progressLine, formatSummary, INPUT_ERROR_CODES, ERROR_HINTS } from './lib/summary.mjs';
import { runBatch } from './lib/batch.mjs';
import { runAsk } from './lib/ask.mjs';
import { outputProblem } from './lib/output-path.mjs';

/** Process exit codes. */
const EXIT = { ok: 0, failure: 1, usage: 2, input: 3 };

async function main() {
  const started = performance.now();
  let cmd;
  try {
    cmd = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`qrouter: ${err.message}\n\n${USAGE}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  if (cmd.verb === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return EXIT.ok;
  }
  if (cmd.verb === 'version') {
    const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
    process.stdout.write(`${pkg.version}\n`);
    return EXIT.ok;
  }
  const out = cmd.verb === 'batch' ? cmd.out : cmd.json;
  const outProblem = out && out !== '-' ? outputProblem(out, cmd.verb === 'batch' ? '--out' : '--json') : undefined;
  if (outProblem) {
    process.stderr.write(`qrouter: ${outProblem}\n`);
    return EXIT.usage;
  }
  if (cmd.verb === 'batch') return runBatch(cmd);
  if (cmd.verb === 'ask') return runAsk(cmd, checkInput, fail);
  return analyze(cmd, started);
}

/**
 * The `analyze` verb.
 * @param {Extract<import('./lib/args.mjs').Command, { verb: 'analyze' | 'batch' }>} cmd
 * @param {number} started
 */
async function analyze(cmd, started) {
  const problem = checkInput(cmd.target);
  if (problem) return fail(problem.code, problem.message);

  let session;
  try {
    session = await openSession(cmd);
  } catch (err) {
    return fail(err instanceof AppMissingError ? 'APP_MISSING' : 'BROWSER', errorMessage(err));
  }
  try {
    const progress = progressLine({ quiet: cmd.quiet });
    const t0 = performance.now();
    const outcome = await analyzeInPage(session.page, session.server.addInput(cmd.target), {
      tier: cmd.tier,
      router: cmd.router,
      budgetMs: cmd.budgetMs,
      timeoutMs: cmd.timeoutMs,
      onProgress: (e) => progress.update(e),
    });
    progress.done();
    const analysisMs = performance.now() - t0;
    if (session.blocked.length > 0) {
      process.stderr.write(`qrouter: blocked ${session.blocked.length} request(s) to other hosts: ${session.blocked.join(', ')}\n`);
    }
    if (!outcome.ok) return fail(outcome.error.code, outcome.error.message);

    const report = outcome.report;
    const json = `${JSON.stringify(report, null, 2)}\n`;
    const toStdout = cmd.json === '-';
    const summary = formatSummary(report, {
      startupMs: session.startupMs,
      analysisMs,
      totalMs: performance.now() - started,
    });
    (toStdout ? process.stderr : process.stdout).write(`${summary}\n`);
    if (toStdout) process.stdout.write(json);
    else if (cmd.json) {
      writeFileSync(cmd.json, json);
      process.stderr.write(`report written to ${cmd.json}\n`);
    }
    return EXIT.ok;
  } finally {
    await session.close();
  }
}

/**
 * Checks that the input is a readable, non-empty file before starting a browser.
 * @param {string} path
 * @returns {{ code: string, message: string } | undefined}
 */
function checkInput(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { code: 'INPUT_MISSING', message: `Cannot read "${path}": the file does not exist. Check the path.` };
  }
  if (!stat.isFile()) return { code: 'INPUT_MISSING', message: `Cannot read "${path}": it is a folder, not a file. Give the path of a video file (or use "batch" for a folder).` };
  if (stat.size === 0) return { code: 'EMPTY_INPUT', message: `"${path}" is empty (0 bytes), so there is no video to analyse. Choose the complete file.` };
  try {
    accessSync(path, constants.R_OK);
  } catch (err) {
    return { code: 'INPUT_MISSING', message: `Cannot read "${path}": ${errorMessage(err)}` };
  }
  return undefined;
}

/**
 * Prints an error as a sentence (with a hint when the message alone does not say what to do) and
 * returns the exit code for it.
 * @param {string} code
 * @param {string} message
 */
function fail(code, message) {
  const hint = /** @type {Record<string, string>} */ (ERROR_HINTS)[code];
  const oneSentence = !/[.!?]\s+\S/.test(message.trim());
  process.stderr.write(`qrouter: ${message}${hint && oneSentence ? ` ${hint}` : ''} [${code}]\n`);
  return INPUT_ERROR_CODES.has(code) ? EXIT.input : EXIT.failure;
}

/** @param {unknown} err */
function errorMessage(err) {
  return err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`qrouter: ${errorMessage(err)}\n`);
    process.exitCode = EXIT.failure;
  },
);
