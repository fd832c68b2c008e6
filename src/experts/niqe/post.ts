/**
 * NIQE after the graph. Per frame: fit a multivariate Gaussian to the block features (mean ignoring
 * NaN, covariance of the complete rows) and measure its distance to the pristine model,
 * sqrt((μp − μd)ᵀ pinv((Σp + Σd)/2) (μp − μd)) — the standard whole-image NIQE. Per block (the map):
 * the same distance for that block's features alone against the pristine Gaussian, using Σp only
 * (one block has no covariance); a NaN feature (a flat block side) counts as pristine.
 */
import type { TensorData } from '../../inference/ort.ts';
import type { ExpertFrameOutput, ExpertMeta } from '../types.ts';
import { covarianceOfCompleteRows, nanMean, pinvSymmetric, quadratic, type Matrix } from './linalg.ts';
import params from './params.json' with { type: 'json' };

const D = 36;
const muPris = Float64Array.from(params.mu);
const covPris: Matrix = { rows: D, cols: D, data: Float64Array.from(params.cov.flat()) };
let pinvPris: Matrix | undefined;

/** NIQE of one frame from its block features [blocks × 36]. */
export function niqeFromFeatures(feat: Matrix): number {
  const mu = nanMean(feat);
  const cov = covarianceOfCompleteRows(feat);
  const mean: Matrix = { rows: D, cols: D, data: covPris.data.map((v, i) => (v + cov.data[i]!) / 2) };
  const d = muPris.map((v, j) => v - mu[j]!);
  return Math.sqrt(quadratic(pinvSymmetric(mean), d));
}

/** The per-block distance to the pristine Gaussian. */
export function blockDistance(row: ArrayLike<number>): number {
  pinvPris ??= pinvSymmetric(covPris);
  const d = new Float64Array(D);
  for (let j = 0; j < D; j++) {
    const v = row[j]!;
    d[j] = Number.isNaN(v) ? 0 : muPris[j]! - v;
  }
  return Math.sqrt(Math.max(0, quadratic(pinvPris, d)));
}

/** Turns `feat` [N, Ph, Pw, 36] into per-frame NIQE and per-block maps. */
export function postprocess(outputs: Record<string, TensorData>, _meta: ExpertMeta): ExpertFrameOutput {
  const feat = outputs.feat;
  if (!feat) throw new Error('niqe model must output "feat"');
  const [n = 0, ph = 0, pw = 0] = feat.dims;
  const blocks = ph * pw;
  const score = new Float32Array(n);
  const map = new Float32Array(n * blocks);
  for (let f = 0; f < n; f++) {
    const data = Float64Array.from(feat.data.subarray(f * blocks * D, (f + 1) * blocks * D));
    score[f] = niqeFromFeatures({ rows: blocks, cols: D, data });
    for (let b = 0; b < blocks; b++) map[f * blocks + b] = blockDistance(data.subarray(b * D, (b + 1) * D));
  }
  return { score, map, ph, pw };
}
