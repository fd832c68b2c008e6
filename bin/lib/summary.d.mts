/** Types of summary.mjs: the CLI's progress line and short summary. */

/** An artifact event as the summary reads it. */
export interface SummaryEvent {
  type: string;
  startS: number;
  endS: number;
  severity?: number;
  region?: { x: number; y: number; w: number; h: number };
}

/** A progress display on stderr. */
export function progressLine(options?: { quiet?: boolean; label?: string }): {
  update(e: { stage: string; progress: number; message?: string }): void;
  done(): void;
};

/** The short summary of one report. */
export function formatSummary(report: unknown, times: { startupMs: number; analysisMs: number; totalMs: number }): string;

/** The artifact events with their times, one per line. */
export function eventLines(artifacts: SummaryEvent[]): string[];

/** Error codes that mean "this input cannot be analysed" (exit code 3). */
export const INPUT_ERROR_CODES: Set<string>;

/** A short "what to do" hint per error code. */
export const ERROR_HINTS: Record<string, string>;
