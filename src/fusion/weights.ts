/**
 * Fusion weights: fitted on the calibration ladders (src/fusion/weights.json, made by
 * bench/calibrate/fit.ts) where the data speaks for an expert, and a prior from metadata otherwise.
 */
import type { ExpertMeta } from '../experts/types.ts';
import fitted from './weights.json' with { type: 'json' };

/** The weight an expert has before any data: artifact detectors 1, learned models 0.5, aesthetic measures 0.25. */
export function priorWeight(meta: Pick<ExpertMeta, 'artifact' | 'post'>): number {
  if (meta.artifact) return 1;
  if (meta.post) return 0.5;
  return 0.25;
}

const data = fitted as { weights: Record<string, number | undefined>; tolerances?: Record<string, number | undefined> };

/** The fitted weight of an expert, or its prior when the calibration did not cover it. */
export function baseWeight(meta: Pick<ExpertMeta, 'id' | 'artifact' | 'post'>): number {
  const w = data.weights[meta.id];
  return typeof w === 'number' ? w : priorWeight(meta);
}

/** The fitted tolerance of an expert: the defect pristine content already shows on its scale (0 if not fitted). */
export function tolerance(id: string): number {
  return data.tolerances?.[id] ?? 0;
}
