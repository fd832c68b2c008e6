/**
 * Interlacing expert: combing, the saw-tooth lines that appear where two fields captured at
 * different times are woven into one frame and something moved between them.
 *
 * The frame is first halved horizontally (rows stay intact; combing survives). Per pixel, the
 * alternating-line component r = I(y) - (I(y-1) + I(y+1)) / 2 is the energy at the vertical
 * Nyquist frequency. Three things separate combing from ordinary detail:
 * - motion: a field offset turns a moving edge into a short horizontal run of alternating lines,
 *   whereas static line texture (1-px horizontal stripes, scan lines) alternates uniformly along
 *   the row; r minus its 9-sample horizontal mean keeps the first and removes the second;
 * - extent: r must flip sign between every pair of rows over six consecutive rows, which a single
 *   thin line or a horizontal edge (two rows) never does;
 * - amplitude: per patch, half the root mean of the smallest flip product -r(y)·r(y-1) of each run,
 *   in code values (about half the step of a combed edge).
 * The map holds that amplitude per patch; the frame score is the mean of the top 10% of patches,
 * since combing sits only on moving edges. Needs frames whose rows were not resampled.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { conv2d, edgePad, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { flattenFrames, rowTopMean, sliceAxis } from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** Width of the horizontal mean removed from r, in half-width samples (longer than a field shift). */
const ROW_WINDOW = 9;
/** Consecutive sign flips required (rows - 1). */
const RUN = 5;

/** Builds the interlacing model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  const narrow = g.op('AveragePool', [x], { kernel_shape: [1, 2], strides: [1, 2] });
  const r = conv2d(g, edgePad(g, narrow, [1, 0, 1, 0]), [[-0.5], [1], [-0.5]]);
  const half = (ROW_WINDOW - 1) / 2;
  const rowMean = g.op('AveragePool', [r], {
    kernel_shape: [1, ROW_WINDOW], strides: [1, 1], pads: [0, half, 0, half], count_include_pad: 0,
  });
  const moving = g.op('Sub', [r, rowMean]);
  // product[y] < 0 when rows y and y+1 have opposite signs; a run flips all the way when even
  // its largest product is negative.
  const product = g.op('Mul', [sliceAxis(g, moving, 1, 2 ** 31 - 1, 2), sliceAxis(g, moving, 0, -1, 2)]);
  // Padded so the output keeps H rows (the patch grid is then floor(H/p) × floor(W/p)).
  const worst = g.op('MaxPool', [product], { kernel_shape: [RUN, 1], strides: [1, 1], pads: [(RUN - 1) / 2, 0, (RUN + 1) / 2, 0] });
  const runFlip = g.op('Relu', [g.op('Neg', [worst])]);
  const pooled = g.op('AveragePool', [runFlip], { kernel_shape: [p, p / 2], strides: [p, p / 2] });
  const map = g.op('Mul', [g.op('Sqrt', [pooled]), g.scalar(0.5)]);
  const score = rowTopMean(g, flattenFrames(g, map), 0.1);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
