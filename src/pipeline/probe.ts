/**
 * The probe stage: before any routing decision, read a few frames by timestamp (never the whole file),
 * make small RGB keyframes for the router, run the cheapest experts on them and measure how much the
 * picture changes between adjacent frames and between distant ones.
 */
import type { FrameSource } from '../decode/frame-source.ts';
import { copyPlanes, type YuvPlanes } from '../frames/frame-pixels.ts';
import { throwIfAborted } from '../errors.ts';
import type { ExpertMeta } from '../experts/types.ts';
import { rgbAt, smallLumaAt, type FloatPlanes } from '../frames/frame-planes.ts';
import { fitSize } from '../frames/resample.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import type { ExecutionProvider } from '../inference/ort.ts';
import { normalizeScore } from '../fusion/normalize.ts';
import type { Keyframe, ProbeExpert, ProbeResult } from '../router/types.ts';
import { frameNoise, lumaWindow, type FrameNoise, type LumaWindow } from '../router/content/frame-noise.ts';
import { PROBE_FEATURE_EXPERTS } from '../router/content/features.ts';
import { planeNeeds, type PlaneNeeds } from './analysis-frame.ts';
import { BatchDispatcher, type TemporalFrame } from './batches.ts';
import { ExpertResults } from './expert-results.ts';
import { MIN_SAMPLE } from './plan.ts';
import type { EarlyOffer } from './early-start.ts';
import type { BurstOffer } from './glance-temporal.ts';

/** Probe frames (each read with the frame after it). */
export const PROBE_FRAMES = 6;
/** Box of the probe's expert frames and of the keyframes. */
const PROBE_BOX: [number, number] = [480, 270];
const KEYFRAME_BOX: [number, number] = [256, 144];
const MOTION_BOX: [number, number] = [160, 90];

/**
 * The experts the probe runs: the spatial ones whose values the content classifier reads
 * (`PROBE_FEATURE_EXPERTS`), with no GPU requirement. Chosen by what the route needs, not by cost: the
 * exposure experts cost ten times more since their models grew, and the classifier still reads them.
 */
export function probeExperts(catalogue: readonly ExpertMeta[]): ExpertMeta[] {
  const read = new Set<string>(PROBE_FEATURE_EXPERTS);
  return catalogue.filter((m) => read.has(m.id) && m.kind === 'spatial' && m.inputs.stream === 'analysis' && !m.requires.length && !m.inputs.keepRows);
}

/**
 * What the probe may spend decoding a file with one long group of pictures, in ms: with the measured
 * ~4.5 ns per pixel of a decoded frame, 250 ms reach about 8 s of 360p, 2 s of 720p or 1 s of 1080p.
 */
export const PROBE_DECODE_BUDGET_MS = 250;
const DECODE_MS_PER_PIXEL = 4.5e-6;

/**
 * The probe times: `length` consecutive frames at each probe point (the point and the frames after
 * it; two for the probe's own motion measure, a burst when tier 0 keeps the frames for its run). A
 * sparse read decodes from the keyframe before each time, so the probe picks keyframes when the
 * container indexes enough of them spread over the video; otherwise (one long group of pictures) it
 * spreads its points over as much of the start as its decode budget reaches, so it never decodes the
 * whole of a large file before the run does.
 */
export function probeTimes(durationS: number, fps: number, keyTimes?: readonly number[], framePixels = 0, count = PROBE_FRAMES, length = 2): number[] {
  return probeReads(durationS, fps, keyTimes, framePixels, count, length).times;
}

/**
 * The probe times with, for each, the index of the point it belongs to (the probe's own points are
 * 0..count-1). With `glance` (tier 0), points from `glancePoints` follow (indices `count` and up, read
 * for the run only), bursts are `length` long at run points, and `run` says which points the run uses.
 */
function probeReads(
  durationS: number,
  fps: number,
  keyTimes: readonly number[] | undefined,
  framePixels: number,
  count: number,
  length: number,
  glance = false,
): { times: number[]; point: number[]; run: boolean[] } {
  const step = fps > 0 ? 1 / fps : 1 / 30;
  const own = probePoints(durationS, fps, keyTimes, framePixels, count);
  const g = glance ? glancePoints(own, durationS, fps, keyTimes, framePixels, count, length) : { extra: [], skipOwn: new Set<number>() };
  const run: boolean[] = [];
  own.forEach((_, p) => (run[p] = glance && !g.skipOwn.has(p)));
  g.extra.forEach((_, k) => (run[count + k] = true));
  const points = [...own.map((t, p) => ({ t, p })), ...g.extra.map((t, k) => ({ t, p: count + k }))].sort((a, b) => a.t - b.t);
  const times: number[] = [];
  const point: number[] = [];
  for (const { t: t0, p } of points)
    for (let k = 0; k < (run[p] || !glance ? length : 2); k++) {
      const t = t0 + k * step;
      // Ascending, each time a new frame: a read that goes back in time restarts decoding at a keyframe.
      if (times.length && t <= times[times.length - 1]! + step / 2) continue;
      times.push(t);
      point.push(p);
    }
  return { times, point, run };
}

/** What tier 0 may spend decoding frames it does not keep, to reach points between keyframes, in ms. */
export const GLANCE_FILL_BUDGET_MS = 400;

/**
 * True when keyframes come at a fixed interval (an encoder setting), not at scene cuts: every full
 * group of pictures is as long as the others to within half a frame (an encoder's interval is a whole
 * number of frames). Keyframes at cuts can look nearly regular by chance (cuts at 2.1 and 4.13 s, 63
 * and 61 frames apart), and there the glance must not trust them.
 */
export function periodicKeys(keys: readonly number[], fps = 30): boolean {
  const gaps = keys.slice(1).map((k, i) => k - keys[i]!);
  // The last group of pictures may be cut short by the end of the file.
  const full = gaps.length > 2 ? gaps.slice(0, -1) : gaps;
  if (full.length < 2) return false;
  const mean = full.reduce((a, b) => a + b, 0) / full.length;
  const tolerance = 0.5 / (fps > 0 ? fps : 30);
  return mean > 0 && full.every((g) => Math.abs(g - mean) <= tolerance);
}

/**
 * Where tier 0's bursts start besides (or instead of) the probe's points. Keyframes placed at scene
 * cuts are not a fair sample (the frames right after a cut: fades, black, a settling encoder), so
 * when the probe sits on such keyframes the glance reads the evenly spread targets instead, each as
 * long as the frames decoded to reach it (from its keyframe, or from the read before it in the same
 * group of pictures) fit the fill budget; a probe point with no target near it keeps its burst. When
 * keyframes are periodic, or the probe spread its own points, the glance reads at those points only
 * (reaching a time between keyframes decodes every frame up to it) and adds targets only while there
 * are fewer than `MIN_SAMPLE` points, the fewest analysis frames a spatial expert sees.
 */
export function glancePoints(
  own: readonly number[],
  durationS: number,
  fps: number,
  keyTimes: readonly number[] | undefined,
  framePixels: number,
  count: number,
  length: number,
): { extra: number[]; skipOwn: Set<number> } {
  const none = { extra: [], skipOwn: new Set<number>() };
  if (!keyTimes?.length || framePixels <= 0) return none;
  const { step, span, targets } = evenTargets(durationS, fps, count);
  const keys = [...new Set(keyTimes)].sort((a, b) => a - b);
  const onKeys = probeUsesKeyframes(keys, count);
  const replace = onKeys && !periodicKeys(keys, fps);
  const wanted = replace ? count : Math.min(count, MIN_SAMPLE);
  if (!replace && own.length >= wanted) return none;
  const keyBefore = (t: number) => keys.filter((k) => k <= t + 1e-6).pop() ?? 0;
  const minGap = span / count / 2;
  const candidates = replace ? targets : targets.filter((t) => own.every((o) => Math.abs(o - t) >= minGap));
  let budgetFrames = GLANCE_FILL_BUDGET_MS / (framePixels * DECODE_MS_PER_PIXEL);
  const chosen: number[] = [];
  for (const t of candidates) {
    if (!replace && own.length + chosen.length >= wanted) break;
    // Reads go in time order: decoding resumes after the last read in the same group of pictures.
    const before = [...own, ...chosen].filter((x) => x < t).map((x) => x + (length - 1) * step);
    const last = before.length ? Math.max(...before) : -Infinity;
    const from = Math.max(keyBefore(t), keyBefore(t) <= last ? last : -Infinity);
    const cost = (t - from) / step;
    if (cost > budgetFrames) continue;
    budgetFrames -= cost;
    chosen.push(t);
  }
  const skipOwn = new Set<number>();
  if (replace) own.forEach((o, p) => chosen.some((t) => Math.abs(t - o) < 2 * minGap) && skipOwn.add(p));
  return { extra: chosen, skipOwn };
}

/** `count` times spread evenly over the video (the middle of equal parts), with the frame step and the span they cover. */
function evenTargets(durationS: number, fps: number, count: number): { step: number; span: number; targets: number[] } {
  const step = fps > 0 ? 1 / fps : 1 / 30;
  const span = Math.max(0, durationS - step);
  return { step, span, targets: Array.from({ length: count }, (_, i) => ((i + 0.5) / count) * span) };
}

/** True when the container indexes enough keyframes for the probe to sit on them; else it spreads its points over the start. */
export function probeUsesKeyframes(keyTimes: readonly number[], count = PROBE_FRAMES): boolean {
  return new Set(keyTimes).size >= Math.ceil(count / 2);
}

/** The probe points alone (see `probeTimes`). */
export function probePoints(durationS: number, fps: number, keyTimes?: readonly number[], framePixels = 0, count = PROBE_FRAMES): number[] {
  const { step, span, targets } = evenTargets(durationS, fps, count);
  const keys = [...new Set(keyTimes ?? [])].sort((a, b) => a - b);
  if (keyTimes === undefined) return targets;
  // The keyframe at or before each target; duplicates collapse.
  if (probeUsesKeyframes(keys, count)) return [...new Set(targets.map((t) => keys.filter((k) => k <= t + 1e-6).pop() ?? keys[0]!))];
  const reach = framePixels > 0 ? (PROBE_DECODE_BUDGET_MS / (framePixels * DECODE_MS_PER_PIXEL)) * step : span;
  return targets.map((t) => (t / Math.max(span, 1e-9)) * Math.min(span, reach));
}

/**
 * Tier 0 keeps what the probe read, so that its run decodes nothing more: each probe point's run of
 * consecutive frames as small temporal-stream lumas, and the point's first frame whole.
 */
export interface Glance {
  segments: GlanceSegment[];
  /** Time spent reading and copying the frames, ms. */
  decodeMs: number;
}

/** One probe point's consecutive frames. */
export interface GlanceSegment {
  /** The first frame's own copy of its pixels. */
  first: { tS: number; pixels: YuvPlanes };
  /** Every frame of the segment at the temporal-stream size. */
  temporal: TemporalFrame[];
}

/** How much the probe reads at each point, and whether it keeps the frames for tier 0's run. */
export interface ProbeReading {
  /** Consecutive frames read at each probe point (default 2). */
  length?: number;
  /** Keep the frames (a `Glance`), with the temporal-stream lumas at this size. */
  keep?: { width: number; height: number };
  /**
   * Told each kept point's first frame as soon as it is read (`index` of `count` points, the pixels
   * a copy that stays unchanged): tier 0's early start (`early-start.ts`).
   */
  early?: EarlyOffer;
  /** Told each kept point's frames once its burst is read (tier 0's early temporal run, `glance-temporal.ts`). */
  temporal?: BurstOffer;
}

/** Runs the probe; with `reading.keep` it also returns the frames it read. */
export async function runProbe(
  source: FrameSource,
  catalogue: readonly ExpertMeta[],
  executor: ExpertExecutor,
  modelBaseUrl: string,
  ep: ExecutionProvider,
  signal: AbortSignal,
  reading: ProbeReading = {},
): Promise<ProbeResult & { glance?: Glance }> {
  const t0 = performance.now();
  const { info } = source;
  const experts = probeExperts(catalogue);
  // The decoder starts while the sessions load (on a cold start, the runtime's compilation too): the
  // first frame waits for them only when it is ready to go to the experts.
  const loading = experts.length ? executor.load(experts, modelBaseUrl, ep) : Promise.resolve({ failed: [] as string[] });
  loading.catch(() => undefined);
  let loaded: { usable: ExpertMeta[]; needs: PlaneNeeds; results: { meta: ExpertMeta; stride: number; results: ExpertResults }[] } | undefined;
  const probeExpertsReady = async () => {
    if (!loaded) {
      const { failed } = await loading;
      const usable = experts.filter((m) => !failed.includes(m.id));
      loaded = { usable, needs: planeNeeds(usable), results: usable.map((m) => ({ meta: m, stride: 1, results: new ExpertResults(m) })) };
    }
    return loaded;
  };
  const size = fitSize(info.width, info.height, PROBE_BOX[0], PROBE_BOX[1]);
  const kSize = fitSize(info.width, info.height, KEYFRAME_BOX[0], KEYFRAME_BOX[1]);
  const mSize = fitSize(info.width, info.height, MOTION_BOX[0], MOTION_BOX[1]);
  const keyframes: Keyframe[] = [];
  const motion: { first: FloatPlanes; firstT: number; second?: FloatPlanes; window: LumaWindow; noise?: FrameNoise | null }[] = [];
  // The probe's few small frames never wait for the inference worker (which may be busy with the
  // early start): the decoder keeps reading, and they run ahead of the early batches (the route waits
  // for them; the early start's outputs are not needed before the run ends).
  const dispatcher = new BatchDispatcher(executor, PROBE_FRAMES, true);
  let probeFrames = 0;
  const segments: GlanceSegment[] = [];
  const keys = source.keyTimes ? await source.keyTimes(4096).catch(() => undefined) : undefined;
  const { times, point, run } = probeReads(info.durationS, info.fps, keys, info.width * info.height, PROBE_FRAMES, reading.length ?? 2, reading.keep !== undefined);
  const runCount = new Set(point.filter((p) => run[p])).size;
  const tRead = performance.now();
  let i = 0;
  let lastT = -Infinity;
  // Bursts handed to `reading.temporal`: a burst is whole once the next point starts.
  let offered = 0;
  const offerBursts = () => {
    for (; offered < segments.length; offered++) reading.temporal?.burst(segments[offered]!.temporal);
  };
  for await (const { tS, pixels } of source.framesAt(times, signal)) {
    throwIfAborted(signal);
    // One frame per requested time, in order: the time says which probe point the frame belongs to.
    const p = point[Math.min(i, point.length - 1)]!;
    const starts = i === 0 || p !== point[i - 1];
    const second = !starts && point[i - 2] !== p;
    i++;
    if (starts) offerBursts();
    // Points past the probe's own are read for tier 0's run only: the route sees the same evidence at every tier.
    const evidence = p < PROBE_FRAMES;
    if (starts) {
      if (evidence) {
        motion.push({ first: smallLumaAt(pixels, mSize.width, mSize.height), firstT: tS, window: lumaWindow(pixels) });
        keyframes.push(toKeyframe(tS, rgbAt(pixels, kSize.width, kSize.height)));
        // The planes are made where the experts run (raw-batch.ts, the same planes to the bit) rather than
        // here, where the decoder's next frames wait; the experts get their own copy of the pixels.
        // Each probe frame goes to the experts as soon as it is read, so inference runs while the next is decoded.
        const { usable, needs, results } = await probeExpertsReady();
        if (usable.length) await dispatcher.spatialPixels([{ index: probeFrames++, tS, pixels: copyPlanes(pixels), needs }], results, size, size);
      }
      if (reading.keep && run[p]) {
        const first = { tS, pixels: copyPlanes(pixels) };
        segments.push({ first, temporal: [] });
        reading.early?.offer(segments.length - 1, runCount, tS, first.pixels);
      }
    } else if (second && evidence) {
      const current = motion[motion.length - 1]!;
      // Motion between a point and the next frame time; a sparse read returns the shown frame for each
      // time, and a repeat is no motion evidence.
      if (tS > current.firstT) {
        current.second = smallLumaAt(pixels, mSize.width, mSize.height);
        current.noise = frameNoise(current.window, pixels);
      }
    }
    if (reading.keep && run[p] && (starts || tS > lastT)) segments[segments.length - 1]!.temporal.push({ tS, luma: smallLumaAt(pixels, reading.keep.width, reading.keep.height) });
    lastT = tS;
  }
  offerBursts();
  const decodeMs = performance.now() - tRead;
  await dispatcher.drain();
  const { results } = await probeExpertsReady();
  const probed: ProbeExpert[] = results.map(({ meta, results: r }) => {
    const raw = r.pooled();
    return { meta, values: r.frames.map((f) => f.raw), raw, quality: normalizeScore(meta, raw) };
  });
  const probe: ProbeResult = { keyframes, experts: probed, motion: motionOf(motion), ms: performance.now() - t0 };
  return reading.keep ? { ...probe, glance: { segments, decodeMs } } : probe;
}

function toKeyframe(tS: number, rgb: FloatPlanes): Keyframe {
  const { width, height, data } = rgb;
  const n = width * height;
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) for (let c = 0; c < 3; c++) out[3 * i + c] = Math.max(0, Math.min(255, Math.round(data[c * n + i]!)));
  return { tS, width, height, rgb: out };
}

function meanAbsDiff(a: FloatPlanes, b: FloatPlanes): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += Math.abs(a.data[i]! - b.data[i]!);
  return s / Math.max(1, a.data.length);
}

/** Adjacent: a point's first frame against the next one; distant: the first frames of consecutive points. */
function motionOf(points: { first: FloatPlanes; second?: FloatPlanes; noise?: FrameNoise | null }[]): ProbeResult['motion'] {
  const adjacentDiffs: number[] = [];
  const distantDiffs: number[] = [];
  const noise: FrameNoise[] = [];
  points.forEach((p, i) => {
    if (p.second) adjacentDiffs.push(meanAbsDiff(p.first, p.second));
    if (p.noise) noise.push(p.noise);
    const next = points[i + 1];
    if (next) distantDiffs.push(meanAbsDiff(p.first, next.first));
  });
  return { adjacentDiffs, distantDiffs, frameNoise: noise };
}
