/**
 * `qrouter ask <video> "<question>"`: analyses the video with the in-browser engine (tier 2 unless
 * --tier says otherwise, so events carry regions), then answers the question in the page with the
 * library's `ask` (the project's own answerer, from the report). The answer goes to stdout; with
 * --json, `{ question, answer, report }` goes to the file (or to stdout with "-", the answer to stderr).
 */
import { writeFileSync } from 'node:fs';
import { openSession, AppMissingError } from './session.mjs';
import { analyzeInPage } from './page-analysis.mjs';
import { progressLine } from './summary.mjs';

/**
 * Runs the `ask` verb.
 * @param {Extract<import('./args.mjs').Command, { verb: 'analyze' | 'batch' | 'ask' }>} cmd
 * @param {(path: string) => { code: string, message: string } | undefined} checkInput the CLI's input check
 * @param {(code: string, message: string) => number} fail prints an error and returns its exit code
 * @returns {Promise<number>} the exit code
 */
export async function runAsk(cmd, checkInput, fail) {
  const problem = checkInput(cmd.target);
  if (problem) return fail(problem.code, problem.message);
  let session;
  try {
    session = await openSession(cmd);
  } catch (err) {
    return fail(err instanceof AppMissingError ? 'APP_MISSING' : 'BROWSER', err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err));
  }
  try {
    const progress = progressLine({ quiet: cmd.quiet });
    const outcome = await analyzeInPage(session.page, session.server.addInput(cmd.target), {
      tier: cmd.tier,
      router: cmd.router,
      timeoutMs: cmd.timeoutMs,
      onProgress: (e) => progress.update(e),
    });
    progress.done();
    if (!outcome.ok) return fail(outcome.error.code, outcome.error.message);
    const answer = await session.page.evaluate(
      ({ report, question }) => /** @type {any} */ (window).qrouter.ask(report, question),
      { report: outcome.report, question: /** @type {string} */ (cmd.question) },
    );
    const toStdout = cmd.json === '-';
    (toStdout ? process.stderr : process.stdout).write(`${answer.text}\n`);
    if (!answer.answered) process.stderr.write('qrouter: the question could not be answered from the report (see above).\n');
    if (cmd.json) {
      const json = `${JSON.stringify({ question: cmd.question, answer, report: outcome.report }, null, 2)}\n`;
      if (toStdout) process.stdout.write(json);
      else {
        writeFileSync(cmd.json, json);
        process.stderr.write(`answer and report written to ${cmd.json}\n`);
      }
    }
    return 0;
  } finally {
    await session.close();
  }
}
