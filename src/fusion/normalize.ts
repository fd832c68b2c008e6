/** Maps an expert's raw value onto 0..100 (higher is better) from its metadata alone. */
import type { ExpertMeta } from '../experts/types.ts';

/** 0..100 quality from a raw value: linear between the ends of `range`, clamped, direction from `lowerIsBetter`. */
export function normalizeScore(meta: Pick<ExpertMeta, 'range' | 'lowerIsBetter'>, raw: number): number {
  const [a, b] = meta.range;
  if (!Number.isFinite(raw) || a === b) return Number.NaN;
  // `range` is [best, worst] for lower-is-better experts and [worst, best] otherwise; accept either order.
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const t = Math.min(1, Math.max(0, (raw - lo) / (hi - lo)));
  return 100 * (meta.lowerIsBetter ? 1 - t : t);
}
