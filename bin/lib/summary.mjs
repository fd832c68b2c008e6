/**
 * Human-facing output of the CLI: the one-line progress display on stderr and the short summary.
 */

/**
 * A progress display on stderr: one line rewritten in place on a terminal, one line per stage
 * otherwise (so logs stay readable).
 * @param {{ quiet?: boolean, label?: string }} [options]
 */
export function progressLine(options = {}) {
  const tty = Boolean(process.stderr.isTTY);
  let lastStage = '';
  let shown = false;
  return {
    /** @param {{ stage: string, progress: number, message?: string }} e */
    update(e) {
      if (options.quiet) return;
      const pct = `${Math.round(Math.max(0, Math.min(1, e.progress)) * 100)}`.padStart(3);
      const text = `${options.label ? `${options.label} ` : ''}[${bar(e.progress)}] ${pct}% ${e.stage}${e.message ? `: ${e.message}` : ''}`;
      if (tty) {
        const width = Math.max(20, (process.stderr.columns ?? 80) - 1);
        process.stderr.write(`\r\x1b[2K${text.slice(0, width)}`);
        shown = true;
      } else if (e.stage !== lastStage) {
        process.stderr.write(`${text}\n`);
      }
      lastStage = e.stage;
    },
    /** Clears the in-place line. */
    done() {
      if (tty && shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}

/** @param {number} p */
function bar(p) {
  const n = 20;
  const full = Math.round(Math.max(0, Math.min(1, p)) * n);
  return '#'.repeat(full) + '.'.repeat(n - full);
}

/**
 * The short summary of one report.
 * @param {any} report a qrouter.report/1 object
 * @param {{ startupMs: number, analysisMs: number, totalMs: number }} times
 * @returns {string}
 */
export function formatSummary(report, times) {
  const lines = [];
  const input = report.input ?? {};
  lines.push(`${input.name}: ${fmt(report.score, 1)} / 100 (${report.label}), confidence ${fmt(report.confidence * 100, 0)}%`);
  lines.push(
    `  video     ${input.width}x${input.height}, ${fmt(input.durationS, 1)} s, ${fmt(input.fps, 2)} fps, ${input.codec} (${input.decoder})`,
  );
  lines.push(`  route     ${report.route?.router} router, content "${report.route?.contentType}"`);
  const weights = new Map((report.route?.experts ?? []).map((/** @type {any} */ e) => [e.id, e.weight]));
  // The experts that pull the score down most: weight times distance from 100.
  const pull = (/** @type {any} */ e) => (weights.get(e.id) ?? 0) * (100 - e.score);
  const top = [...(report.experts ?? [])]
    .filter((e) => pull(e) > 0)
    .sort((a, b) => pull(b) - pull(a) || a.score - b.score)
    .slice(0, 4)
    .map((e) => `${e.id} ${fmt(e.score, 0)}${weights.has(e.id) ? ` (w ${fmt(weights.get(e.id), 2)})` : ''}`);
  lines.push(`  weakest   ${top.join(', ') || 'none (every weighted expert scores 100)'}`);
  lines.push(...eventLines(report.artifacts ?? []));
  const t = report.timings ?? {};
  lines.push(
    `  engine    ${fmt(t.totalMs, 0)} ms for ${t.framesAnalyzed} frames (decode ${fmt(t.decodeMs, 0)}, route ${fmt(t.routeMs, 0)}, experts ${fmt(t.expertsMs, 0)}) on ${report.backend?.ep}${report.backend?.adapter ? ` [${report.backend.adapter}]` : ''}`,
  );
  lines.push(
    `  time      start-up ${fmt(times.startupMs, 0)} ms (browser + page), analysis ${fmt(times.analysisMs, 0)} ms, total ${fmt(times.totalMs, 0)} ms`,
  );
  return lines.join('\n');
}

/** Events listed in the summary before the rest is counted. */
const MAX_EVENTS = 8;

/**
 * The artifact events with their times, as `freeze 3.0–4.0 s`, in time order, one per line.
 * @param {{ type: string, startS: number, endS: number, severity?: number, region?: { x: number, y: number, w: number, h: number } }[]} artifacts
 * @returns {string[]}
 */
export function eventLines(artifacts) {
  if (artifacts.length === 0) return ['  artifacts none'];
  const sorted = [...artifacts].sort((a, b) => a.startS - b.startS || a.type.localeCompare(b.type));
  const pct = (/** @type {number} */ v) => `${Math.round(v * 100)}%`;
  const width = Math.max(...sorted.slice(0, MAX_EVENTS).map((a) => a.type.length));
  const lines = [`  artifacts ${artifacts.length}`];
  for (const a of sorted.slice(0, MAX_EVENTS)) {
    const where = a.region ? `, region x ${pct(a.region.x)} y ${pct(a.region.y)} (${pct(a.region.w)} x ${pct(a.region.h)})` : '';
    const sev = typeof a.severity === 'number' ? `, severity ${pct(a.severity)}` : '';
    lines.push(`    ${a.type.padEnd(width)} ${fmt(a.startS, 1)}–${fmt(a.endS, 1)} s${sev}${where}`);
  }
  if (sorted.length > MAX_EVENTS) lines.push(`    … and ${sorted.length - MAX_EVENTS} more (see --json)`);
  return lines;
}

/**
 * @param {unknown} v
 * @param {number} digits
 */
function fmt(v, digits) {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '?';
}

/** Error codes that mean "this input cannot be analysed" (exit code 3). */
export const INPUT_ERROR_CODES = new Set([
  'UNSUPPORTED_CODEC',
  'CORRUPT_INPUT',
  'EMPTY_INPUT',
  'NOT_VIDEO',
  'FRAME_TOO_LARGE',
  'INPUT_MISSING',
]);

/** A short "what to do" hint per error code. */
export const ERROR_HINTS = {
  UNSUPPORTED_CODEC: 'Re-encode it to H.264, VP9 or AV1 (for example: ffmpeg -i in -c:v libx264 out.mp4).',
  CORRUPT_INPUT: 'Check that the file plays in a video player, or export it again.',
  EMPTY_INPUT: 'The file has no bytes; choose the complete file.',
  NOT_VIDEO: 'Choose a video file such as .mp4, .webm or .mov.',
  FRAME_TOO_LARGE: 'Scale the video down (at most 4K) and try again.',
  INPUT_MISSING: 'Check the path.',
  MODEL_LOAD: 'Rebuild the app with "npm run build" so the models are in dist/models/.',
  TIMEOUT: 'Try a lower tier (--tier 0) or a shorter clip.',
};
