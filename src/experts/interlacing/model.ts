/**
 * Interlacing expert: combing, the saw-tooth lines that appear where two fields captured at
 * different times are woven into one frame and something moved between them.
 *
 * The frame is first halved horizontally (rows stay intact; combing survives). Per pixel, the
 * cross-field residual r = I(y) - (I(y-1) + I(y+1)) / 2 is the energy at the vertical Nyquist
 * frequency. Four things separate combing from ordinary detail:
 * - motion: a field offset turns a moving edge into a short horizontal run of alternating lines,
 *   whereas static line texture (1-px horizontal stripes, scan lines) alternates uniformly along
 *   the row; r minus its 9-sample horizontal mean keeps the first and removes the second;
 * - extent: r must flip sign between every pair of rows over six consecutive rows, which a single
 *   thin line or a horizontal edge (two rows) never does;
 * - field smoothness: in a combed frame each field is smooth on its own and only the two fields
 *   disagree, whereas noise and fine or fractal texture alternate just as readily within one field.
 *   The within-field residual w = I(y) - (I(y-2) + I(y+2)) / 2 goes through the same flip test
 *   along the field's own rows (y, y+2, ..., y+10); per patch the expert keeps the share
 *   1 - c·(within-field flip energy)/(cross-field flip energy), clamped at 0, with the within-field
 *   energy averaged over the 3×3 neighbouring patches so that the estimate is steady;
 * - amplitude: per patch, half the root mean of the smallest flip product -r(y)·r(y-1) of each run,
 *   in code values (about half the step of a combed edge), scaled by that share.
 * The map holds that amplitude per patch; the frame score is the mean of the top 10% of patches,
 * since combing sits only on moving edges. Needs frames whose rows were not resampled.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { edgePad, rowWindowMean, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { flattenFrames, rowTopMean, sliceAxis } from '../../../scripts/onnx/ops-temporal.ts';
import meta from './meta.json' with { type: 'json' };

/** Width of the horizontal mean removed from r and w, in half-width samples (longer than a field shift). */
const ROW_WINDOW = 9;
/** Consecutive sign flips required (rows - 1), across fields and within one field alike. */
const RUN = 5;
/**
 * Weight of the within-field flip energy against the cross-field one. Both are equal on average
 * for white noise; 2.5 leaves a margin for the spread of per-patch estimates.
 */
const WITHIN_WEIGHT = 2.5;
const END = 2 ** 31 - 1;

/** Builds the interlacing model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  // The mean of each pair of columns, as a strided two-tap convolution (0.5a + 0.5b rounds as
  // (a + b) / 2 does; an AveragePool with a 1×2 window costs several times more on the wasm EP).
  const pair = g.constant({ data: [0.5, 0.5], dims: [1, 1, 1, 2] }, 'pair');
  const narrow = g.op('Conv', [x, pair], { kernel_shape: [1, 2], strides: [1, 2] });
  // Channel 0: cross-field residual r; channel 1: within-field residual w.
  const kernel = g.constant({ data: [0, -0.5, 1, -0.5, 0, -0.5, 0, 1, 0, -0.5], dims: [2, 1, 5, 1] }, 'kernel');
  const residuals = g.op('Conv', [edgePad(g, narrow, [2, 0, 2, 0]), kernel], { kernel_shape: [5, 1] });
  const rowMean = rowWindowMean(g, residuals, ROW_WINDOW, 2);
  const moving = g.op('Sub', [residuals, rowMean]);
  const cross = sliceAxis(g, moving, 0, 1, 1);
  const within = sliceAxis(g, moving, 1, 2, 1);
  // product[y] < 0 when rows y and y+1 have opposite signs; a run flips all the way when even
  // its largest product is negative.
  const product = g.op('Mul', [sliceAxis(g, cross, 1, END, 2), sliceAxis(g, cross, 0, -1, 2)]);
  // Padded so the output keeps H rows (the patch grid is then floor(H/p) × floor(W/p)).
  const worst = g.op('MaxPool', [product], { kernel_shape: [RUN, 1], strides: [1, 1], pads: [(RUN - 1) / 2, 0, (RUN + 1) / 2, 0] });
  const runFlip = g.op('Relu', [g.op('Neg', [worst])]);
  // The same test within one field: products of rows y and y+2, the largest of RUN of them along
  // the field (rows y..y+10), zero-padded back to H rows (the border rows then count no flip).
  const fieldProduct = g.op('Mul', [sliceAxis(g, within, 2, END, 2), sliceAxis(g, within, 0, -2, 2)]);
  const span = 2 * (RUN - 1);
  const offsets = Array.from({ length: RUN }, (_, i) => 2 * i);
  const fieldWorst = g.op('Max', offsets.map((o) => sliceAxis(g, fieldProduct, o, o === span ? END : o - span, 2)));
  const fieldWorstH = g.op('Pad', [fieldWorst, g.ints([0, 0, span / 2, 0, 0, 0, span / 2 + 2, 0])]);
  const fieldFlip = g.op('Relu', [g.op('Neg', [fieldWorstH])]);
  const patchPool = (t: string) => g.op('AveragePool', [t], { kernel_shape: [p, p / 2], strides: [p, p / 2] });
  const pooled = patchPool(runFlip);
  const pooledField = g.op('AveragePool', [patchPool(fieldFlip)], {
    kernel_shape: [3, 3], strides: [1, 1], pads: [1, 1, 1, 1], count_include_pad: 0,
  });
  const ratio = g.op('Div', [g.op('Mul', [pooledField, g.scalar(WITHIN_WEIGHT)]), g.op('Add', [pooled, g.scalar(1e-3)])]);
  const share = g.op('Relu', [g.op('Sub', [g.scalar(1), ratio])]);
  const map = g.op('Mul', [g.op('Mul', [g.op('Sqrt', [pooled]), g.scalar(0.5)]), share]);
  const score = rowTopMean(g, flattenFrames(g, map), 0.1);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
