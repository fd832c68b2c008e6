/**
 * Blocking expert: codec block edges form a periodic grid in the image's pixel differences.
 * Per patch row (band of `patch` rows), the mean |horizontal difference| of each column is a
 * profile; a block grid of period P makes it periodic. A windowed DFT over each profile window
 * (one window per patch, fine frequency steps) gives a power spectrum; the same is done for
 * rows with vertical differences. Blockiness is the strongest grid evidence over periods 4..16 px:
 * the spectral peak at a fundamental over the floor at neighbouring frequencies, in dB, plus half
 * the excess at its second harmonic. A period search (not a fixed 8-px grid) keeps it working after
 * rescaling (8 px → 6 px at 0.75×) and at any grid offset; a lone edge has a flat spectrum and
 * natural texture a smooth one, so neither makes a peak.
 */
import { GraphBuilder } from '../../../scripts/onnx/graph-builder.ts';
import { conv2d, edgePad, squeezeChannel } from '../../../scripts/onnx/ops.ts';
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
/** Weight of the second harmonic's excess (dB) added to the fundamental's. */
const HARMONIC_WEIGHT = 0.5;
/** Differences above this are edges or texture, not block steps; clipping keeps them from dominating. */
const DIFF_CLIP = 12;
const EPS = 1e-3;
/** Width of the local-activity window and its floor (code values). */
const ACTIVITY = 9;
const ACTIVITY_FLOOR = 0.5;

/** The contiguous frequency grid, in steps: every fundamental, its second harmonic, and their floors. */
const GRID_FIRST = LOW - FLOOR_OFFSET;
const GRID_LAST = 2 * HIGH + FLOOR_OFFSET;
const CANDIDATES = HIGH - LOW + 1;

function frequencies(): number[] {
  return Array.from({ length: GRID_LAST - GRID_FIRST + 1 }, (_, i) => (GRID_FIRST + i) * STEP);
}

/**
 * Column profiles of |d/dx| relative to local activity, and their power spectra: per patch
 * ([N,F,H/p,W/p]) and for the whole frame ([N,F,1,1]). The frame spectrum averages the profile over
 * the full height before the DFT: a grid's columns line up across the frame, so its peak adds up
 * coherently while texture averages out.
 */
function columnSpectra(g: GraphBuilder, x: string, p: number, freqs: number[]): { patch: string; frame: string } {
  const d = g.op('Abs', [conv2d(g, edgePad(g, x, [0, 0, 0, 1]), [[-1, 1]])]);
  const clipped = g.op('Min', [d, g.scalar(DIFF_CLIP)]);
  // Relative to the local activity along the row, so smooth areas, where blocks show, weigh as much
  // as texture, and texture's random differences stay near 1.
  const local = g.op('AveragePool', [clipped], { kernel_shape: [1, ACTIVITY], strides: [1, 1], pads: [0, ACTIVITY >> 1, 0, ACTIVITY >> 1], count_include_pad: 0 });
  const rel = g.op('Div', [clipped, g.op('Add', [local, g.scalar(ACTIVITY_FLOOR)])]);
  const profile = g.op('AveragePool', [rel], { kernel_shape: [p, 1], strides: [p, 1] });
  const whole = g.op('ReduceMean', [rel, g.ints([2])], { keepdims: 1 });
  const framePower = windowedPower(g, whole, freqs, p, p >> 1);
  return {
    patch: windowedPower(g, profile, freqs, p, p),
    frame: g.op('ReduceMean', [framePower, g.ints([3])], { keepdims: 1 }),
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
  const spec = g.op('Add', [cols.patch, t(rows.patch)]);
  const frameSpec = g.op('Add', [cols.frame, rows.frame]); // [N,F,1,1]

  // Grid evidence at every candidate fundamental f (axis 1): the peak over the floor at f in dB,
  // plus half the positive excess at 2f. A block grid's profile is not a sine: as compression
  // deepens, deblocking first dents the boundary columns, then block steps raise them, and the two
  // shapes cancel in the fundamental but not in the harmonic.
  const excessDb = (s: string, first: number, step: number) => {
    const at = (offset: number) => sliceAxis(g, s, 1, first + offset - GRID_FIRST, CANDIDATES, step);
    const floor = g.op('Mul', [g.op('Add', [at(-FLOOR_OFFSET), at(FLOOR_OFFSET)]), g.scalar(0.5)]);
    const ratio = g.op('Div', [g.op('Add', [at(0), g.scalar(EPS)]), g.op('Add', [floor, g.scalar(EPS)])]);
    return g.op('Mul', [g.op('Log', [ratio]), g.scalar(10 / Math.LN10)]);
  };
  const harmonicMask = g.constant({
    data: Array.from({ length: CANDIDATES }, (_, i) => (2 * (LOW + i) * STEP <= HARMONIC_LIMIT ? HARMONIC_WEIGHT : 0)),
    dims: [1, CANDIDATES, 1, 1],
  });
  const peakOverFloor = (s: string) => {
    const second = g.op('Relu', [excessDb(s, 2 * LOW, 2)]);
    return g.op('Add', [excessDb(s, LOW, 1), g.op('Mul', [second, harmonicMask])]);
  };

  const frameDb = peakOverFloor(frameSpec); // [N,K,1,1]
  const score = g.op('ReduceMax', [frameDb, g.ints([1, 2, 3])], { keepdims: 0 });
  // The map reads each patch at the frame's best frequency: one noisy patch spectrum cannot pick
  // its own peak.
  const best = g.op('Cast', [g.op('Equal', [frameDb, g.op('ReduceMax', [frameDb, g.ints([1])], { keepdims: 1 })])], { to: 1 });
  const weight = g.op('Div', [best, g.op('ReduceSum', [best, g.ints([1])], { keepdims: 1 })]);
  const patchDb = peakOverFloor(spec); // [N,K,Ph,Pw]
  const map = g.op('ReduceSum', [g.op('Mul', [patchDb, weight]), g.ints([1])], { keepdims: 1 });
  g.output(score, 'score', ['N']);
  g.output(squeezeChannel(g, map), 'map', ['N', 'Ph', 'Pw']);
  return g.toBytes();
}
