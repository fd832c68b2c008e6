/**
 * BRISQUE as OpenCV's quality module computes it, entirely in the graph: gray in [0, 1], two scales
 * (the second by INTER_CUBIC to half size), MSCN with a 7x7 Gaussian (σ = 7/6, replicated border,
 * +1/255 in the denominator), AGGD fits of the MSCN and of its four neighbour products (zero
 * outside the frame), 36 features scaled to [−1, 1] by the LIVE range file, then the LIVE-trained
 * RBF epsilon-SVR, clamped to [0, 100].
 *
 * Input `x` [N,1,H,W]: by default the app's luma, BT.601 limited-range Y (16..235). OpenCV reads a
 * BGR picture and converts it to full-range gray (0.299 R + 0.587 G + 0.114 B, rounded to 8 bits),
 * which for video is (Y − 16)·255/219: the model does that expansion and rounding first.
 * `buildModel({ input: 'gray' })` instead takes OpenCV's gray itself (used by the reference tests).
 *
 * Outputs: `score` [N] (the whole-frame value), `map` [N, H/96, W/96] (the same SVR applied to the
 * features of each 96x96 block, 48x48 at the second scale; featureless blocks take the frame
 * score) and `features` [N, 36] (the raw features, for comparison with OpenCV's computeFeatures).
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { opencvGrid, type AggdGrid } from '../../../scripts/onnx/nss-gamma.ts';
import { aggdFit, mscn, pooledMoments, scaleFeatures, shiftZero } from '../../../scripts/onnx/ops-nss.ts';
import { opencvCubicHalf } from '../../../scripts/onnx/ops-resize.ts';
import { clamp } from '../../../scripts/onnx/ops-stats.ts';
import { svrRaw } from './svr-graph.ts';
import meta from './meta.json' with { type: 'json' };

/** What the model's input plane holds. */
export interface BrisqueModelOptions {
  /** `video-luma`: BT.601 limited-range Y (the app); `gray`: OpenCV's 8-bit full-range gray. */
  input?: 'video-luma' | 'gray';
}

/** OpenCV's 1-D Gaussian for ksize 7, σ = 7/6 (getGaussianKernel). */
function gaussianTaps(): number[] {
  const sigma = 7 / 6;
  const t = Array.from({ length: 7 }, (_, i) => Math.exp(-((i - 3) ** 2) / (2 * sigma * sigma)));
  const s = t.reduce((a, b) => a + b, 0);
  return t.map((v) => v / s);
}

// OpenCV's pairwise-product orientations: (dy, dx) of the neighbour (H, V, D1, D2).
const SHIFTS: [number, number][] = [[0, 1], [1, 0], [1, 1], [-1, 1]];

/** The 18 features of one scale, for the whole frame ([N,18]) and per block ([N,h,w,18]). */
function scale(g: GraphBuilder, img: string, block: number, grid: AggdGrid): { whole: string; blocks: string } {
  const s = mscn(g, img, gaussianTaps(), 1 / 255);
  const products = SHIFTS.map(([dy, dx]) => () => g.op('Mul', [s, shiftZero(g, s, dy, dx)]));
  const m = pooledMoments(g, [s, ...products], block); // channels: MSCN, then H, V, D1, D2
  const whole = aggdFit(g, m.whole(), grid, 'last');
  const perBlock = aggdFit(g, m.blocks, grid, 'last');
  return { whole: scaleFeatures(g, whole, 'variance', 2), blocks: scaleFeatures(g, perBlock, 'variance', 4) };
}

/** Builds the BRISQUE model. */
export function buildModel(options: BrisqueModelOptions = {}): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  let gray = x;
  if ((options.input ?? 'video-luma') === 'video-luma') {
    const full = g.op('Mul', [g.op('Sub', [x, g.scalar(16)]), g.scalar(255 / 219)]);
    gray = clamp(g, g.op('Round', [full]), 0, 255);
  }
  const unit = g.op('Div', [gray, g.scalar(255)]);
  const grid = opencvGrid();
  const p = meta.inputs.patch;
  const s1 = scale(g, unit, p, grid);
  const s2 = scale(g, opencvCubicHalf(g, unit), p / 2, grid);
  const features = g.op('Concat', [s1.whole, s2.whole], { axis: -1 });
  const blockFeatures = g.op('Concat', [s1.blocks, s2.blocks], { axis: -1 });
  // OpenCV clamps the regression to [0, 100]; NaN (a featureless frame) passes through as NaN.
  const to100 = (t: string) => g.op('Clip', [t, g.scalar(0), g.scalar(100)]);
  const raw = svrRaw(g, features);
  const score = g.op('Where', [g.op('IsNaN', [raw]), raw, to100(raw)]);
  const perBlock = svrRaw(g, blockFeatures);
  const frame = g.op('Expand', [g.op('Unsqueeze', [score, g.ints([1, 2])]), g.op('Shape', [perBlock])]);
  const map = g.op('Where', [g.op('IsNaN', [perBlock]), frame, to100(perBlock)]);
  g.output(score, 'score', ['N']);
  g.output(map, 'map', ['N', 'Ph', 'Pw']);
  g.output(features, 'features', ['N', 36]);
  return g.toBytes();
}
