/**
 * The probe stage: before any routing decision, read a few frames by timestamp (never the whole file),
 * make small RGB keyframes for the router, run the cheapest experts on them and measure how much the
 * picture changes between adjacent frames and between distant ones.
 */
import type { FrameSource } from '../decode/frame-source.ts';
import { throwIfAborted } from '../errors.ts';
import type { ExpertMeta } from '../experts/types.ts';
import { rgbAt, smallLumaAt, type FloatPlanes } from '../frames/frame-planes.ts';
import { fitSize } from '../frames/resample.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import type { ExecutionProvider } from '../inference/ort.ts';
import { normalizeScore } from '../fusion/normalize.ts';
import type { Keyframe, ProbeExpert, ProbeResult } from '../router/types.ts';
import { toAnalysisFrame, planeNeeds } from './analysis-frame.ts';
import { BatchDispatcher } from './batches.ts';
import { ExpertResults } from './expert-results.ts';

/** Probe frames (each read with the frame after it). */
export const PROBE_FRAMES = 6;
/** Spatial experts cheaper than this per 540p frame run in the probe. */
export const PROBE_MAX_COST_MS = 7;
/** Box of the probe's expert frames and of the keyframes. */
const PROBE_BOX: [number, number] = [480, 270];
const KEYFRAME_BOX: [number, number] = [256, 144];
const MOTION_BOX: [number, number] = [160, 90];

/** The experts the probe runs: cheap spatial ones, no GPU requirement. */
export function probeExperts(catalogue: readonly ExpertMeta[]): ExpertMeta[] {
  return catalogue.filter((m) => m.kind === 'spatial' && m.inputs.stream === 'analysis' && !m.requires.length && m.costPerFrameMs <= PROBE_MAX_COST_MS && !m.inputs.keepRows);
}

/**
 * What the probe may spend decoding a file with one long group of pictures, in ms: with the measured
 * ~4.5 ns per pixel of a decoded frame, 250 ms reach about 8 s of 360p, 2 s of 720p or 1 s of 1080p.
 */
export const PROBE_DECODE_BUDGET_MS = 250;
const DECODE_MS_PER_PIXEL = 4.5e-6;

/**
 * The probe times, each with the next frame's time. A sparse read decodes from the keyframe before
 * each time, so the probe picks keyframes when the container indexes enough of them spread over the
 * video (two frames decoded per probe point); otherwise (one long group of pictures) it spreads its
 * points over as much of the start as its decode budget reaches, so it never decodes the whole of a
 * large file before the run does.
 */
export function probeTimes(durationS: number, fps: number, keyTimes?: readonly number[], framePixels = 0, count = PROBE_FRAMES): number[] {
  const step = fps > 0 ? 1 / fps : 1 / 30;
  const span = Math.max(0, durationS - step);
  const targets = Array.from({ length: count }, (_, i) => ((i + 0.5) / count) * span);
  let points: number[];
  const keys = [...new Set(keyTimes ?? [])].sort((a, b) => a - b);
  if (keyTimes === undefined) points = targets;
  else if (keys.length >= Math.ceil(count / 2)) {
    // The keyframe at or before each target; duplicates collapse.
    points = [...new Set(targets.map((t) => keys.filter((k) => k <= t + 1e-6).pop() ?? keys[0]!))];
  } else {
    const reach = framePixels > 0 ? (PROBE_DECODE_BUDGET_MS / (framePixels * DECODE_MS_PER_PIXEL)) * step : span;
    points = targets.map((t) => (t / Math.max(span, 1e-9)) * Math.min(span, reach));
  }
  return points.flatMap((t) => [t, t + step]);
}

/** Runs the probe. */
export async function runProbe(source: FrameSource, catalogue: readonly ExpertMeta[], executor: ExpertExecutor, modelBaseUrl: string, ep: ExecutionProvider, signal: AbortSignal): Promise<ProbeResult> {
  const t0 = performance.now();
  const { info } = source;
  const experts = probeExperts(catalogue);
  const { failed } = experts.length ? await executor.load(experts, modelBaseUrl, ep) : { failed: [] as string[] };
  const usable = experts.filter((m) => !failed.includes(m.id));
  const size = fitSize(info.width, info.height, PROBE_BOX[0], PROBE_BOX[1]);
  const kSize = fitSize(info.width, info.height, KEYFRAME_BOX[0], KEYFRAME_BOX[1]);
  const mSize = fitSize(info.width, info.height, MOTION_BOX[0], MOTION_BOX[1]);
  const needs = planeNeeds(usable);
  const keyframes: Keyframe[] = [];
  const lumas: { tS: number; luma: FloatPlanes }[] = [];
  const frames = [];
  let index = 0;
  const keys = source.keyTimes ? await source.keyTimes(4096).catch(() => undefined) : undefined;
  for await (const { tS, pixels } of source.framesAt(probeTimes(info.durationS, info.fps, keys, info.width * info.height), signal)) {
    throwIfAborted(signal);
    lumas.push({ tS, luma: smallLumaAt(pixels, mSize.width, mSize.height) });
    if (index % 2 === 0) {
      keyframes.push(toKeyframe(tS, rgbAt(pixels, kSize.width, kSize.height)));
      if (usable.length) frames.push(toAnalysisFrame(pixels, frames.length, tS, size, size, needs));
    }
    index++;
  }
  const results = usable.map((m) => ({ meta: m, stride: 1, results: new ExpertResults(m) }));
  if (frames.length && results.length) {
    const dispatcher = new BatchDispatcher(executor);
    await dispatcher.spatial(frames, results);
    await dispatcher.drain();
  }
  const probed: ProbeExpert[] = results.map(({ meta, results: r }) => {
    const raw = r.pooled();
    return { meta, values: r.frames.map((f) => f.raw), raw, quality: normalizeScore(meta, raw) };
  });
  return { keyframes, experts: probed, motion: motionOf(lumas), ms: performance.now() - t0 };
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

/** Adjacent pairs are (0,1), (2,3), …; distant pairs join the first frame of consecutive pairs. */
function motionOf(lumas: { tS: number; luma: FloatPlanes }[]): ProbeResult['motion'] {
  const adjacentDiffs: number[] = [];
  const distantDiffs: number[] = [];
  for (let i = 0; i + 1 < lumas.length; i += 2) {
    const a = lumas[i]!;
    const b = lumas[i + 1]!;
    // A source may return the same frame for both times (a low frame rate or the clip's end).
    if (b.tS > a.tS) adjacentDiffs.push(meanAbsDiff(a.luma, b.luma));
    const next = lumas[i + 2];
    if (next) distantDiffs.push(meanAbsDiff(a.luma, next.luma));
  }
  return { adjacentDiffs, distantDiffs };
}
