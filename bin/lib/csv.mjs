/**
 * Batch results as CSV: one row per file with the score, the tier, every expert's score (one
 * `expert_<id>` column per expert seen in the batch) and the artifact events with their times.
 * Rows are collected and written at the end, because the expert columns are known only then.
 */

const FIXED = ['file', 'ok', 'tier', 'score', 'label', 'confidence', 'contentType', 'decoder', 'framesAnalyzed', 'totalMs', 'events', 'error_code', 'error'];

/**
 * @typedef {{ ok: true, report: any } | { ok: false, error: { code: string, message: string } }} Outcome
 */

/** Collects outcomes and renders them as one CSV document. */
export class CsvTable {
  /** @type {{ file: string, outcome: Outcome }[]} */
  rows = [];

  /** @param {string} file @param {Outcome} outcome */
  add(file, outcome) {
    this.rows.push({ file, outcome });
  }

  /** The CSV text: header, then one line per file. */
  render() {
    /** @type {Set<string>} */
    const ids = new Set();
    for (const { outcome } of this.rows) if (outcome.ok) for (const e of outcome.report.experts ?? []) ids.add(e.id);
    const experts = [...ids].sort();
    const header = [...FIXED, ...experts.map((id) => `expert_${id}`)];
    const lines = [header.join(',')];
    for (const { file, outcome } of this.rows) lines.push(row(file, outcome, experts).map(csvCell).join(','));
    return `${lines.join('\n')}\n`;
  }
}

/** @param {string} file @param {Outcome} o @param {string[]} experts */
function row(file, o, experts) {
  const r = o.ok ? o.report : undefined;
  /** @type {Map<string, number>} */
  const scores = new Map((r?.experts ?? []).map((/** @type {{ id: string, score: number }} */ e) => [e.id, e.score]));
  return [
    file,
    o.ok,
    r?.tier,
    r?.score?.toFixed(2),
    r?.label,
    r?.confidence?.toFixed(3),
    r?.route?.contentType,
    r?.input?.decoder,
    r?.timings?.framesAnalyzed,
    r?.timings?.totalMs?.toFixed(0),
    events(r?.artifacts ?? []),
    o.ok ? '' : o.error.code,
    o.ok ? '' : o.error.message,
    ...experts.map((id) => scores.get(id)?.toFixed(2)),
  ];
}

/**
 * Events as `type@start-end` in seconds, separated by `;` (e.g. `blur@2.00-3.50;noise@0.00-4.00`).
 * @param {{ type: string, startS: number, endS: number }[]} artifacts
 */
export function events(artifacts) {
  return artifacts.map((a) => `${a.type}@${a.startS.toFixed(2)}-${a.endS.toFixed(2)}`).join(';');
}

/** @param {unknown} v */
export function csvCell(v) {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
