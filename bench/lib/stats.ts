/** Small statistics and formatting helpers for benchmark tables. */

/** Median of a non-empty list (NaN for an empty one). */
export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Mean of a list (NaN for an empty one). */
export function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

/** A number with `digits` decimals, or "–" when it is not finite. */
export function fmt(value: number | undefined, digits = 0): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits);
}

/** Reads the value of `--name <value>` from argv, or `fallback`. */
export function argValue(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** True when `--name` is on the command line. */
export function argFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
