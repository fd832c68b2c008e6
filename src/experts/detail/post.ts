/**
 * Texture detail after the graph: each frame's score is the median ratio over its textured blocks
 * (model.ts); a frame without any textured block (a flat or black picture) has no texture to lose and
 * reads 1. The map is the ratio per interior block, untextured blocks taking the frame's score.
 */
import type { TensorData } from '../../inference/ort.ts';
import type { ExpertFrameOutput, ExpertMeta } from '../types.ts';

/** Median of the non-negative values (the mean of the two middle ones for an even count); 1 when there are none. */
export function texturedMedian(values: ArrayLike<number>): number {
  const v: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i]! >= 0) v.push(values[i]!);
  if (!v.length) return 1;
  v.sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[n >> 1]! : (v[n / 2 - 1]! + v[n / 2]!) / 2;
}

/** Turns `ratio` [N, Ph, Pw] into per-frame scores and maps. */
export function postprocess(outputs: Record<string, TensorData>, _meta: ExpertMeta): ExpertFrameOutput {
  const ratio = outputs.ratio;
  if (!ratio) throw new Error('detail model must output "ratio"');
  const [n = 0, ph = 0, pw = 0] = ratio.dims;
  const blocks = ph * pw;
  const score = new Float32Array(n);
  const map = new Float32Array(n * blocks);
  for (let f = 0; f < n; f++) {
    const r = ratio.data.subarray(f * blocks, (f + 1) * blocks);
    const s = texturedMedian(r);
    score[f] = s;
    for (let b = 0; b < blocks; b++) map[f * blocks + b] = r[b]! >= 0 ? r[b]! : s;
  }
  return { score, map, ph, pw };
}
