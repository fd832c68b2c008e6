/**
 * Builds the input tensor of an external (user-supplied) video quality model from RGB frames, per
 * its `ExternalExpertSpec`: picks T frames, samples each frame (fragments or a plain resize),
 * normalises with the spec's mean/std and lays the result out as NCTHW or NTCHW.
 */
import type { TensorData } from '../inference/ort.ts';
import type { ExternalExpertSpec } from './external.ts';
import { seededRandom as seeded } from '../util/seeded-random.ts';

/** One RGB frame, planar [3, H, W], values 0..255 (the engine's `rgbAt` output has this shape). */
export interface RgbFrame {
  width: number;
  height: number;
  data: Float32Array | Uint8Array;
}

/** Indices of `t` frames spread uniformly over `n` (repeats when n < t), centred in each segment. */
export function pickFrames(n: number, t: number): number[] {
  if (n < 1) throw new Error('no frames to sample');
  return Array.from({ length: t }, (_, i) => Math.min(n - 1, Math.floor(((i + 0.5) * n) / t)));
}

/**
 * Top-left corners of the fragments along one axis: the axis is cut into `grid` equal cells and a
 * `patch`-long window is placed in each, centred or at a seeded random offset; windows are clamped
 * to the frame (cells smaller than the patch overlap their neighbours, as FAST-VQA's sampler does).
 */
export function fragmentStarts(length: number, grid: number, patch: number, rand?: () => number): number[] {
  const cell = length / grid;
  return Array.from({ length: grid }, (_, i) => {
    const free = Math.max(0, cell - patch);
    const offset = rand ? Math.floor(rand() * (free + 1)) : Math.floor(free / 2);
    return Math.max(0, Math.min(length - patch, Math.floor(i * cell + offset)));
  });
}

/** Nearest-neighbour sample of source pixel (x, y) channel c, clamped to the frame. */
function at(f: RgbFrame, c: number, x: number, y: number): number {
  const xx = Math.max(0, Math.min(f.width - 1, x));
  const yy = Math.max(0, Math.min(f.height - 1, y));
  return f.data[c * f.width * f.height + yy * f.width + xx]!;
}

/** Bilinear sample (pixel centres aligned) for the plain resize mode. */
function bilinear(f: RgbFrame, c: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const top = at(f, c, x0, y0) * (1 - fx) + at(f, c, x0 + 1, y0) * fx;
  const bottom = at(f, c, x0, y0 + 1) * (1 - fx) + at(f, c, x0 + 1, y0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/**
 * For fragment sampling, the source row of every mosaic row and the source column of every mosaic
 * column in a `width` x `height` frame; undefined for resize sampling.
 */
export function fragmentGrid(spec: ExternalExpertSpec, width: number, height: number): { rows: number[]; cols: number[] } | undefined {
  const sampling = spec.input.sampling;
  if (sampling.kind !== 'fragments') return undefined;
  const [h, w] = typeof spec.input.size === 'number' ? [spec.input.size, spec.input.size] : spec.input.size;
  const { grid, patch } = sampling;
  if (grid * patch !== h || grid * patch !== w) throw new Error(`fragments ${grid}x${patch} do not tile ${h}x${w}`);
  const rand = sampling.seed === undefined ? undefined : seeded(sampling.seed);
  const ys = fragmentStarts(height, grid, patch, rand);
  const xs = fragmentStarts(width, grid, patch, rand);
  return {
    rows: Array.from({ length: h }, (_, r) => ys[Math.floor(r / patch)]! + (r % patch)),
    cols: Array.from({ length: w }, (_, c) => xs[Math.floor(c / patch)]! + (c % patch)),
  };
}

/**
 * The model input for `frames`: float32 [1, 3, T, H, W] (NCTHW) or [1, T, 3, H, W] (NTCHW).
 * Fragment sampling reads native-resolution pixels (frames smaller than the fragment grid are read
 * with clamping, i.e. edge pixels repeat); the same fragment layout is used for every frame so the
 * model sees temporally aligned patches.
 */
export function buildExternalInput(spec: ExternalExpertSpec, frames: readonly RgbFrame[]): TensorData {
  const { input } = spec;
  const t = input.frames;
  const [h, w] = typeof input.size === 'number' ? [input.size, input.size] : input.size;
  const chosen = pickFrames(frames.length, t).map((i) => frames[i]!);
  const first = chosen[0]!;
  const sampling = input.sampling;
  const grid = fragmentGrid(spec, first.width, first.height);
  const rows = grid?.rows ?? [];
  const cols = grid?.cols ?? [];
  const data = new Float32Array(3 * t * h * w);
  const ncthw = input.layout === 'NCTHW';
  for (let ti = 0; ti < t; ti++) {
    const f = chosen[ti]!;
    for (let c = 0; c < 3; c++) {
      const base = ncthw ? (c * t + ti) * h * w : (ti * 3 + c) * h * w;
      const mean = input.mean[c]!;
      const std = input.std[c]!;
      for (let y = 0; y < h; y++)
        for (let x = 0; x < w; x++) {
          const v =
            sampling.kind === 'fragments'
              ? at(f, c, cols[x]!, rows[y]!)
              : bilinear(f, c, ((x + 0.5) * f.width) / w - 0.5, ((y + 0.5) * f.height) / h - 0.5);
          data[base + y * w + x] = (v - mean) / std;
        }
    }
  }
  return { data, dims: ncthw ? [1, 3, t, h, w] : [1, t, 3, h, w] };
}
