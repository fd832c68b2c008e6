/**
 * Command-line parsing for `qrouter`: verbs, flags and their checks. Anything wrong throws a
 * UsageError, which the CLI turns into exit code 2.
 */

/** A mistake in how the command was called (exit code 2). */
export class UsageError extends Error {}

export const USAGE = `Usage:
  qrouter analyze <video> [--tier 0|1|2] [--json <file>|-] [--router fast|vlm] [--timeout <s>]
  qrouter batch <folder> [--out <results.jsonl|results.csv>] [--recursive] [--tier 0|1|2] [--router fast|vlm] [--shard i/n]
  qrouter ask <video> "<question>" [--tier 0|1|2] [--json <file>|-]   (tier 2 by default)
  ("analyse" is accepted for "analyze")
  qrouter --help | --version

Analyses videos on this machine with the in-browser engine (headless Chromium); nothing is uploaded.

Options:
  --tier 0|1|2        0 glance (fastest), 1 assess (default), 2 inspect (dense, with regions)
  --budget-ms <ms>    pick the richest tier predicted to finish within this many milliseconds
  --json <file>|-     write the report JSON to a file, or to stdout with "-"
  --router fast|vlm   the routing model (default fast; vlm falls back to fast when unavailable)
  --timeout <s>       stop one analysis after this many seconds (default 600)
  --out <file>        batch results: .jsonl (one report per line) or .csv (default: stdout JSONL)
  --shard i/n         batch: analyse only every n-th file, starting at index i (0-based)
  -r, --recursive     batch: include the videos in subfolders
  --isolate           serve the app cross-origin isolated (multi-threaded wasm)
  --headed            show the browser window
  -q, --quiet         no progress line

Exit codes:
  0  done
  1  the analyzer failed (a model or the browser could not start)
  2  usage error (unknown verb or flag, missing argument)
  3  input unreadable or unsupported (missing file, empty, not a video, unsupported codec, corrupt)

Environment:
  QROUTER_CHROMIUM / CHROME_PATH   Chromium executable (default /usr/bin/chromium)`;

const VALUE_FLAGS = new Set(['--budget-ms', '--tier', '--json', '--router', '--timeout', '--out', '--shard']);
const BOOL_FLAGS = new Set(['--recursive', '-r', '--isolate', '--headed', '--quiet', '-q', '--help', '-h', '--version']);
const VERB_FLAGS = {
  analyze: new Set(['--budget-ms', '--tier', '--json', '--router', '--timeout', '--isolate', '--headed', '--quiet', '-q']),
  ask: new Set(['--tier', '--json', '--router', '--timeout', '--isolate', '--headed', '--quiet', '-q']),
  batch: new Set(['--budget-ms', '--tier', '--out', '--router', '--timeout', '--shard', '--recursive', '-r', '--isolate', '--headed', '--quiet', '-q']),
};

/**
 * @typedef {{ verb: 'help' | 'version' } | {
 *   verb: 'analyze' | 'batch' | 'ask', target: string, question?: string, tier: 0|1|2, router: 'fast'|'vlm', json?: string,
 *   out?: string, timeoutMs: number, shard?: { index: number, count: number }, recursive: boolean, isolate: boolean,
 *   headed: boolean, quiet: boolean }} Command
 */

/**
 * Parses argv (without node and the script path).
 * @param {string[]} argv
 * @returns {Command}
 */
export function parseArgs(argv) {
  /** @type {Record<string, string | true>} */
  const flags = {};
  /** @type {string[]} */
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (BOOL_FLAGS.has(name)) {
      if (eq > 0) throw new UsageError(`${name} takes no value.`);
      flags[name] = true;
    } else if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') throw new UsageError(`${name} needs a value.`);
      flags[name] = value;
    } else {
      throw new UsageError(`Unknown option "${arg}".`);
    }
  }
  if (flags['--help'] || flags['-h'] || positional[0] === 'help') return { verb: 'help' };
  if (flags['--version']) return { verb: 'version' };

  // "analyse" is accepted as the British spelling of "analyze".
  const verb = positional[0] === 'analyse' ? 'analyze' : positional[0];
  if (!verb) throw new UsageError('Missing command: use "analyze <video>" or "batch <folder>".');
  if (verb !== 'analyze' && verb !== 'batch' && verb !== 'ask') throw new UsageError(`Unknown command "${verb}".`);
  for (const name of Object.keys(flags)) {
    if (!VERB_FLAGS[verb].has(name)) throw new UsageError(`Option ${name} does not apply to "${verb}".`);
  }
  const target = positional[1];
  if (!target) throw new UsageError(verb === 'analyze' ? 'Missing the video file to analyse.' : 'Missing the folder to analyse.');
  // ask: the question follows the video (quote it).
  if (verb === 'ask' && !positional[2]?.trim()) throw new UsageError('Missing the question, e.g. qrouter ask clip.mp4 "Is there blur?".');
  const extra = positional[verb === 'ask' ? 3 : 2];
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}"${verb === 'ask' ? ' (quote the whole question)' : ''}.`);

  return {
    verb,
    target,
    tier: verb === 'ask' && flags['--tier'] === undefined ? 2 : parseTier(flags['--tier']),
    question: verb === 'ask' ? positional[2] : undefined,
    router: parseRouter(flags['--router']),
    budgetMs: parseBudget(flags['--budget-ms']),
    json: /** @type {string | undefined} */ (flags['--json']),
    out: /** @type {string | undefined} */ (flags['--out']),
    timeoutMs: parseTimeout(flags['--timeout']),
    shard: parseShard(flags['--shard']),
    recursive: flags['--recursive'] === true || flags['-r'] === true,
    isolate: flags['--isolate'] === true,
    headed: flags['--headed'] === true,
    quiet: flags['--quiet'] === true || flags['-q'] === true,
  };
}

/** @param {string | true | undefined} v @returns {0|1|2} */
function parseTier(v) {
  if (v === undefined) return 1;
  if (v === '0' || v === '1' || v === '2') return /** @type {0|1|2} */ (Number(v));
  throw new UsageError(`--tier must be 0, 1 or 2 (got "${v}").`);
}

/** @param {string | true | undefined} v @returns {'fast'|'vlm'} */
function parseRouter(v) {
  if (v === undefined) return 'fast';
  if (v === 'fast' || v === 'vlm') return v;
  throw new UsageError(`--router must be "fast" or "vlm" (got "${v}").`);
}

/** @param {string | true | undefined} v @returns {number | undefined} */
function parseBudget(v) {
  if (v === undefined) return undefined;
  const ms = Number(v);
  if (!Number.isFinite(ms) || ms <= 0) throw new UsageError(`--budget-ms must be a positive number of milliseconds (got "${v}").`);
  return ms;
}

/** @param {string | true | undefined} v */
function parseTimeout(v) {
  if (v === undefined) return 600_000;
  const s = Number(v);
  if (!Number.isFinite(s) || s <= 0) throw new UsageError(`--timeout must be a positive number of seconds (got "${v}").`);
  return Math.round(s * 1000);
}

/** @param {string | true | undefined} v */
function parseShard(v) {
  if (v === undefined) return undefined;
  const m = /^(\d+)\/(\d+)$/.exec(String(v));
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index >= count) throw new UsageError(`--shard must look like i/n with 0 <= i < n (got "${v}").`);
  return { index, count };
}
