/**
 * Fusion weights and tolerances, fitted on real footage (src/fusion/weights.json, made by
 * bench/calibrate/fit.ts) where the data speaks for an expert, and a prior from metadata otherwise.
 * A fit may key entries by content type (the router's vocabulary: natural-camera, screen-content,
 * animation, gameplay, ai-generated, still-slideshow, low-light); a type without its own entry, or an
 * expert its entry does not list, falls back to the `default` entry (the top-level tables).
 */
import type { ExpertMeta } from '../experts/types.ts';
import fitted from './weights.json' with { type: 'json' };

/** Base weight and tolerance per expert id, for one content type. */
export interface FusionTable {
  weights: Record<string, number | undefined>;
  tolerances: Record<string, number | undefined>;
}

interface WeightsFile {
  weights: Record<string, number | undefined>;
  tolerances?: Record<string, number | undefined>;
  curves?: Record<string, number | undefined>;
  byContentType?: Record<string, (Partial<FusionTable> & { curves?: Record<string, number | undefined> }) | undefined>;
}

const data = fitted as WeightsFile;
const defaults: FusionTable = { weights: data.weights, tolerances: data.tolerances ?? {} };

/** The weight an expert has before any data: artifact detectors 1, learned models 0.5, aesthetic measures 0.25. */
export function priorWeight(meta: Pick<ExpertMeta, 'artifact' | 'post'>): number {
  if (meta.artifact) return 1;
  if (meta.post) return 0.5;
  return 0.25;
}

/**
 * The fitted table for a content type: its own entries over the `default` ones. Unknown or missing
 * types (and `undefined`) give the default table.
 */
export function weightsFor(contentType?: string): FusionTable {
  const own = contentType ? data.byContentType?.[contentType] : undefined;
  if (!own) return defaults;
  return { weights: { ...defaults.weights, ...own.weights }, tolerances: { ...defaults.tolerances, ...own.tolerances } };
}

/** The fitted weight of an expert (for a content type when given), or its prior when the fit did not cover it. */
export function baseWeight(meta: Pick<ExpertMeta, 'id' | 'artifact' | 'post'>, contentType?: string): number {
  const w = weightsFor(contentType).weights[meta.id];
  return typeof w === 'number' ? w : priorWeight(meta);
}

/** The fitted tolerance of an expert (for a content type when given): the defect pristine content already shows on its scale (0 if not fitted). */
export function tolerance(id: string, contentType?: string): number {
  return weightsFor(contentType).tolerances[id] ?? 0;
}

/**
 * The response curve of an expert (for a content type when given): fusion reads its defect d (0..1)
 * as d^curve, so a curve above 1 spares mild readings while the worst end still costs the whole
 * weight. 1 (linear) unless weights.json sets one (`curves`, overlaid by a content type's own).
 */
export function curve(id: string, contentType?: string): number {
  const own = contentType ? data.byContentType?.[contentType]?.curves?.[id] : undefined;
  return own ?? data.curves?.[id] ?? 1;
}
