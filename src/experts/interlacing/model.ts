/**
 * Interlacing expert: combing, the saw-tooth lines that appear where two fields captured at
 * different times are woven into one frame and something moved between them.
 *
 * Per pixel, the alternating-line component r = I(y) - (I(y-1) + I(y+1)) / 2 is the energy at the
 * vertical Nyquist frequency. Three things separate combing from ordinary detail:
 * - motion: a field offset turns a moving edge into a short horizontal run of alternating lines,
 *   whereas static line texture (1-px horizontal stripes, scan lines) alternates uniformly along
 *   the row; r minus its 17-pixel horizontal mean keeps the first and removes the second;
 * - extent: the sign of r must alternate over six consecutive rows, which a single thin line or a
 *   horizontal edge (two rows) never does;
 * - amplitude: half the smallest |r| of that run, in code values.
 * The map is the patch mean of that amplitude; the frame score is the mean of the top 10% of
 * patches, since combing sits only on moving edges. Needs frames whose rows were not resampled.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { conv2d, edgePad, patchMean, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { flattenFrames, rowTopMean, signFlips } from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** Width of the horizontal mean removed from r (longer than a typical field displacement). */
const ROW_WINDOW = 17;
/** Consecutive sign flips required (rows - 1). */
const RUN = 5;

/** Builds the interlacing model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const r = conv2d(g, edgePad(g, x, [1, 0, 1, 0]), [[-0.5], [1], [-0.5]]);
  const half = (ROW_WINDOW - 1) / 2;
  const rowMean = g.op('AveragePool', [r], {
    kernel_shape: [1, ROW_WINDOW], strides: [1, 1], pads: [0, half, 0, half], count_include_pad: 0,
  });
  const moving = g.op('Sub', [r, rowMean]);
  // flips[y] > 0 when rows y-1 and y have opposite signs; keep the smallest over a run of flips.
  const flips = signFlips(g, moving, 2);
  const runMin = g.op('Neg', [
    g.op('MaxPool', [g.op('Neg', [flips])], { kernel_shape: [RUN, 1], strides: [1, 1], pads: [(RUN - 1) / 2, 0, (RUN - 1) / 2, 0] }),
  ]);
  const comb = g.op('Mul', [g.op('Sqrt', [g.op('Relu', [runMin])]), g.scalar(0.5)]);
  const map = patchMean(g, comb, meta.inputs.patch);
  const score = rowTopMean(g, flattenFrames(g, map), 0.1);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
