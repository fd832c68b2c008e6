/**
 * Texture detail after the graph: each frame's score is the median ratio over its textured blocks
 * (model.ts); a frame without any textured block (a flat or black picture) has no texture to lose and
 * reads 1. The map is the ratio per 8×8 block on the frame's whole block grid (the graph leaves the
 * border ring out: it has no eight neighbours), untextured and border blocks taking the frame's score.
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
  const [n = 0, ih = 0, iw = 0] = ratio.dims;
  const inner = ih * iw;
  const ph = ih + 2, pw = iw + 2;
  const score = new Float32Array(n);
  const map = new Float32Array(n * ph * pw);
  for (let f = 0; f < n; f++) {
    const r = ratio.data.subarray(f * inner, (f + 1) * inner);
    const s = texturedMedian(r);
    score[f] = s;
    const m = map.subarray(f * ph * pw, (f + 1) * ph * pw);
    m.fill(s);
    for (let y = 0; y < ih; y++) for (let x = 0; x < iw; x++) if (r[y * iw + x]! >= 0) m[(y + 1) * pw + x + 1] = r[y * iw + x]!;
  }
  return { score, map, ph, pw };
}
