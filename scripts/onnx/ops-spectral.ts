/**
 * Spectral graph fragments: windowed DFT power of 1-D profiles at arbitrary (non-bin) frequencies,
 * computed with strided convolutions whose kernels are Hann-windowed cosines and sines. Used to find
 * periodic structure (block grids) whatever its period or phase.
 */
import type { GraphBuilder } from './graph-builder.ts';

/** Hann window of length `n`. */
export function hann(n: number): number[] {
  return Array.from({ length: n }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * (i + 0.5)) / n));
}

/**
 * Windowed DFT kernels at frequencies `freqs` (cycles per pixel), length `n`. Each kernel is made
 * zero-mean so a constant profile (the DC level) leaks into no frequency.
 */
export function dftKernels(freqs: readonly number[], n: number): { cos: number[][]; sin: number[][] } {
  const w = hann(n);
  const wsum = w.reduce((a, b) => a + b, 0);
  const make = (f: number, trig: (a: number) => number): number[] => {
    const k = w.map((wi, i) => wi * trig(2 * Math.PI * f * i));
    const mean = k.reduce((a, b) => a + b, 0) / wsum;
    // Subtract the window-shaped mean: Σ k = 0, the taper is kept.
    return k.map((v, i) => (v - mean * w[i]!) / wsum);
  };
  return { cos: freqs.map((f) => make(f, Math.cos)), sin: freqs.map((f) => make(f, Math.sin)) };
}

/**
 * Power spectrum of row profiles: `profile` [N,1,R,L] (R independent rows) is cut into windows of
 * `n` samples every `hop` samples along the last axis; returns [N,F,R,nWin] with
 * cos² + sin² at each of the F frequencies.
 */
export function windowedPower(g: GraphBuilder, profile: string, freqs: readonly number[], n: number, hop: number): string {
  const { cos, sin } = dftKernels(freqs, n);
  const conv = (rows: number[][]) => {
    const w = g.constant({ data: rows.flat(), dims: [rows.length, 1, 1, n] }, 'dft');
    return g.op('Conv', [profile, w], { kernel_shape: [1, n], strides: [1, hop] });
  };
  const c = conv(cos);
  const s = conv(sin);
  return g.op('Add', [g.op('Mul', [c, c]), g.op('Mul', [s, s])]);
}

/**
 * Slices `count` entries along `axis`, starting at `start` and `step` apart (static indices).
 */
export function sliceAxis(g: GraphBuilder, x: string, axis: number, start: number, count: number, step = 1): string {
  const end = start + (count - 1) * step + 1;
  return g.op('Slice', [x, g.ints([start]), g.ints([end]), g.ints([axis]), g.ints([step])]);
}
