/**
 * Numeric features of a video for the content-type classifier, from a `RouteContext`: picture
 * statistics of the probe's keyframes (averaged over them), the probe experts' values, motion between
 * adjacent and distant frames, and the container's facts. Each feature has one line of documentation
 * and two plain-word phrases (for a high and a low value) that the classifier's reasons quote.
 * Cheap: about 1–2 ms per 256x144 keyframe.
 */
import type { Keyframe, RouteContext } from '../types.ts';
import { chromaEdgeRatio } from './chroma-edges.ts';
import { keyframeChange } from './keyframe-change.ts';
import { pictureStats, type PictureStats } from './picture-stats.ts';

/** One feature: its name, what it measures, and how to say "high" and "low" in words. */
export interface FeatureDoc {
  name: string;
  doc: string;
  high: string;
  low: string;
}

const PICTURE: { key: keyof PictureStats; doc: string; high: string; low: string }[] = [
  { key: 'satMean', doc: 'mean chroma of the keyframes (0 grey .. 1 pure colour)', high: 'strongly saturated colours', low: 'muted colours' },
  { key: 'vividShare', doc: 'share of vivid pixels (chroma > 100)', high: 'many vivid colours', low: 'few vivid colours' },
  { key: 'neutralShare', doc: 'share of grey/black/white pixels (chroma < 12)', high: 'mostly grey, black or white', low: 'little neutral grey' },
  { key: 'colourfulness', doc: 'Hasler–Süsstrunk colourfulness / 100', high: 'a colourful picture', low: 'a colourless picture' },
  { key: 'flatShare', doc: 'share of pixels in exactly flat fills (neighbours within ±1)', high: 'many flat areas', low: 'few flat areas' },
  { key: 'smoothShare', doc: 'share of pixels with a small gradient (|gx|+|gy| <= 6): flat or gently shaded', high: 'smooth, evenly shaded surfaces', low: 'few smooth surfaces' },
  { key: 'textureShare', doc: 'share of pixels with a medium gradient (12..40): fine texture', high: 'much fine texture', low: 'little fine texture' },
  { key: 'edgeShare', doc: 'share of pixels on luma edges (|gx|+|gy| > 40)', high: 'many sharp edges', low: 'few sharp edges' },
  { key: 'edgeAxis', doc: 'share of edge pixels whose gradient is horizontal or vertical', high: 'straight horizontal and vertical edges', low: 'edges in every direction' },
  { key: 'strokeShare', doc: 'share of pixels on thin high-contrast strokes (text-like)', high: 'text-like high-contrast strokes', low: 'no text-like strokes' },
  { key: 'paletteTop', doc: 'share of pixels covered by the 16 most frequent colours', high: 'a few colours cover most of the picture', low: 'no dominant colours' },
  { key: 'paletteLog', doc: 'log2 of distinct 15-bit colours / 15 (palette size)', high: 'a large palette', low: 'a small palette' },
  { key: 'lumaMean', doc: 'mean luma / 255', high: 'a bright picture', low: 'a dark picture' },
  { key: 'lumaStd', doc: 'luma standard deviation / 255 (RMS contrast)', high: 'high contrast', low: 'low contrast' },
  { key: 'darkShare', doc: 'share of pixels with luma < 48', high: 'mostly dark pixels', low: 'few dark pixels' },
  { key: 'blackClip', doc: 'share of pixels crushed to black (luma <= 6)', high: 'crushed blacks', low: 'no crushed black' },
  { key: 'whiteClip', doc: 'share of pixels clipped white (luma >= 250)', high: 'clipped whites', low: 'no clipped white' },
  { key: 'grain', doc: 'mean |Laplacian| in smooth non-flat areas (code values): sensor grain', high: 'camera-like grain', low: 'clean, grain-free surfaces' },
  { key: 'satStd', doc: 'standard deviation of HSV saturation', high: 'saturation varies across the picture', low: 'evenly saturated' },
  { key: 'hueEntropy', doc: 'entropy of the hue histogram of chromatic pixels / log2 12', high: 'many different hues', low: 'one or two hues' },
  { key: 'paletteTop4', doc: 'share of pixels covered by the 4 most frequent colours', high: 'four colours cover much of the picture', low: 'no four colours dominate' },
  { key: 'letterbox', doc: 'share of the frame in uniform dark bars at its edges', high: 'letterbox bars', low: 'no letterbox bars' },
  { key: 'flatBlocks', doc: 'share of 8x8 blocks whose luma range is at most 2 (inside the bars)', high: 'large exactly flat fills', low: 'no exactly flat blocks' },
  { key: 'blockNoise', doc: 'mean |Laplacian| inside smooth 8x8 blocks (code values): grain where the picture is smooth', high: 'grain in smooth areas', low: 'clean smooth areas' },
  { key: 'runLength', doc: 'log2 of the mean horizontal run of equal luma (px)', high: 'long runs of one shade', low: 'short runs: texture everywhere' },
  { key: 'stepEdges', doc: 'share of edges that are steps between flat areas', high: 'drawn step edges', low: 'soft, textured edges' },
  { key: 'lumaMedian', doc: 'median luma inside the bars / 255', high: 'a bright median', low: 'a dark median' },
  { key: 'edgeSharpness', doc: 'steepness of horizontal edges: 2-px step over 6-px step (0..2)', high: 'steep drawn edges', low: 'soft edges' },
];

const OTHER: FeatureDoc[] = [
  { name: 'lumaSwing', doc: 'std of the keyframes\' mean luma over time / 255 (scene or slide changes)', high: 'brightness changes between scenes', low: 'steady brightness' },
  { name: 'motionAdj', doc: 'log(1 + mean luma difference between adjacent frames)', high: 'much frame-to-frame motion', low: 'little frame-to-frame motion' },
  { name: 'motionDist', doc: 'log(1 + mean luma difference between distant probe frames)', high: 'the picture changes over the clip', low: 'the picture stays the same over the clip' },
  { name: 'repeatShare', doc: 'share of adjacent frame pairs that are identical (difference < 0.25)', high: 'frames held for a long time', low: 'every frame is new' },
  { name: 'motionRatio', doc: 'log((adjacent + 0.5) / (distant + 0.5)): change now vs change over the clip', high: 'continuous motion', low: 'held pictures with changes far apart' },
  { name: 'sameShare', doc: 'share of native-resolution pixels exactly equal in adjacent frames (median over the probe points)', high: 'parts of the picture repeat exactly', low: 'every pixel changes from frame to frame' },
  { name: 'quietNoise', doc: 'log(1 + frame-to-frame change in the quietest quarter of 8x8 blocks, native resolution)', high: 'even still areas flicker', low: 'still areas stay still' },
  { name: 'pixelGrid', doc: 'how strongly native-resolution edges keep to a coarser pixel grid (pixel art scaled up)', high: 'pixel art scaled up', low: 'no coarse pixel grid' },
  { name: 'heldDetail', doc: 'sqrt of the share of textured 4x4 blocks identical in every keyframe (a static overlay, HUD)', high: 'detail held still while the scene changes (a HUD)', low: 'no detail held in place' },
  { name: 'movedShare', doc: 'sqrt of the share of 4x4 blocks whose mean luma moved over the keyframes', high: 'the picture moves over the clip', low: 'most of the picture stays put' },
  { name: 'heldAndMoved', doc: 'sqrt of heldDetail x movedShare before the roots: a held overlay over a moving scene', high: 'a fixed overlay over a moving scene', low: 'no fixed overlay over a moving scene' },
  { name: 'chromaEdges', doc: 'log of colour-difference over luma gradient energy (chroma-edges.ts), keyframe mean: detail carried by colour', high: 'edges between colours of similar brightness', low: 'detail carried by brightness, softer colour' },
  { name: 'logFps', doc: 'log2 of the frame rate (1..120)', high: 'a high frame rate', low: 'a low frame rate' },
  { name: 'logDuration', doc: 'log2 of the duration in s (0.25..600)', high: 'a long clip', low: 'a short clip' },
  { name: 'logPixels', doc: 'log2 of width x height', high: 'a large frame', low: 'a small frame' },
  { name: 'aspect', doc: 'log2 of width / height', high: 'a wide frame', low: 'a tall frame' },
];

/** Probe experts whose 0..100 quality becomes a feature `probe.<id>` (absent ones count as average). */
export const PROBE_FEATURE_EXPERTS = ['colourfulness', 'contrast', 'noise', 'overexposure', 'underexposure'] as const;

/** Every feature, in the order of `contentFeatures`' vector. */
export const FEATURES: readonly FeatureDoc[] = [
  ...PICTURE.map((p) => ({ name: p.key, doc: p.doc, high: p.high, low: p.low })),
  ...OTHER,
  ...PROBE_FEATURE_EXPERTS.map((id) => ({ name: `probe.${id}`, doc: `the probe's ${id} quality / 100`, high: `good ${id} on the probe`, low: `poor ${id} on the probe` })),
];

/** Feature names, in vector order. */
export const FEATURE_NAMES: readonly string[] = FEATURES.map((f) => f.name);

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, v) => s + v, 0) / xs.length : 0);

const statsCache = new WeakMap<Keyframe, PictureStats>();
/** Picture statistics of each keyframe, computed once per keyframe (the features and the low-light stage both read them). */
export function keyframeStats(keyframes: readonly Keyframe[]): PictureStats[] {
  return keyframes.map((kf) => {
    let s = statsCache.get(kf);
    if (!s) statsCache.set(kf, (s = pictureStats(kf)));
    return s;
  });
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const clampLog2 = (v: number, lo: number, hi: number) => Math.log2(Math.min(hi, Math.max(lo, Number.isFinite(v) ? v : lo)));

/**
 * The feature vector of a video. A value the context cannot give (no keyframes, an expert the probe
 * did not run) is NaN; the classifier reads NaN as the training mean.
 */
export function contentFeatures(ctx: RouteContext): Float64Array {
  const { video, probe } = ctx;
  const stats = keyframeStats(probe.keyframes);
  const out = new Float64Array(FEATURES.length).fill(Number.NaN);
  let k = 0;
  for (const p of PICTURE) out[k++] = stats.length ? mean(stats.map((s) => s[p.key])) : Number.NaN;
  const lumas = stats.map((s) => s.lumaMean);
  const lm = mean(lumas);
  out[k++] = stats.length ? Math.sqrt(mean(lumas.map((v) => (v - lm) ** 2))) : Number.NaN;
  const adj = probe.motion.adjacentDiffs;
  const dist = probe.motion.distantDiffs;
  out[k++] = adj.length ? Math.log1p(mean(adj)) : Number.NaN;
  out[k++] = dist.length ? Math.log1p(mean(dist)) : Number.NaN;
  out[k++] = adj.length ? adj.filter((d) => d < 0.25).length / adj.length : Number.NaN;
  out[k++] = adj.length && dist.length ? Math.log((mean(adj) + 0.5) / (mean(dist) + 0.5)) : Number.NaN;
  const noise = probe.motion.frameNoise ?? [];
  out[k++] = noise.length ? median(noise.map((f) => f.same)) : Number.NaN;
  out[k++] = noise.length ? Math.log1p(median(noise.map((f) => f.quiet))) : Number.NaN;
  out[k++] = noise.length && noise.every((f) => f.grid !== undefined) ? median(noise.map((f) => f.grid)) : Number.NaN;
  const change = keyframeChange(probe.keyframes);
  out[k++] = change ? Math.sqrt(change.heldDetail) : Number.NaN;
  out[k++] = change ? Math.sqrt(change.moved) : Number.NaN;
  out[k++] = change ? Math.sqrt(change.heldDetail * change.moved) : Number.NaN;
  out[k++] = probe.keyframes.length ? mean(probe.keyframes.map(chromaEdgeRatio)) : Number.NaN;
  out[k++] = clampLog2(video.fps, 1, 120);
  out[k++] = clampLog2(video.durationS, 0.25, 600);
  out[k++] = clampLog2(video.width * video.height, 64, 1 << 26);
  out[k++] = video.width > 0 && video.height > 0 ? Math.log2(video.width / video.height) : Number.NaN;
  for (const id of PROBE_FEATURE_EXPERTS) {
    const e = probe.experts.find((x) => x.meta.id === id);
    out[k++] = e && Number.isFinite(e.quality) ? e.quality / 100 : Number.NaN;
  }
  return out;
}
