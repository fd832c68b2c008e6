/**
 * Texture-detail expert: how much fine structure the textured parts of a frame keep. Per 8×8 block
 * (the grid from the top-left corner, a coder's transform grid at the frame's own size): the residual
 * std after a plane fit (what the block holds beyond a smooth ramp) and the block mean. A block is
 * textured when the median |difference| between its mean and its eight neighbours' means is at least
 * COARSE_FLOOR code values (a median, so a flat block beside one edge, as in a cartoon, is not); its
 * ratio is residual ÷ that median. Heavy compression keeps the block means and drops the residual, so
 * the ratio falls (CRF 48: 0.23–0.35 on camera sources, against 0.45–0.85 for their pristine encodes).
 * The graph emits the ratio map of the interior blocks (−1 where a block is not textured); post.ts
 * takes each frame's median over the textured blocks. Prototype and figures: bench/calibrate/detail-loss.ts.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { squeezeChannel } from '../../../scripts/onnx/ops.ts';
import meta from './meta.json' with { type: 'json' };

const B = 8;
/** Coarse texture floor: median |Δ mean| to the eight neighbouring blocks, in code values. */
export const COARSE_FLOOR = 3;
/** Ratio written where a block is not textured (the post-processor skips negative values). */
export const UNTEXTURED = -1;

/** Conv kernels [3, 1, 8, 8]: the block mean, and the projections on the centred column and row ramps scaled so their squares are the variance each explains. */
function blockKernels(): number[] {
  const su2 = B * B * 5.25; // Σu² over a block: 8 rows × Σ(i − 3.5)²
  const norm = Math.sqrt(su2 * B * B);
  const mean: number[] = [], u: number[] = [], v: number[] = [];
  for (let j = 0; j < B; j++) {
    for (let i = 0; i < B; i++) {
      mean.push(1 / (B * B));
      u.push((i - 3.5) / norm);
      v.push((j - 3.5) / norm);
    }
  }
  return [...mean, ...u, ...v];
}

/** Builds the texture-detail model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  // Centred on 128 so the variance (E[x²] − m²) is taken on small numbers in float32.
  const xc = g.op('Sub', [x, g.scalar(128)]);
  const k = g.constant({ data: blockKernels(), dims: [3, 1, B, B] }, 'blockKernels');
  const stats = g.op('Conv', [xc, k], { kernel_shape: [B, B], strides: [B, B] });
  const ex2 = g.op('AveragePool', [g.op('Mul', [xc, xc])], { kernel_shape: [B, B], strides: [B, B] });
  const channel = (c: number) => g.op('Slice', [stats, g.ints([c]), g.ints([c + 1]), g.ints([1])]);
  const m = channel(0);
  const sq = (t: string) => g.op('Mul', [t, t]);
  const explained = g.op('Add', [g.op('Add', [sq(m), sq(channel(1))]), sq(channel(2))]);
  const resid = g.op('Sqrt', [g.op('Relu', [g.op('Sub', [ex2, explained])])]);
  // Interior blocks and their eight neighbours, as shifted views of the block-mean grid.
  const END = 2 ** 31 - 1;
  const view = (t: string, dy: number, dx: number) =>
    g.op('Slice', [t, g.ints([1 + dy, 1 + dx]), g.ints([dy === 1 ? END : dy - 1, dx === 1 ? END : dx - 1]), g.ints([2, 3])]);
  const centre = view(m, 0, 0);
  const diffs: string[] = [];
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (dx || dy) diffs.push(g.op('Abs', [g.op('Sub', [centre, view(m, dy, dx)])]));
  // Median of eight: the mean of the 4th and 5th largest.
  const [top] = g.opN('TopK', [g.op('Concat', diffs, { axis: 1 }), g.ints([5])], 2, { axis: 1, largest: 1, sorted: 1 });
  const mid = g.op('Slice', [top!, g.ints([3]), g.ints([5]), g.ints([1])]);
  const coarse = g.op('ReduceMean', [mid, g.ints([1])], { keepdims: 1 });
  const textured = g.op('GreaterOrEqual', [coarse, g.scalar(COARSE_FLOOR)]);
  const ratio = g.op('Div', [view(resid, 0, 0), g.op('Max', [coarse, g.scalar(COARSE_FLOOR)])]);
  const out = g.op('Where', [textured, ratio, g.scalar(UNTEXTURED)]);
  g.output(squeezeChannel(g, out), 'ratio', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
