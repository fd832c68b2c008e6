/**
 * Overexposure expert: the fraction of the picture that is clipped white. A pixel counts fully from
 * `FULL` up (above limited-range white, 235, where video clips) and partly from `START`, so the
 * score grows smoothly as highlights approach clipping instead of jumping.
 */
import { areaFractionModel } from '../../../scripts/onnx/ops-exposure.ts';
import { ramp } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

const START = 224;
const FULL = 238;

/** Builds the overexposure model. */
export function buildModel(): Uint8Array {
  return areaFractionModel(meta.id, meta.inputs.patch, (g, x) => ramp(g, x, START, FULL));
}
