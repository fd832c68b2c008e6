/**
 * Full-reference measures between two encodes of the same pictures, frame by frame: PSNR (luma, and
 * the Y/U/V average weighted by plane size, as ffmpeg's `psnr` filter does) and SSIM (ffmpeg's `ssim`
 * definition), from the full-reference ONNX model (`model.ts`). Thread-agnostic: the media worker
 * (`fullref-service.ts`) runs it in the app, tests run it in Node with the same model and an
 * ffmpeg-CLI frame source. Frames are paired by index and read as 8-bit code values, unconverted.
 */
import type { FrameSource, VideoInfo } from '../decode/frame-source.ts';
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import { fitSize, resamplePlane } from '../frames/resample.ts';
import type { ModelSession } from '../inference/ort.ts';
import { throwIfAborted } from '../errors.ts';

/** The model's file in the models folder (built from model.ts by scripts/build-models.ts). */
export const FULLREF_MODEL_FILE = 'fullref.onnx';
/** Largest frame measured at its own size; larger frames are downscaled to fit (and the result says so). */
export const FULLREF_BOX: readonly [number, number] = [1920, 1080];
/** PSNR of identical planes (an MSE of 0) is reported as this many dB instead of infinity. */
export const PSNR_CAP_DB = 100;

/** The facts of one encode that decide whether the two can be compared. */
export type FullRefInput = Pick<VideoInfo, 'width' | 'height' | 'frameCount' | 'durationS' | 'fps'>;

/** Whether and at what size the full-reference measures can be taken. */
export type FullRefPlan = { ok: true; width: number; height: number; downscaled: boolean } | { ok: false; reason: string };

/** One frame pair's measures. Chroma fields are absent when the encodes' chroma planes differ in size. */
export interface FullRefFrame {
  /** Frame index (pairs are matched by index). */
  i: number;
  /** Time of A's frame, seconds. */
  tS: number;
  mseY: number;
  psnrY: number;
  ssimY: number;
  psnrU?: number;
  psnrV?: number;
  /** PSNR of the plane-size-weighted MSE of Y, U and V (ffmpeg's `psnr_avg`). */
  psnrAvg?: number;
  ssimU?: number;
  ssimV?: number;
  /** Plane-size-weighted SSIM of Y, U and V (ffmpeg's `All`). */
  ssimAll?: number;
}

/** The measures of a whole pair of encodes. */
export interface FullRefResult {
  schema: 'qrouter.fullref/1';
  /** Size the planes were measured at. */
  width: number;
  height: number;
  /** True when the encodes were larger than 1920x1080 and were downscaled before measuring. */
  downscaled: boolean;
  frames: FullRefFrame[];
  /** Means of the per-frame values. */
  mean: { psnrY: number; ssimY: number; psnrAvg?: number; ssimAll?: number };
  /** PSNR of the mean MSE over all frames (the figure ffmpeg's `psnr` filter logs as `average`). */
  pooledPsnrY: number;
  /** Frames left unpaired because one encode has more. */
  unpaired: number;
  ms: number;
}

/**
 * Decides whether two encodes can be compared frame by frame: the same size, and the same frame
 * count or durations within one frame of each other. The reason says what differs.
 */
export function planFullRef(a: FullRefInput, b: FullRefInput): FullRefPlan {
  if (a.width !== b.width || a.height !== b.height) {
    return { ok: false, reason: `PSNR and SSIM need the same frame size: A is ${a.width}×${a.height}, B is ${b.width}×${b.height}. Scale one to the other's size to compare them.` };
  }
  const frame = 1 / (a.fps > 0 ? a.fps : b.fps > 0 ? b.fps : 30);
  if (a.frameCount !== b.frameCount && Math.abs(a.durationS - b.durationS) > frame + 1e-6) {
    return {
      ok: false,
      reason: `PSNR and SSIM pair the frames one by one, so they need the same frame count: A has ${a.frameCount} frames (${a.durationS.toFixed(2)} s), B ${b.frameCount} (${b.durationS.toFixed(2)} s). Cut both to the same frames to compare them.`,
    };
  }
  const fit = fitSize(a.width, a.height, FULLREF_BOX[0], FULLREF_BOX[1]);
  return { ok: true, width: fit.width, height: fit.height, downscaled: fit.width !== a.width || fit.height !== a.height };
}

/** PSNR in dB of an MSE of 8-bit values, capped at PSNR_CAP_DB. */
export function psnrOf(mse: number): number {
  return mse > 0 ? Math.min(PSNR_CAP_DB, 10 * Math.log10((255 * 255) / mse)) : PSNR_CAP_DB;
}

/** Options of a measurement. */
export interface MeasureOptions {
  signal?: AbortSignal;
  /** Frames measured so far and the expected total. */
  onProgress?: (done: number, total: number) => void;
}

type PlaneKey = 'y' | 'u' | 'v';

/** One batch of frame pairs, copied out as float planes. */
class Batch {
  readonly times: number[] = [];
  readonly planes: Record<PlaneKey, { a: Float32Array; b: Float32Array; w: number; h: number } | undefined>;
  constructor(
    readonly size: number,
    dims: Record<PlaneKey, [number, number] | undefined>,
  ) {
    const make = (d: [number, number] | undefined) => (d ? { a: new Float32Array(size * d[0] * d[1]), b: new Float32Array(size * d[0] * d[1]), w: d[0], h: d[1] } : undefined);
    this.planes = { y: make(dims.y), u: make(dims.u), v: make(dims.v) };
  }

  add(fa: YuvPlanes, fb: YuvPlanes, tS: number): void {
    const n = this.times.length;
    for (const key of ['y', 'u', 'v'] as const) {
      const p = this.planes[key];
      if (!p) continue;
      copyPlane(fa, key, p.w, p.h, p.a, n * p.w * p.h);
      copyPlane(fb, key, p.w, p.h, p.b, n * p.w * p.h);
    }
    this.times.push(tS);
  }
}

function planeOf(f: YuvPlanes, key: PlaneKey): { offset: number; stride: number; width: number; height: number } {
  return key === 'y' ? { ...f.y, width: f.width, height: f.height } : f[key];
}

function copyPlane(f: YuvPlanes, key: PlaneKey, w: number, h: number, out: Float32Array, offset: number): void {
  const p = planeOf(f, key);
  resamplePlane(f.data, p.offset, p.stride, p.width, p.height, w, h, out, offset);
}

/** The measured size of each plane, or undefined for chroma planes the two frames do not share. */
function planeDims(fa: YuvPlanes, fb: YuvPlanes, plan: { width: number; height: number }): Record<PlaneKey, [number, number] | undefined> {
  const sx = plan.width / fa.width;
  const sy = plan.height / fa.height;
  const chroma = (key: 'u' | 'v'): [number, number] | undefined => {
    const pa = fa[key];
    const pb = fb[key];
    if (pa.width !== pb.width || pa.height !== pb.height) return undefined;
    const w = Math.max(1, Math.round(pa.width * sx));
    const h = Math.max(1, Math.round(pa.height * sy));
    return w >= 8 && h >= 8 ? [w, h] : undefined;
  };
  return { y: [plan.width, plan.height], u: chroma('u'), v: chroma('v') };
}

/** Frames per model run: about 4 Mpixel of luma per side, at most 16 frames. */
function batchSize(w: number, h: number): number {
  return Math.max(1, Math.min(16, Math.floor(4_000_000 / (w * h))));
}

/**
 * Measures two opened encodes, pairing frames by index, on `session` (the full-reference model).
 * Throws when the plan says they cannot be compared.
 */
export async function measureFullRef(a: FrameSource, b: FrameSource, session: ModelSession, options: MeasureOptions = {}): Promise<FullRefResult> {
  const t0 = performance.now();
  const plan = planFullRef(a.info, b.info);
  if (!plan.ok) throw new Error(plan.reason);
  const { signal, onProgress } = options;
  const total = Math.max(a.info.frameCount, b.info.frameCount);
  const frames: FullRefFrame[] = [];
  const ia = a.frames(signal)[Symbol.asyncIterator]();
  const ib = b.frames(signal)[Symbol.asyncIterator]();
  let batch: Batch | undefined;
  let unpaired = 0;
  const flush = async () => {
    if (batch && batch.times.length > 0) frames.push(...(await runBatch(session, batch, frames.length)));
    batch = undefined;
    onProgress?.(frames.length, total);
  };
  try {
    for (;;) {
      throwIfAborted(signal);
      const [ra, rb] = await Promise.all([ia.next(), ib.next()]);
      if (ra.done || rb.done) {
        // Count what the longer encode still holds, without decoding more than needed.
        if (!ra.done || !rb.done) unpaired = 1;
        break;
      }
      if (!batch) {
        const dims = planeDims(ra.value.pixels, rb.value.pixels, plan);
        batch = new Batch(batchSize(plan.width, plan.height), dims);
      }
      batch.add(ra.value.pixels, rb.value.pixels, ra.value.tS);
      if (batch.times.length === batch.size) await flush();
    }
    await flush();
  } finally {
    await Promise.allSettled([ia.return?.(), ib.return?.()]);
  }
  if (frames.length === 0) throw new Error('No frame of either encode could be decoded, so nothing was measured.');
  if (unpaired) unpaired = Math.max(1, Math.abs(a.info.frameCount - b.info.frameCount));
  return summarize(frames, plan, unpaired, performance.now() - t0);
}

/** Runs the model on each plane of a batch and turns the outputs into per-frame measures. */
async function runBatch(session: ModelSession, batch: Batch, first: number): Promise<FullRefFrame[]> {
  const n = batch.times.length;
  const out: Partial<Record<PlaneKey, { mse: Float32Array; ssim: Float32Array; pixels: number }>> = {};
  for (const key of ['y', 'u', 'v'] as const) {
    const p = batch.planes[key];
    if (!p) continue;
    const len = n * p.w * p.h;
    const dims = [n, 1, p.h, p.w];
    const r = await session.run({ a: { data: p.a.subarray(0, len), dims }, b: { data: p.b.subarray(0, len), dims } });
    out[key] = { mse: r.mse!.data, ssim: r.ssim!.data, pixels: p.w * p.h };
  }
  const y = out.y!;
  return batch.times.map((tS, k) => {
    const f: FullRefFrame = { i: first + k, tS, mseY: y.mse[k]!, psnrY: psnrOf(y.mse[k]!), ssimY: y.ssim[k]! };
    if (out.u && out.v) {
      const all = y.pixels + out.u.pixels + out.v.pixels;
      f.psnrU = psnrOf(out.u.mse[k]!);
      f.psnrV = psnrOf(out.v.mse[k]!);
      f.psnrAvg = psnrOf((y.mse[k]! * y.pixels + out.u.mse[k]! * out.u.pixels + out.v.mse[k]! * out.v.pixels) / all);
      f.ssimU = out.u.ssim[k]!;
      f.ssimV = out.v.ssim[k]!;
      f.ssimAll = (y.ssim[k]! * y.pixels + out.u.ssim[k]! * out.u.pixels + out.v.ssim[k]! * out.v.pixels) / all;
    }
    return f;
  });
}

function summarize(frames: FullRefFrame[], plan: { width: number; height: number; downscaled: boolean }, unpaired: number, ms: number): FullRefResult {
  const mean = (pick: (f: FullRefFrame) => number | undefined): number | undefined => {
    const v = frames.map(pick);
    return v.every((x) => x !== undefined) ? (v as number[]).reduce((s, x) => s + x, 0) / v.length : undefined;
  };
  const result: FullRefResult = {
    schema: 'qrouter.fullref/1',
    width: plan.width,
    height: plan.height,
    downscaled: plan.downscaled,
    frames,
    mean: { psnrY: mean((f) => f.psnrY)!, ssimY: mean((f) => f.ssimY)! },
    pooledPsnrY: psnrOf(mean((f) => f.mseY)!),
    unpaired,
    ms,
  };
  const psnrAvg = mean((f) => f.psnrAvg);
  const ssimAll = mean((f) => f.ssimAll);
  if (psnrAvg !== undefined) result.mean.psnrAvg = psnrAvg;
  if (ssimAll !== undefined) result.mean.ssimAll = ssimAll;
  return result;
}
