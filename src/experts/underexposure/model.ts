/**
 * Underexposure expert: the fraction of the picture crushed to black. A pixel counts fully at or
 * below `FULL` (limited-range black is 16) and partly up to `END`, so the score grows smoothly as
 * shadows sink towards black.
 */
import { areaFractionModel } from '../../../scripts/onnx/ops-exposure.ts';
import { ramp } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

const FULL = 16;
const END = 32;

/** Builds the underexposure model. */
export function buildModel(): Uint8Array {
  return areaFractionModel(meta.id, meta.inputs.patch, (g, x) => g.op('Sub', [g.scalar(1), ramp(g, x, FULL, END)]));
}
