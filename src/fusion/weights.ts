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

const table: Record<string, number | undefined> = (fitted as { weights: Record<string, number> }).weights;

/** The fitted weight of an expert, or its prior when the calibration did not cover it. */
export function baseWeight(meta: Pick<ExpertMeta, 'id' | 'artifact' | 'post'>): number {
  const w = table[meta.id];
  return typeof w === 'number' ? w : priorWeight(meta);
}
