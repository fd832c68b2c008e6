/** Types of csv.mjs: batch results as CSV. */

type Outcome = { ok: true; report: unknown } | { ok: false; error: { code: string; message: string } };

/** Collects outcomes and renders them as one CSV document (expert columns known at the end). */
export class CsvTable {
  add(file: string, outcome: Outcome): void;
  render(): string;
}

/** Events as `type@start-end` in seconds, `;`-separated. */
export function events(artifacts: { type: string; startS: number; endS: number }[]): string;

/** One CSV cell, quoted when needed. */
export function csvCell(v: unknown): string;
