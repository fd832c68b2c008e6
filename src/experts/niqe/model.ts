/**
 * NIQE features in the graph, with BasicSR's (MATLAB-matching) conventions: integer Y, cropped to
 * whole 96x96 blocks; per scale, MSCN with the published 7x7 window ('nearest' border,
 * |variance|, σ + 1 in the denominator); per block, the AGGD fit of the MSCN and of its products
 * with the block-circularly rolled neighbours (np.roll); scale 2 is MATLAB imresize 0.5 bicubic with
 * antialiasing of the cropped image, on 48x48 blocks. The multivariate Gaussian fit over blocks and
 * the distance to the pristine model are in post.ts (covariance and pseudo-inverse).
 *
 * Input `x` [N,1,H,W]: BT.601 limited-range Y (16..235), which is both MATLAB's rgb2ycbcr Y and the
 * Y plane a video decoder gives. Output `feat` [N, H/96, W/96, 36] (scale-1 then scale-2 features).
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { numpyGrid, type AggdGrid } from '../../../scripts/onnx/nss-gamma.ts';
import { aggdFit, cropToBlocks, dimOf, mscn, pooledMoments, roll, scaleFeatures, toBlocks } from '../../../scripts/onnx/ops-nss.ts';
import { matlabHalf } from '../../../scripts/onnx/ops-resize.ts';
import meta from './meta.json' with { type: 'json' };
import params from './params.json' with { type: 'json' };

/** The published window is separable (outer product of its row sums, to 3e-17). */
function windowTaps(): number[] {
  return params.window.map((row) => row.reduce((a, b) => a + b, 0));
}

/** [N, h, w, 18]: the features of every block of one scale. */
function scale(g: GraphBuilder, img: string, block: number, grid: AggdGrid): string {
  const s = mscn(g, img, windowTaps(), 1);
  const b = g.op('Squeeze', [toBlocks(g, s, block), g.ints([1])]); // [N, h, b, w, b]
  // np.roll(block, shift, axis=(0, 1)) inside each block: rows are axis 2, columns axis 4.
  const frameShape = g.op('Concat', [g.op('Shape', [s], { start: 0, end: 2 }), g.ints([-1]), dimOf(g, s, 3)], { axis: 0 });
  const asFrame = (t: string) => g.op('Reshape', [t, frameShape]); // [N, 1, H, W], the blocks in place
  let down: string | undefined; // the row roll, made once for the three products that read it
  const rows = () => (down ??= roll(g, b, 2, 1));
  const rolled = [() => roll(g, b, 4, 1), rows, () => roll(g, rows(), 4, 1), () => roll(g, rows(), 4, -1)];
  // Channels MSCN, then its products with each rolled neighbour, each made just before its moments.
  const m = pooledMoments(g, [asFrame(b), ...rolled.map((r) => () => asFrame(g.op('Mul', [b, r()])))], block).blocks;
  return scaleFeatures(g, aggdFit(g, m, grid, 'first'), 'beta', 4);
}

/** Builds the NIQE feature model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  const img = cropToBlocks(g, g.op('Round', [x]), p);
  const grid = numpyGrid();
  const f1 = scale(g, img, p, grid);
  const f2 = scale(g, matlabHalf(g, img), p / 2, grid);
  g.output(g.op('Concat', [f1, f2], { axis: -1 }), 'feat', ['N', 'Ph', 'Pw', 36]);
  return g.toBytes();
}
