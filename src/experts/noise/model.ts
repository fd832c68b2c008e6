/**
 * Noise expert: two readings of one luma frame, both built on the second-order high-pass residual
 * that is blind to flat areas and linear ramps (the 3×3 kernel of Immerkær 1996, "Fast noise variance
 * estimation"; per block σ ≈ √(π/2)/6 · mean|residual|). Blocks whose mean level is clipped to black
 * or white, where noise cannot show, are left out of both.
 *
 * - Whole-frame grain: mean σ of the flattest `LOWEST` fraction of 16-px blocks, so texture is not
 *   taken for noise.
 * - Local grain: per 32-px patch, the σ of its flattest 8-px block (the map); the mean of the highest
 *   `LOCAL` fraction of patches less the mean of the lower half, weighed by `LOCAL_WEIGHT`. Noise over
 *   a third of the frame then counts although the rest is clean (the frame's flattest blocks lie in
 *   the clean part), while a frame that is textured all over, whose patches all read alike, does not.
 *
 * - Colour grain through a capped encode, two ways: the chroma excess over the luma residual (below),
 *   and the colour blotches it leaves at a coarser scale (`blotches`), which stay when the encoder has
 *   smoothed the finer speckle away.
 *
 * Frame score: the largest of these. Map: the per-patch σ.
 *
 * The `yuv` plane of a frame read smaller than its source (720p, 1080p at 960x540) is the source's
 * own pixels, sampled (src/frames/sampled-planes.ts), so σ is the grain of the source's pixels, what
 * a person checking the encode at 100 % sees, at every size: area averaging read white grain at 0.41
 * of its σ at 720p and 0.43 at 1080p, and the injected local grain at 3.5–4.7 against 7.6–9.1 at 360p.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { conv2d, edgePad, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { lowestMean, meanAtLowest } from '../../../scripts/onnx/ops-stats.ts';
import meta from './meta.json' with { type: 'json' };

const BLOCK = 16;
/** Blocks of the local map: each patch reads its flattest block of this side. */
const SMALL_BLOCK = 8;
const LOWEST = 0.1;
/** Share of the patches (the highest) whose mean is the local reading. */
const LOCAL = 0.25;
/**
 * Weight of the local reading: texture over part of a clean frame (a backpack, block-textured game
 * ground under a flat sky) reads up to 9 on the clean real clips, so local grain counts from twice the
 * threshold (σ 12); the injected local noise read 14-17 on half A's sources.
 */
const LOCAL_WEIGHT = 0.5;
/** Block mean levels below the first or above the second leave no room for noise both ways. */
const CLIPPED: [number, number] = [8, 247];
/** Added to clipped blocks so they never count among the flattest. */
const EXCLUDED = 1000;
const RESIDUAL = [
  [1, -2, 1],
  [-2, 4, -2],
  [1, -2, 1],
];
const SCALE = Math.sqrt(Math.PI / 2) / 6;
/** Chroma residual up to this share of the same block's luma residual is picture detail, not noise. */
const CHROMA_DETAIL = 0.5;
/** Share of the blocks (the lowest) whose mean chroma excess is the chroma reading. */
const CHROMA_SHARE = 0.5;
/**
 * Chroma excess (code values) to luma-σ units, fitted on half A of the real-footage benchmark:
 * the clean clips read at most 0.08, noise then x264 at a capped bitrate 0.46 and more (juggling
 * injected, bbb and courtyard ladder level 5), and 0.19 (their geometric mean) reads as the threshold.
 */
const CHROMA_GAIN = 30;
/** Share of the 16-px blocks (the flattest in luma) whose colour blotches are read. */
const BLOTCH_SHARE = 0.25;
/**
 * Colour blotches (code values of the 2×2-averaged chroma's residual) to luma-σ units, less what clean
 * flat areas hold: fitted on the real-footage ladders (noise then x264 at 500 kbit/s), chosen on one
 * group of sources and checked on the other (bench/real/README.md, "Noise through a capped encode").
 */
const BLOTCH_GAIN = 12;
const BLOTCH_OFFSET = 0.1;
/**
 * The blotch reading moves the score, never an event: it is held under the threshold (6), because
 * coloured texture on clean footage (grass, an AV1 sculpture) reads as high as σ 12 noise encoded.
 */
const BLOTCH_CAP = 5.9;

/** Builds the noise model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'R', 'W']);
  const { luma, chroma } = splitYuv(g, x);
  const p = meta.inputs.patch;
  const pool = (t: string, k: number) => g.op('AveragePool', [t], { kernel_shape: [k, k], strides: [k, k] });
  const minPool = (t: string, k: number) => g.op('Neg', [g.op('MaxPool', [g.op('Neg', [t])], { kernel_shape: [k, k], strides: [k, k] })]);
  const usableOnly = (v: string) => g.op('Where', [g.op('Less', [v, g.scalar(EXCLUDED / 2)]), v, g.scalar(0)]);
  /** EXCLUDED for blocks whose mean level is clipped at black or white (no room for noise both ways), else 0. */
  const penaltyOf = (level: string) => {
    const clipped = g.op('Or', [g.op('Less', [level, g.scalar(CLIPPED[0])]), g.op('Greater', [level, g.scalar(CLIPPED[1])])]);
    return g.op('Where', [clipped, g.scalar(EXCLUDED), g.scalar(0)]);
  };

  const res = g.op('Abs', [conv2d(g, edgePad(g, luma, [1, 1, 1, 1]), RESIDUAL.map((r) => r.map((v) => v * SCALE)))]);

  // One pass over the full-size planes: 8-px block means, and 16-px ones from those.
  const sigma8 = pool(res, SMALL_BLOCK);
  const level8 = pool(luma, SMALL_BLOCK);
  const sigma = pool(sigma8, BLOCK / SMALL_BLOCK);
  const penalty = penaltyOf(pool(level8, BLOCK / SMALL_BLOCK));

  // Whole-frame grain: the flattest 16-px blocks.
  // The flattest share must be at most half of the usable blocks, or it mixes in clipped blocks or
  // the edges around them (a vector animation on black): no evidence then.
  const usableShare = g.op('ReduceMean', [g.op('Cast', [g.op('Equal', [penalty, g.scalar(0)])], { to: 1 }), g.ints([1, 2, 3])], { keepdims: 0 });
  const flat = g.op('Where', [g.op('Less', [usableShare, g.scalar(2 * LOWEST)]), g.scalar(0), lowestMean(g, g.op('Add', [sigma, penalty]), LOWEST)]);

  // Local grain: per patch, its flattest 8-px block; the mean of the highest patches.
  const small = g.op('Add', [sigma8, penaltyOf(level8)]);
  const map = usableOnly(minPool(small, p / SMALL_BLOCK));
  // Less the typical patch (mean of the lower half), so a textured but clean frame is not local grain.
  const highest = g.op('Neg', [lowestMean(g, g.op('Neg', [map]), LOCAL)]);
  const local = g.op('Mul', [g.op('Relu', [g.op('Sub', [highest, lowestMean(g, map, 0.5)])]), g.scalar(LOCAL_WEIGHT)]);

  // Clipped blocks count as no chroma excess (a frame mostly clipped reads 0, as the other readings do).
  const excess = g.op('Where', [g.op('Greater', [penalty, g.scalar(0)]), g.scalar(0), chromaExcess(g, chroma, sigma)]);
  const colour = g.op('Mul', [lowestMean(g, excess, CHROMA_SHARE), g.scalar(CHROMA_GAIN)]);
  // Colour blotches in the flattest luma blocks (no evidence when fewer than a share of blocks are usable).
  const blotchValue = meanAtLowest(g, g.op('Add', [sigma, penalty]), chromaBlotches(g, chroma), BLOTCH_SHARE);
  const blotchTerm = g.op('Min', [g.op('Mul', [g.op('Relu', [g.op('Sub', [blotchValue, g.scalar(BLOTCH_OFFSET)])]), g.scalar(BLOTCH_GAIN)]), g.scalar(BLOTCH_CAP)]);
  const blotches = g.op('Where', [g.op('Less', [usableShare, g.scalar(BLOTCH_SHARE)]), g.scalar(0), blotchTerm]);
  const score = g.op('Max', [g.op('Max', [g.op('Max', [flat, local]), colour]), blotches]);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}

/** The `yuv` plane [N,1,R,W] → luma [N,1,H,W] (H = ⌊(2R+1)/3⌋) and chroma [N,2,⌊H/2⌋,⌊W/2⌋] (Cb, Cr). */
function splitYuv(g: GraphBuilder, x: string): { luma: string; chroma: string } {
  const shape = g.op('Shape', [x]);
  const rows = g.op('Gather', [shape, g.ints([2])], { axis: 0 });
  const h = g.op('Div', [g.op('Add', [g.op('Mul', [rows, g.ints([2])]), g.ints([1])]), g.ints([3])]);
  const cw = g.op('Div', [g.op('Gather', [shape, g.ints([3])], { axis: 0 }), g.ints([2])]);
  const slice = (t: string, from: string, to: string, axis: number) => g.op('Slice', [t, from, to, g.ints([axis])]);
  const luma = slice(x, g.ints([0]), h, 2);
  const below = slice(x, h, rows, 2);
  const cb = slice(below, g.ints([0]), cw, 3);
  const cr = slice(below, cw, g.op('Mul', [cw, g.ints([2])]), 3);
  return { luma, chroma: g.op('Concat', [cb, cr], { axis: 1 }) };
}

/**
 * Per 16-px luma block (8 px of half-size chroma): the chroma residual (mean of Cb's and Cr's) beyond
 * `CHROMA_DETAIL` of the luma residual `sigma`, weighed by 1 − |correlation| of the Cb and Cr
 * residuals. Chroma speckle is independent in Cb and Cr; a coloured edge (palette art, saturated
 * graphics coded in 4:2:0) moves both together and is left out.
 */
function chromaExcess(g: GraphBuilder, chroma: string, sigma: string): string {
  const { csigma, rho } = chromaResidual(g, chroma, BLOCK / 2, SCALE, 0.5, 'kernel');
  const excess = g.op('Relu', [g.op('Sub', [csigma, g.op('Mul', [sigma, g.scalar(CHROMA_DETAIL)])])]);
  return g.op('Mul', [excess, g.op('Relu', [g.op('Sub', [g.scalar(1), rho])])]);
}

/**
 * Per 16-px luma block: the colour blotches a capped encode leaves of colour grain. Cb and Cr are
 * averaged over 2×2 (blotches of a few chroma pixels, not single-pixel speckle), then the residual as
 * for luma, its mean |·| over the block (Cb's and Cr's averaged), weighed by 1 − |correlation| of the
 * Cb and Cr residuals as in `chromaExcess` (coloured edges and palette art move both together).
 */
function chromaBlotches(g: GraphBuilder, chroma: string): string {
  const pooled = g.op('AveragePool', [chroma], { kernel_shape: [2, 2], strides: [2, 2] });
  const { csigma, rho } = chromaResidual(g, pooled, BLOCK / 4, 1, 0.5 * SCALE, 'blotchKernel');
  return g.op('Mul', [csigma, g.op('Relu', [g.op('Sub', [g.scalar(1), rho])])]);
}

/**
 * The residual of the Cb and Cr planes of `chroma` [N,2,h,w] per block of `k` px: `csigma`, the mean
 * |residual| of the two times `outScale` (the kernel times `kernelScale`), and `rho`, the |correlation|
 * of their residuals.
 */
function chromaResidual(g: GraphBuilder, chroma: string, k: number, kernelScale: number, outScale: number, name: string): { csigma: string; rho: string } {
  const pool = (t: string) => g.op('AveragePool', [t], { kernel_shape: [k, k], strides: [k, k] });
  const kernel = g.constant({ data: [...RESIDUAL.flat(), ...RESIDUAL.flat()].map((v) => v * kernelScale), dims: [2, 1, 3, 3] }, name);
  const lap = g.op('Conv', [edgePad(g, chroma, [1, 1, 1, 1]), kernel], { kernel_shape: [3, 3], group: 2 });
  const [u, v] = g.opN('Split', [lap, g.ints([1, 1])], 2, { axis: 1 });
  const csigma = g.op('Mul', [g.op('Add', [pool(g.op('Abs', [u!])), pool(g.op('Abs', [v!]))]), g.scalar(outScale)]);
  const uv = pool(g.op('Mul', [u!, v!]));
  const uu = pool(g.op('Mul', [u!, u!]));
  const vv = pool(g.op('Mul', [v!, v!]));
  const rho = g.op('Div', [g.op('Abs', [uv]), g.op('Sqrt', [g.op('Add', [g.op('Mul', [uu, vv]), g.scalar(1e-6)])])]);
  return { csigma, rho };
}
