/**
 * Edge-ringing expert, for screen content: text and UI are sharp edges on flat fills, and a codec
 * short of bits leaves ripples and smears in the fill beside them (mosquito noise, ringing, the
 * ghosts of smeared glyphs). The reading is the mean luma step between neighbouring pixels, in code
 * values, over the quiet pixels (step ≤ `QUIET`) within `REACH` pixels of an edge (step > `EDGE`):
 * a clean capture's fill is flat there (near 0 to 1), a heavily compressed one ripples (3 to 5).
 * Down-up scaling and blur smear the same fill and read high too. Camera pictures have texture
 * everywhere and read high whatever their quality, which is why the router runs this expert on
 * screen content only.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { absGradients, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import meta from './meta.json' with { type: 'json' };

/** A step above this (code values) is an edge: glyph strokes, even dim text on a dark theme, exceed it. */
const EDGE = 16;
/** Pixels within this distance of an edge are read (a codec's 8×8 transform spreads ripples about this far). */
const REACH = 4;
/** A step at most this large is fill, not part of the edge itself. */
const QUIET = 10;
/**
 * Share of the frame added to the count of read pixels: a frame with few edges (a blank page) reads
 * toward 0 instead of turning a handful of pixels into a verdict.
 */
const SPARSE_FLOOR = 0.002;

/** Builds the edge-ringing model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const { dx, dy } = absGradients(g, x);
  const step = g.op('Max', [dx, dy]);
  const edge = g.op('Cast', [g.op('Greater', [step, g.scalar(EDGE)])], { to: 1 });
  const k = 2 * REACH + 1;
  const near = g.op('MaxPool', [edge], { kernel_shape: [k, k], strides: [1, 1], pads: [REACH, REACH, REACH, REACH] });
  const quiet = g.op('Mul', [near, g.op('Cast', [g.op('LessOrEqual', [step, g.scalar(QUIET)])], { to: 1 })]);
  const ripple = g.op('Mul', [step, quiet]);
  const ratio = (num: string, den: string) => g.op('Div', [num, g.op('Add', [den, g.scalar(SPARSE_FLOOR)])]);
  const frameMean = (v: string) => g.op('ReduceMean', [v, g.ints([1, 2, 3])], { keepdims: 0 });
  const p = meta.inputs.patch;
  const patchMean = (v: string) => g.op('AveragePool', [v], { kernel_shape: [p, p], strides: [p, p] });
  g.output(ratio(frameMean(ripple), frameMean(quiet)), 'score', ['N']);
  g.output(squeezeChannel(g, ratio(patchMean(ripple), patchMean(quiet))), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
