/**
 * How much of a keyframe's detail is colour rather than brightness, for the content-type classifier.
 * A camera records chroma softer than luma (the lens and sensor blur colour, and most natural edges
 * are brightness edges), so its colour-difference planes change less than its luma; drawn game
 * graphics and CG fills put saturated colours of similar brightness side by side, so their colour
 * edges are as strong as their brightness edges or stronger. One pass over a keyframe of at most
 * 320 x 180 read pixels (with a stride beyond that, as `pictureStats`).
 */
import type { Keyframe } from '../types.ts';
import { sampleGrid } from './picture-stats.ts';

/**
 * log((1 + mean colour-difference gradient) / (1 + mean luma gradient)): forward differences
 * |dx| + |dy| of luma and of B−Y plus R−Y, in code values. Below 0 when brightness carries the
 * detail, above 0 when colour does; 0 for a keyframe too small to have gradients.
 */
export function chromaEdgeRatio(kf: Keyframe): number {
  const { step, w, h } = sampleGrid(kf);
  if (w < 2 || h < 2) return 0;
  const luma = new Float32Array(w * h), cb = new Float32Array(w * h), cr = new Float32Array(w * h);
  const rgb = kf.rgb;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = 3 * (y * step * kf.width + x * step);
      const r = rgb[o]!, g = rgb[o + 1]!, b = rgb[o + 2]!;
      const l = 0.299 * r + 0.587 * g + 0.114 * b;
      const i = y * w + x;
      luma[i] = l;
      cb[i] = b - l;
      cr[i] = r - l;
    }
  }
  let gl = 0, gc = 0;
  for (let y = 0; y < h - 1; y++) {
    for (let x = 0; x < w - 1; x++) {
      const i = y * w + x;
      gl += Math.abs(luma[i + 1]! - luma[i]!) + Math.abs(luma[i + w]! - luma[i]!);
      gc += Math.abs(cb[i + 1]! - cb[i]!) + Math.abs(cb[i + w]! - cb[i]!) + Math.abs(cr[i + 1]! - cr[i]!) + Math.abs(cr[i + w]! - cr[i]!);
    }
  }
  const m = (w - 1) * (h - 1);
  return Math.log((1 + gc / m) / (1 + gl / m));
}
