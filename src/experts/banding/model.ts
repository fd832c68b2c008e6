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
import { absGradient, safeDiv, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { clamp, lowestMean, ramp } from '../../../scripts/onnx/ops-stats.ts';
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
/**
 * Step² / WEIGHT_SCALE: a contour of height q weighs ∝ q², so with q/ramp-height contours in a
 * gradient the total still grows with q (a linear weight would keep it constant). A power of two: the
 * graph applies it once, to the sum of both directions, which is exact only for a power of two.
 */
const WEIGHT_SCALE = 8;

/**
 * Contour evidence along the columns (`across`, steps between horizontal neighbours) or the rows
 * (`down`) of a [N,1,H,W] tensor, same shape, in units of step² (the 1/`WEIGHT_SCALE` is applied
 * once, to the two directions' sum). Both directions run on the frame as it is, with row or column
 * windows (no transposed copies of the frame).
 *
 * Per pixel: clamp(min(d − (MIN_STEP − 0.5), MAX_STEP + 1 − d), 0, 1) · d², kept only where the
 * `RUN` differences on both sides are all flat. Both soft steps are one code value wide and never
 * below 1 at once, so their product is their minimum. A side is flat when its largest difference is
 * below `FLAT` (outside the frame counts as not flat: padded with 255), and the largest of the two
 * sides comes from one `RUN`-tap MaxPool read at two offsets. The test enters as a gate of
 * (FLAT − largest) · 1e30: at least 1 when flanked (FLAT − largest is then at least 2⁻²³), at most 0
 * otherwise, so min(step, gate) clamped to [0, 1] is the step or 0 — no boolean map, cast or select.
 */
function contours(g: GraphBuilder, x: string, along: 'across' | 'down'): string {
  const row = along === 'across';
  const axis = row ? 3 : 2;
  const d = absGradient(g, x, row ? 'dx' : 'dy');
  const padded = g.op('Pad', [d, g.ints(row ? [0, 0, 0, RUN, 0, 0, 0, RUN] : [0, 0, RUN, 0, 0, 0, RUN, 0]), g.scalar(255)], { mode: 'constant' });
  // Entry i covers d[i − RUN .. i − 1]: entry x is the side before x, entry x + RUN + 1 the side after.
  const window = g.op('MaxPool', [padded], { kernel_shape: row ? [1, RUN] : [RUN, 1], strides: [1, 1] });
  const size = g.op('Gather', [g.op('Shape', [d]), g.ints([axis])], { axis: 0 });
  const view = (start: number) => g.op('Slice', [window, g.ints([start]), g.op('Add', [size, g.ints([start])]), g.ints([axis])]);
  const sides = g.op('Max', [view(0), view(RUN + 1)]);
  const gate = g.op('Mul', [g.op('Sub', [g.scalar(FLAT), sides]), g.scalar(1e30)]);
  const step = g.op('Min', [g.op('Sub', [d, g.scalar(MIN_STEP - 0.5)]), g.op('Sub', [g.scalar(MAX_STEP + 1), d])]);
  const kept = clamp(g, g.op('Min', [step, gate]), 0, 1);
  return g.op('Mul', [kept, g.op('Mul', [d, d])]);
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
  // The line sums are in step² units, WEIGHT_SCALE times the weighted ones: the floor is scaled with
  // them (exactly, a power of two), so the share is the same to the bit.
  return safeDiv(g, g.op('ReduceMax', [phaseSums, g.ints([1])], { keepdims: 0 }), g.op('ReduceSum', [phaseSums, g.ints([1])], { keepdims: 0 }), Math.fround(1e-3) * WEIGHT_SCALE);
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
  // × 100 / WEIGHT_SCALE in one step: the weight's 1/8 is a power of two, so scaling once here gives
  // the values that scaling each direction's evidence first gave, to the bit.
  const both = g.op('Mul', [g.op('Mul', [g.op('Add', [across, down]), offGrid]), g.scalar(100 / WEIGHT_SCALE)]);
  const map = g.op('Sqrt', [g.op('AveragePool', [both], { kernel_shape: [p, p], strides: [p, p] })]);
  const global = g.op('Sqrt', [g.op('ReduceMean', [both, g.ints([1, 2, 3])], { keepdims: 0 })]);
  // Regional path: banding in a sky or a wall that fills a third of the frame shows on its own.
  const regional = g.op('Neg', [lowestMean(g, g.op('Neg', [map]), REGION)]);
  const score = g.op('Max', [global, regional]);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
