/**
 * Graph fragments of the exposure experts. Both read exposure as a departure from what a scene can
 * hold rather than as a share of bright or dark pixels, so dark clothes, night scenes, letterboxes,
 * white page backgrounds and bright skies stay content:
 * - overexposure: highlights clipped into flat plateaus whose surroundings are bright too (the scene
 *   ran on past the top of the range: detail lost), not flat white next to dark strokes or edges;
 * - underexposure: the whole picture sits low, its brightest parts included, so the range above is
 *   unused; a night scene keeps its lights, a dark garment has a bright scene around it.
 */
import type { GraphBuilder } from './graph-builder.ts';
import { safeDiv } from './ops.ts';
import { clamp, ramp } from './ops-stats.ts';

/**
 * Local maximum over a k×k window (stride 1, same size), as a row pass then a column pass (2k
 * comparisons, not k²). From k = 9 on, each pass takes the larger of two half windows that meet at
 * the centre, [x−h, x] and [x, x+h] (h = (k−1)/2), read from one MaxPool of h + 1 taps: a MaxPool's
 * cost grows with its taps, and this one plus two shifted views and a Max costs less. Exact (a max is a max).
 */
export function localMax(g: GraphBuilder, x: string, k: number): string {
  return maxAlong(g, maxAlong(g, x, k, 3), k, 2);
}

/** Maximum over a window of k (odd) along axis 3 (rows of pixels) or 2 (columns), same size. */
function maxAlong(g: GraphBuilder, x: string, k: number, axis: 2 | 3): string {
  const h = (k - 1) / 2;
  const shape = (n: number) => (axis === 3 ? [1, n] : [n, 1]);
  const pads = (a: number, b: number) => (axis === 3 ? [0, a, 0, b] : [a, 0, b, 0]);
  if (k < 9) return g.op('MaxPool', [x], { kernel_shape: shape(k), strides: [1, 1], pads: pads(h, h) });
  // h + 1 taps over x padded by h on both sides: n + h entries, entry i covering x[i − h .. i].
  const half = g.op('MaxPool', [x], { kernel_shape: shape(h + 1), strides: [1, 1], pads: pads(h, h) });
  const size = g.op('Gather', [g.op('Shape', [x]), g.ints([axis])], { axis: 0 });
  const view = (start: number) => g.op('Slice', [half, g.ints([start]), g.op('Add', [size, g.ints([start])]), g.ints([axis])]);
  return g.op('Max', [view(0), view(h)]);
}

/** Local minimum over a k×k window (stride 1, same size). */
export function localMin(g: GraphBuilder, x: string, k: number): string {
  return g.op('Neg', [localMax(g, g.op('Neg', [x]), k)]);
}

/** Full-range level from which a pixel counts as clipped white (limited-range 233 and up). */
const CLIP_LO = 247;
const CLIP_HI = 251;
/** Flat: the whole `FLAT`×`FLAT` neighbourhood is clipped. */
const FLAT = 5;
/** Width of the ring around a plateau whose pixels tell a soft shoulder from a hard edge. */
const RING = 9;

/**
 * Clipped highlights with lost detail, for [N,1,H,W] full-range luma. Returns `plateau` [N,1,H,W]
 * (1 inside flat clipped areas) and `shoulder` [N,1,1,1]: the share of the unclipped pixels next to
 * those plateaus that are bright themselves (a scene pushed past white), as opposed to dark strokes
 * or edges around a white background (a page, a drawing, a title card).
 *
 * The ramp is monotone, so the ramp of the local minimum is the local minimum of the ramp, and
 * 1 − min(c) = max(1 − c): the plateau comes from the unclipped share (needed for the ring anyway)
 * with one local maximum, no negated copies and no second ramp over the frame.
 */
export function clippedHighlights(g: GraphBuilder, x: string): { plateau: string; shoulder: string } {
  const unclipped = g.op('Sub', [g.scalar(1), ramp(g, x, CLIP_LO, CLIP_HI)]);
  const plateau = g.op('Sub', [g.scalar(1), localMax(g, unclipped, FLAT)]);
  const ring = g.op('Mul', [localMax(g, plateau, RING), unclipped]);
  const bright = ramp(g, x, 150, 215);
  const axes = g.ints([2, 3]);
  const sum = (t: string) => g.op('ReduceSum', [t, axes], { keepdims: 1 });
  const shoulder = safeDiv(g, sum(g.op('Mul', [ring, bright])), sum(ring), 1);
  return { plateau, shoulder };
}

/** Mean of the `fraction` largest (or smallest) values of each frame of a [N,...] tensor → [N]. */
export function extremeMean(g: GraphBuilder, x: string, fraction: number, largest: boolean): string {
  const flat = g.op('Flatten', [x], { axis: 1 });
  const count = g.op('Cast', [g.op('Gather', [g.op('Shape', [flat]), g.ints([1])], { axis: 0 })], { to: 1 });
  const k = g.op('Cast', [g.op('Max', [g.op('Ceil', [g.op('Mul', [count, g.scalar(fraction)])]), g.scalar(1)])], { to: 7 });
  const [vals] = g.opN('TopK', [flat, k], 2, { axis: 1, largest: largest ? 1 : 0, sorted: 0 });
  return g.op('ReduceMean', [vals!, g.ints([1])], { keepdims: 0 });
}

/** Share of the picture that reaches into the extremes: 1 % of 2×2-averaged luma (single hot pixels do not count). */
const TOP = 0.01;

/**
 * The brightest and darkest levels the picture reaches, in 0..1, from the means of the brightest and
 * darkest 1 % of 2×2 cells (small enough that thin dark strokes on a page count as its blacks),
 * plus the 4×4 cells ([N,1,H/4,W/4]) for per-patch maxima. What an expert does not read is left out
 * of its graph by the builder, so reading one level costs one TopK.
 */
export function levelExtremes(g: GraphBuilder, x: string): { hi: string; lo: string; cell: string } {
  const small = g.op('AveragePool', [x], { kernel_shape: [2, 2], strides: [2, 2] });
  const cell = g.op('AveragePool', [small], { kernel_shape: [2, 2], strides: [2, 2] });
  const norm = (v: string) => g.op('Mul', [v, g.scalar(1 / 255)]);
  return { hi: norm(extremeMean(g, small, TOP, true)), lo: norm(extremeMean(g, small, TOP, false)), cell };
}

/**
 * Shadows crushed into flat black, for [N,1,H,W] full-range luma: `plateau` (1 where the whole 5×5
 * neighbourhood is at black) and `shoulder` [N,1,1,1], the share of the pixels next to those plateaus
 * that are dark themselves (a scene pushed below black), as opposed to bright strokes on a black
 * background (a terminal, a title) or the picture's edge beside a letterbox bar.
 *
 * With r = ramp(x, 4, 8): the plateau 1 − ramp(localMax(x)) is 1 − localMax(r) (the ramp is monotone),
 * the crushed share is 1 − r and the ring's "not crushed" factor r itself, so r is computed once.
 */
export function crushedShadows(g: GraphBuilder, x: string): { plateau: string; shoulder: string } {
  const lifted = ramp(g, x, 4, 8);
  const plateau = g.op('Sub', [g.scalar(1), localMax(g, lifted, FLAT)]);
  const ring = g.op('Mul', [localMax(g, plateau, RING), lifted]);
  // 1 − ramp(x, 40, 100), as one clipped line falling from 1 at 40 to 0 at 100.
  const dark = clamp(g, g.op('Mul', [g.op('Sub', [g.scalar(100), x]), g.scalar(1 / 60)]), 0, 1);
  const axes = g.ints([2, 3]);
  const sum = (t: string) => g.op('ReduceSum', [t, axes], { keepdims: 1 });
  const shoulder = safeDiv(g, sum(g.op('Mul', [ring, dark])), sum(ring), 1);
  return { plateau, shoulder };
}

/** Reshapes [N] to [N,1,1,1] so it broadcasts over maps. */
export function perFrame(g: GraphBuilder, v: string): string {
  return g.op('Reshape', [v, g.ints([-1, 1, 1, 1])]);
}
