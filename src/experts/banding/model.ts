/**
 * Banding expert: false contours in smooth gradients. A contour pixel is a small step (from 3.5 code
 * values up to `MAX_STEP`) with a flat run (within 1.5 code values, as coding leaves plateaus) of `RUN`
 * pixels on both sides, which smooth
 * natural gradients and texture rarely have but posterized ones have everywhere. Counted in both
 * directions and weighted by the squared step, so coarser quantization, with taller steps, weighs
 * more. Score: the square root of the weighted contour density (per 100 pixels), which grows
 * about linearly with the quantization step, or the mean of the most banded 30 % of the patches when
 * that is larger (a banded sky or wall); map: the same per patch. Contours that sit on one phase
 * of an 8-px grid in both directions (the flat blocks of starved MPEG-2 or H.264) are blocking, not
 * banding, and the frame's contours are left out. The analysis frame may be the source shrunk (720p
 * read at 960x540 puts the codec's 8-px grid on a 6-px one, 1080p on a 4-px one), so the grid is
 * looked for at those periods too (the model reads the scale). It reads the `yuv` plane's luma: a
 * shrunk frame's pixels there are the source's own, sampled (src/frames/sampled-planes.ts), so a
 * one-pixel step stays one step; area averaging split two of every three at 720p and half at 1080p
 * into two smaller steps around a mixed pixel, which no longer counted.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { absGradient, conv2d, safeDiv, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { lowestMean, ramp } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

const RUN = 4;
/** Smallest step that counts: above the 1–2-code steps of any clean 8-bit gradient after coding. */
const MIN_STEP = 3.5;
/** Differences below this are "flat": coded plateaus wobble by a code value or so. */
const FLAT = 1.5;
/**
 * Block grid periods in analysis pixels whose grid, when it holds most contours, means blocking
 * rather than banding: the codecs' 8 px at the source's own size, 6 px when the analysis frame is
 * the source at 0.75 (720p), 4 px at 0.5 (1080p). The 4-px grid only where the frame is read at about
 * half its size (`SHRUNK_4`): at its own size a 4-px grid is a finer transform's, not a shrunk 8-px one.
 */
const BLOCKS = [8, 6, 4];
/** Source pixels per analysis pixel at which 8 source px are within half a pixel of 4 analysis px. */
const SHRUNK_4: [number, number] = [8 / 4.5, 8 / 3.5];
/**
 * Share of the contours on the busiest phase of an 8-px grid at which they start (and finish) to
 * count as blocking. Other periods take the same excess over the share of evenly spread contours
 * (1/period), so a 4-px grid does not claim contours that merely fall on one of its 4 phases.
 */
const GRID_SHARE_8: [number, number] = [0.3, 0.55];
/**
 * The share of a period's busiest phase over that of half the period at which a shrunk frame's
 * contours start (and finish) to count as a grid: 1 when every contour sits on one phase, near 1/2
 * when they split between the two phases that half the period folds together.
 */
const HALF_PERIOD_SHARE: [number, number] = [0.65, 0.85];
/** Share of the patches (the most banded) the regional path averages over. */
const REGION = 0.3;
const MAX_STEP = 40;
/** Step² / WEIGHT_SCALE: a contour of height q weighs ∝ q², so with q/ramp-height contours in a
 * gradient the total still grows with q (a linear weight would keep it constant). */
const WEIGHT_SCALE = 8;

/**
 * Contour evidence along the columns (`across`, steps between horizontal neighbours) or the rows
 * (`down`) of a [N,1,H,W] tensor, same shape. Both directions run on the frame as it is, with row or
 * column kernels (no transposed copies of the frame).
 */
function contours(g: GraphBuilder, x: string, along: 'across' | 'down'): string {
  const row = along === 'across';
  // A kernel laid along the direction, and [top, left, bottom, right] pads before and after it.
  const kernel = (taps: number[]) => (row ? [taps] : taps.map((v) => [v]));
  const pads = (before: number, after: number): [number, number, number, number] => (row ? [0, before, 0, after] : [before, 0, after, 0]);
  const d = absGradient(g, x, row ? 'dx' : 'dy');
  const flat = g.op('Cast', [g.op('Less', [d, g.scalar(FLAT)])], { to: 1 });
  // One-code steps are the 8-bit format's own resolution: every clean 8-bit gradient has them.
  // Both soft steps are one code value wide, so ramp(d, a, a + 1) = clip(d − a, 0, 1) and
  // 1 − ramp(d, b, b + 1) = clip(b + 1 − d, 0, 1): no scaling pass.
  const isStep = g.op('Mul', [
    g.op('Clip', [g.op('Sub', [d, g.scalar(MIN_STEP - 0.5)]), g.scalar(0), g.scalar(1)]),
    g.op('Clip', [g.op('Sub', [g.scalar(MAX_STEP + 1), d]), g.scalar(0), g.scalar(1)]),
  ]);
  // Flanked: all RUN differences before position x and all RUN after it are flat. The means of
  // `flat` over each side are multiples of 1/RUN, so ramp(mean, 0.9, 0.99) is 1 exactly when the side
  // is all flat and 0 otherwise; one convolution sums both sides (exact: multiples of 1/RUN), and
  // the product of the two ramps is 1 exactly when that sum is 2.
  const ones = new Array<number>(RUN).fill(1 / RUN);
  const sides = conv2d(g, flat, kernel([...ones, 0, ...ones]), pads(RUN, RUN));
  const flanked = g.op('Clip', [g.op('Mul', [g.op('Sub', [sides, g.scalar(2 - 0.5 / RUN)]), g.scalar(2 * RUN)]), g.scalar(0), g.scalar(1)]);
  const weight = g.op('Mul', [g.op('Mul', [d, d]), g.scalar(1 / WEIGHT_SCALE)]);
  return g.op('Mul', [g.op('Mul', [isStep, flanked]), weight]);
}

/**
 * Per-column (`across`) or per-row (`down`) sums of the contour evidence `c` [N,1,H,W] → [N,1,L].
 * False contours of a gradient follow its isolines at any position; the flat blocks of heavy
 * compression put theirs on the block grid, which these line sums show.
 */
function lineSums(g: GraphBuilder, c: string, along: 'across' | 'down'): string {
  return g.op('ReduceSum', [c, g.ints([along === 'across' ? 2 : 3])], { keepdims: 0 });
}

/** How much of the line sums `lines` [N,1,L] sits on one phase of a `period`-px grid → [N]. */
function gridShare(g: GraphBuilder, lines: string, period: number): string {
  const size = g.op('Gather', [g.op('Shape', [lines]), g.ints([2])], { axis: 0 });
  const whole = g.op('Mul', [g.op('Div', [size, g.ints([period])]), g.ints([period])]);
  const cropped = g.op('Slice', [lines, g.ints([0]), whole, g.ints([2])]);
  // Folded into `period` phases → [N, period].
  const phaseSums = g.op('ReduceSum', [g.op('Reshape', [cropped, g.ints([0, 0, -1, period])]), g.ints([1, 2])], { keepdims: 0 });
  return safeDiv(g, g.op('ReduceMax', [phaseSums, g.ints([1])], { keepdims: 0 }), g.op('ReduceSum', [phaseSums, g.ints([1])], { keepdims: 0 }), 1e-3);
}

/** The share bounds for a grid of `period` px: the 8-px ones' excess over an even spread. */
function gridShareBounds(period: number): [number, number] {
  if (period === 8) return GRID_SHARE_8;
  const even8 = 1 / 8;
  const even = 1 / period;
  const at = (share8: number) => even + ((share8 - even8) / (1 - even8)) * (1 - even);
  return [at(GRID_SHARE_8[0]), at(GRID_SHARE_8[1])];
}

/**
 * 0..1 per frame [N]: how surely the contours sit on a block grid of any of `BLOCKS`. A block grid
 * puts contours on one phase in both directions; a straight isoline (a sky graded top to bottom) only
 * in one, so only the weaker direction's share decides.
 */
function onGrid(g: GraphBuilder, across: string, down: string, scale: string): string {
  const rows = lineSums(g, across, 'across');
  const cols = lineSums(g, down, 'down');
  let most: string | undefined;
  for (const period of BLOCKS) {
    const share = g.op('Min', [gridShare(g, rows, period), gridShare(g, cols, period)]);
    const [lo, hi] = gridShareBounds(period);
    let sure = ramp(g, share, lo, hi);
    if (period !== BLOCKS[0]) {
      // Shrinking by 3/4 leaves a clean one-pixel step only where a source pixel edge meets an
      // output one, every 3 output pixels: any contour lands on phases 0 and 3 of a 6-px grid alike,
      // while a codec's 8-px grid lands on one of them. Half the period must not hold the same share.
      const half = g.op('Min', [gridShare(g, rows, period / 2), gridShare(g, cols, period / 2)]);
      sure = g.op('Mul', [sure, ramp(g, safeDiv(g, share, half, 1e-6), HALF_PERIOD_SHARE[0], HALF_PERIOD_SHARE[1])]);
    }
    if (period === 4) {
      const near = g.op('And', [g.op('Greater', [scale, g.scalar(SHRUNK_4[0])]), g.op('Less', [scale, g.scalar(SHRUNK_4[1])])]);
      sure = g.op('Where', [near, sure, g.scalar(0)]);
    }
    most = most ? g.op('Max', [most, sure]) : sure;
  }
  return most!;
}

/**
 * The luma rows [N,1,H,W] (H = ⌊(2R+1)/3⌋) of the `yuv` plane [N,1,R,W]: the banding expert reads
 * that plane for its sampled pixels (a frame read smaller keeps the source's one-pixel steps), not for
 * its chroma.
 */
function lumaOfYuv(g: GraphBuilder, x: string): string {
  const rows = g.op('Gather', [g.op('Shape', [x]), g.ints([2])], { axis: 0 });
  const h = g.op('Div', [g.op('Add', [g.op('Mul', [rows, g.ints([2])]), g.ints([1])]), g.ints([3])]);
  return g.op('Slice', [x, g.ints([0]), h, g.ints([2])]);
}

/** Builds the banding model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = lumaOfYuv(g, g.input('x', ['N', 1, 'R', 'W']));
  // Source pixels per analysis pixel, [1].
  const scale = g.input('scale', [1]);
  const p = meta.inputs.patch;
  const across = contours(g, x, 'across');
  const down = contours(g, x, 'down');
  const offGrid = g.op('Reshape', [g.op('Sub', [g.scalar(1), onGrid(g, across, down, scale)]), g.ints([-1, 1, 1, 1])]);
  const both = g.op('Mul', [g.op('Mul', [g.op('Add', [across, down]), offGrid]), g.scalar(100)]);
  const map = g.op('Sqrt', [g.op('AveragePool', [both], { kernel_shape: [p, p], strides: [p, p] })]);
  const global = g.op('Sqrt', [g.op('ReduceMean', [both, g.ints([1, 2, 3])], { keepdims: 0 })]);
  // Regional path: banding in a sky or a wall that fills a third of the frame shows on its own.
  const regional = g.op('Neg', [lowestMean(g, g.op('Neg', [map]), REGION)]);
  const score = g.op('Max', [global, regional]);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
