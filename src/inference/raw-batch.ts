/**
 * Spatial batches handed over as decoded pixels: the analysis frames' planes (analysis-size luma,
 * rows, YUV, RGB) are made where the experts run, in the inference worker, instead of in the analysis
 * worker, whose time is spent between decoded frames (the run's decode waits on it). The planes are
 * made by the same function with the same plane choice as before, so the tensors, and every output,
 * are the same to the bit; only the thread that makes them changes.
 *
 * Also the stacking shared by both kinds of batch: experts that read the same plane kind of the same
 * frames share one stacked tensor.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import type { FloatPlanes } from '../frames/frame-planes.ts';
import { toAnalysisFrame, type PlaneAlloc, type PlaneNeeds } from '../pipeline/analysis-frame.ts';
import type { AnalysisFrame } from '../pipeline/batches.ts';
import type { ExpertJob } from './executor.ts';
import type { TensorData } from './ort.ts';

/** Which of an analysis frame's planes an expert reads. */
export type PlaneKind = 'rgb' | 'yuv' | 'rows' | 'limited' | 'luma';

/** The plane kind an expert reads, from its metadata. */
export function planeKind(meta: ExpertMeta): PlaneKind {
  if (meta.inputs.planes === 'rgb') return 'rgb';
  if (meta.inputs.planes === 'yuv') return 'yuv';
  if (meta.inputs.keepRows) return 'rows';
  if (meta.inputs.lumaRange === 'limited') return 'limited';
  return 'luma';
}

/** One plane of a converted analysis frame. */
export function planeOf(frame: AnalysisFrame, kind: PlaneKind): FloatPlanes {
  return kind === 'luma' ? frame.luma : kind === 'limited' ? frame.lumaLimited! : frame[kind]!;
}

/** Buffers that `rawJobs` made its frames' planes in, side by side: each is a ready stack of them. */
const stackedInPlace = new WeakSet<ArrayBufferLike>();

/** A zeroed buffer to make planes in side by side, in order, that `stack` then takes as it is. */
export function stackBuffer(length: number): Float32Array {
  const buf = new Float32Array(length);
  stackedInPlace.add(buf.buffer);
  return buf;
}

/**
 * Planes of several frames stacked as one [N, C, H, W] tensor. Planes that were made side by side in
 * one buffer for this (`stackBuffer`), in order and filling it, are that buffer: no copy.
 */
export function stack(planes: FloatPlanes[]): TensorData {
  const first = planes[0]!;
  const size = first.data.length;
  const dims = [planes.length, first.channels, first.height, first.width];
  const buffer = first.data.buffer;
  if (stackedInPlace.has(buffer) && buffer.byteLength === size * planes.length * 4 && planes.every((p, i) => p.data.buffer === buffer && p.data.length === size && p.data.byteOffset === i * size * 4))
    return { data: new Float32Array(buffer), dims };
  const data = new Float32Array(size * planes.length);
  planes.forEach((p, i) => data.set(p.data, i * size));
  return { data, dims };
}

/** A decoded analysis frame, with the planes its experts read (the choice `toAnalysisFrame` makes them by). */
export interface RawFrame {
  index: number;
  tS: number;
  /** The frame's own copy of its pixels (transferred to the inference worker). */
  pixels: YuvPlanes;
  needs: PlaneNeeds;
}

/** One expert's part of a raw batch: the plane kind it reads, of which frames (positions in `frames`). */
export interface RawJob {
  id: string;
  kind: PlaneKind;
  pick: number[];
}

/** A spatial batch as pixels, with the sizes the planes are made at. */
export interface RawSpatialBatch {
  frames: RawFrame[];
  size: { width: number; height: number };
  rowsSize: { width: number; height: number };
  jobs: RawJob[];
}

/**
 * Expert jobs on converted frames (`pick` are positions in `frames`): experts that read the same plane
 * kind of the same frames share one stacked tensor, one copy and one transfer (runs never write it).
 */
export function stackJobs(frames: AnalysisFrame[], jobs: RawJob[]): ExpertJob[] {
  const stacks = new Map<string, TensorData>();
  return jobs.map((j) => {
    const key = `${j.kind}:${j.pick.join(',')}`;
    let x = stacks.get(key);
    if (!x) stacks.set(key, (x = stack(j.pick.map((i) => planeOf(frames[i]!, j.kind)))));
    // Every frame of a batch is read at one size.
    return { id: j.id, x, scale: frames[j.pick[0]!]!.scale };
  });
}

/**
 * The batch's expert jobs: each frame converted once, each (plane kind, frames) stacked once. A plane
 * kind that some expert reads on every frame of the batch is made straight into its stacked tensor
 * (frame i at slot i), which then needs no copy (in the page, allocating and filling a second tensor
 * per kind and batch was a large part of making the planes); the values are those of planes made one
 * by one.
 */
export function rawJobs(batch: RawSpatialBatch): ExpertJob[] {
  const n = batch.frames.length;
  const whole = new Set(batch.jobs.filter((j) => j.pick.length === n && j.pick.every((p, i) => p === i)).map((j) => j.kind));
  const buffers = new Map<PlaneKind, Float32Array>();
  const slotOf = (i: number): PlaneAlloc => (kind, length) => {
    if (!whole.has(kind)) return undefined;
    let buf = buffers.get(kind);
    if (!buf) buffers.set(kind, (buf = stackBuffer(n * length)));
    // Every frame of a batch has the same size, so the same length; a mismatch gets its own array.
    return buf.length === n * length ? buf.subarray(i * length, (i + 1) * length) : undefined;
  };
  const converted = batch.frames.map((f, i) => toAnalysisFrame(f.pixels, f.index, f.tS, batch.size, batch.rowsSize, f.needs, slotOf(i)));
  return stackJobs(converted, batch.jobs);
}
