/**
 * Blocking expert: codec block edges form a periodic grid in the image's pixel differences.
 * Per patch row (band of `patch` rows), the mean |horizontal difference| of each column is a
 * profile; a block grid of period P makes it periodic. A windowed DFT over each profile window
 * (one window per patch, fine frequency steps) gives a power spectrum; the same is done for
 * rows with vertical differences. Blockiness is the grid's modulation depth (percent) at the
 * strongest period from 4 to 16 px: the spectral power at a fundamental above the floor at
 * neighbouring frequencies, plus half that at its second harmonic, relative to the profile's mean
 * level. A period search (not a fixed 8-px grid) keeps it working after
 * rescaling (8 px → 6 px at 0.75×) and at any grid offset; a lone edge has a flat spectrum and
 * natural texture a smooth one, so neither makes a peak.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { absGradient, rowWindowMean, squeezeChannel } from '../../../scripts/onnx/ops.ts';
import { sliceAxis, windowedPower } from '../../../scripts/onnx/ops-spectral.ts';
import meta from './meta.json' with { type: 'json' };

/** Frequency step of the search (cycles/px): candidates and their floors sit on this grid. */
const STEP = 1 / 256;
/** Fundamentals searched, in steps: periods 16 px (16 steps) to 4 px (64 steps). */
const LOW = 16;
const HIGH = 64;
/**
 * Offset of the floor samples from a peak, in steps: 1/32 cycles/px is the first null of the
 * 64-sample Hann window, and halfway between the harmonics of a 16-px macroblock grid, so neither
 * the peak's own lobe nor a coarser grid's lines lift the floor.
 */
const FLOOR_OFFSET = 8;
/** The second harmonic counts only below this frequency (cycles/px), well clear of Nyquist. */
const HARMONIC_LIMIT = 0.45;
/** Weight of the second harmonic's excess power added to the fundamental's. */
const HARMONIC_WEIGHT = 0.5;
/** Differences above this are edges or texture, not block steps; clipping keeps them from dominating. */
const DIFF_CLIP = 12;
/**
 * Power counts only where it is at least this many times the floor (3 dB): a lone edge or random
 * texture has a flat or rough spectrum, a grid a line that stands clear of it.
 */
const SIGNIFICANCE = 2;
/**
 * Added to the squared mean level before dividing: a nearly empty profile (one sharp edge in a flat
 * frame) must not turn a trace of power into a deep modulation.
 */
const DC2_FLOOR = 0.1;
/**
 * Width of the local-activity window and its floor (code values). The floor keeps differences of a
 * code value or two (coded sensor noise, which carries a faint but coherent grid) from counting as
 * much as a visible step in a smooth area.
 */
const ACTIVITY = 9;
const ACTIVITY_FLOOR = 2;

/** The contiguous frequency grid, in steps: every fundamental, its second harmonic, and their floors. */
const GRID_FIRST = LOW - FLOOR_OFFSET;
const GRID_LAST = 2 * HIGH + FLOOR_OFFSET;
const CANDIDATES = HIGH - LOW + 1;

function frequencies(): number[] {
  return Array.from({ length: GRID_LAST - GRID_FIRST + 1 }, (_, i) => (GRID_FIRST + i) * STEP);
}

/** Graph outputs of columnSpectra (tensor names). */
interface Spectra {
  patch: string;
  frame: string;
  patchDc2: string;
  frameDc2: string;
}

/**
 * Column profiles of |d/dx| relative to local activity, and their power spectra: per patch
 * ([N,F,H/p,W/p]) and for the whole frame ([N,F,1,1]). The frame spectrum averages the profile over
 * the full height before the DFT: a grid's columns line up across the frame, so its peak adds up
 * coherently while texture averages out. The squared means (DC) of the profiles come with them, to
 * turn peak power into modulation depth.
 */
function columnSpectra(g: GraphBuilder, x: string, p: number, freqs: number[]): Spectra {
  const d = absGradient(g, x, 'dx');
  const clipped = g.op('Min', [d, g.scalar(DIFF_CLIP)]);
  // Relative to the local activity along the row, so smooth areas, where blocks show, weigh as much
  // as texture, and texture's random differences stay near 1.
  const local = rowWindowMean(g, clipped, ACTIVITY);
  const rel = g.op('Div', [clipped, g.op('Add', [local, g.scalar(ACTIVITY_FLOOR)])]);
  // Column means over each band of p rows, as a strided convolution (cheaper than a p×1 AveragePool on
  // the wasm EP; with p a power of two, x/p is exact, so the sums round as the pool's do).
  const band = g.constant({ data: new Array<number>(p).fill(1 / p), dims: [1, 1, p, 1] }, 'band');
  const profile = g.op('Conv', [rel, band], { kernel_shape: [p, 1], strides: [p, 1] });
  const whole = g.op('ReduceMean', [rel, g.ints([2])], { keepdims: 1 });
  const framePower = windowedPower(g, whole, freqs, p, p >> 1);
  const square = (v: string) => g.op('Mul', [v, v]);
  return {
    patch: windowedPower(g, profile, freqs, p, p),
    frame: g.op('ReduceMean', [framePower, g.ints([3])], { keepdims: 1 }),
    patchDc2: square(g.op('AveragePool', [profile], { kernel_shape: [1, p], strides: [1, p] })),
    frameDc2: square(g.op('ReduceMean', [whole, g.ints([3])], { keepdims: 1 })),
  };
}

/** Builds the blocking model. */
export function buildModel(): Uint8Array {
  const g = new GraphBuilder(meta.id);
  const x = g.input('x', ['N', 1, 'H', 'W']);
  const p = meta.inputs.patch;
  const freqs = frequencies();
  const t = (v: string) => g.op('Transpose', [v], { perm: [0, 1, 3, 2] });
  const cols = columnSpectra(g, x, p, freqs);
  const rows = columnSpectra(g, t(x), p, freqs);
  const spec = g.op('Add', [cols.patch, t(rows.patch)]); // [N,F,Ph,Pw]
  const frameSpec = g.op('Add', [cols.frame, rows.frame]); // [N,F,1,1]
  const patchDc2 = g.op('Add', [cols.patchDc2, t(rows.patchDc2)]);
  const frameDc2 = g.op('Add', [cols.frameDc2, rows.frameDc2]);

  // Grid power at every candidate fundamental f (axis 1): the peak's excess over twice the floor at f,
  // plus half the excess at 2f. A block grid's profile is not a sine: as compression deepens,
  // deblocking first dents the boundary columns, then block steps raise them, and the two shapes
  // cancel in the fundamental but not in the harmonic.
  const excess = (s: string, first: number, step: number) => {
    const at = (offset: number) => sliceAxis(g, s, 1, first + offset - GRID_FIRST, CANDIDATES, step);
    const floor = g.op('Mul', [g.op('Add', [at(-FLOOR_OFFSET), at(FLOOR_OFFSET)]), g.scalar(0.5 * SIGNIFICANCE)]);
    return g.op('Relu', [g.op('Sub', [at(0), floor])]);
  };
  const harmonicMask = g.constant({
    data: Array.from({ length: CANDIDATES }, (_, i) => (2 * (LOW + i) * STEP <= HARMONIC_LIMIT ? HARMONIC_WEIGHT : 0)),
    dims: [1, CANDIDATES, 1, 1],
  });
  const gridPower = (s: string) => g.op('Add', [excess(s, LOW, 1), g.op('Mul', [excess(s, 2 * LOW, 2), harmonicMask])]);
  // Modulation depth in percent: grid amplitude relative to the profile's mean level.
  const depth = (power: string, dc2: string) =>
    g.op('Mul', [g.op('Sqrt', [g.op('Div', [power, g.op('Add', [dc2, g.scalar(DC2_FLOOR)])])]), g.scalar(100)]);

  const framePower = gridPower(frameSpec); // [N,K,1,1]
  const score = depth(g.op('ReduceMax', [framePower, g.ints([1, 2, 3])], { keepdims: 0 }), g.op('Reshape', [frameDc2, g.ints([-1])]));
  // The map reads each patch at the frame's best frequency: one noisy patch spectrum cannot pick
  // its own peak.
  const best = g.op('Cast', [g.op('Equal', [framePower, g.op('ReduceMax', [framePower, g.ints([1])], { keepdims: 1 })])], { to: 1 });
  const weight = g.op('Div', [best, g.op('ReduceSum', [best, g.ints([1])], { keepdims: 1 })]);
  const patchPower = g.op('ReduceSum', [g.op('Mul', [gridPower(spec), weight]), g.ints([1])], { keepdims: 1 });
  const map = depth(patchPower, patchDc2);
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
