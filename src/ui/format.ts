/** Number and label formatting shared by the result views. */
import type { QualityLabel } from '../report/types.ts';

/** A number with a fixed count of decimals, or an en dash when it is not finite. */
export function fixed(value: number, digits = 0): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** A duration in milliseconds as "850 ms" or "2.4 s". */
export function duration(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** Seconds as "m:ss.s". */
export function clock(s: number): string {
  if (!Number.isFinite(s)) return '–';
  const m = Math.floor(s / 60);
  const rest = s - m * 60;
  return `${m}:${rest.toFixed(1).padStart(4, '0')}`;
}

/** Bytes as "3.4 MB". */
export function bytes(n: number): string {
  if (!Number.isFinite(n)) return '–';
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The colour token of a 0..100 score. */
export function scoreTone(score: number): 'good' | 'fair' | 'bad' {
  return score >= 70 ? 'good' : score >= 45 ? 'fair' : 'bad';
}

/** A capitalised label. */
export function labelText(label: QualityLabel | string): string {
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** An id like "natural-camera" as "natural camera". */
export function words(id: string): string {
  return id.replace(/[-_]/g, ' ');
}
