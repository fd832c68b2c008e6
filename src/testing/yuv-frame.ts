/**
 * Synthetic decoded frames for tests that read a picture at several source sizes through the plan's
 * analysis size: 8-bit full-range 4:2:0 planes whose luma is a function of the position relative to
 * the picture (0..1 both ways), with neutral chroma.
 */
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import { fitSize } from '../frames/resample.ts';
import { planeNeeds, toAnalysisFrame } from '../pipeline/analysis-frame.ts';
import { TIERS } from '../pipeline/plan.ts';
import { metaOf, type Plane } from './expert-harness.ts';

/** A w×h frame whose luma at pixel (x, y) is `luma(u, v, x, y)` (u, v: the pixel centre relative to the picture), rounded and clamped to 0..255. */
export function yuvFrame(w: number, h: number, luma: (u: number, v: number, x: number, y: number) => number): YuvPlanes {
  const cw = Math.ceil(w / 2);
  const ch = Math.ceil(h / 2);
  const data = new Uint8Array(w * h + 2 * cw * ch).fill(128);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[y * w + x] = Math.max(0, Math.min(255, Math.round(luma((x + 0.5) / w, (y + 0.5) / h, x, y))));
  return { fullRange: true, width: w, height: h, data, y: { offset: 0, stride: w }, u: { offset: w * h, stride: cw, width: cw, height: ch }, v: { offset: w * h + cw * ch, stride: cw, width: cw, height: ch } };
}

/** The plane an expert reads of `frame` when the frame is analysed at tier 1 (the plan's analysis size). */
export function analysisPlaneOf(id: string, frame: YuvPlanes): Plane {
  const meta = metaOf(id);
  const box = TIERS[1].analysisBox;
  const size = fitSize(frame.width, frame.height, box[0], box[1]);
  const f = toAnalysisFrame(frame, 0, 0, size, size, planeNeeds([meta]));
  const p = meta.inputs.planes === 'yuv' ? f.yuv! : meta.inputs.planes === 'rgb' ? f.rgb! : f.luma;
  return { width: p.width, height: p.height * p.channels, data: p.data };
}
