/**
 * What stays and what changes across the probe's keyframes, for the content-type classifier (runs
 * wherever the router runs: the analysis worker in the app, Node in tests and the benchmark). The
 * keyframes are seconds apart, so in a game the scene has moved on while its HUD (score, health,
 * ammunition, a minimap) is drawn on the same pixels in every one of them; cartoons, camera footage
 * and generated video move or shimmer everywhere, and a slideshow or a screen capture holds most of
 * its picture (flat or textured) but has nothing moving beside it. Read per 8x8 block of luma at the
 * keyframes' own small size: one pass over each keyframe (well under a millisecond for six 256x144).
 */
import type { Keyframe } from '../types.ts';

/** Block side in keyframe pixels. */
const BLOCK = 8;
/** A block is textured when its luma standard deviation is above this in every keyframe (code values). */
const TEXTURED_STD = 6;
/** A block is held when no pixel of it differs from the first keyframe by more than this. */
const HELD_DIFF = 8;
/** A block has moved when its mean luma spans more than this over the keyframes. */
const MOVED_MEAN = 8;

/** Change across the keyframes; shares of the 8x8 blocks, 0..1. */
export interface KeyframeChange {
  /** Blocks that are textured (drawn detail, text) yet identical in every keyframe: a static overlay such as a HUD. */
  heldDetail: number;
  /** Blocks whose mean luma moved over the keyframes. */
  moved: number;
}

/**
 * The change statistics of a clip's keyframes, or null when there are fewer than three or their sizes
 * differ (a stream that changes resolution).
 */
export function keyframeChange(keyframes: readonly Keyframe[]): KeyframeChange | null {
  if (keyframes.length < 3) return null;
  const { width: w, height: h } = keyframes[0]!;
  if (keyframes.some((k) => k.width !== w || k.height !== h)) return null;
  const bw = Math.floor(w / BLOCK), bh = Math.floor(h / BLOCK);
  const nb = bw * bh;
  if (!nb) return null;
  // Integer BT.601 luma (weights over 256): the thresholds are whole code values.
  const lumas = keyframes.map((k) => {
    const l = new Uint8Array(w * h);
    for (let i = 0, o = 0; i < l.length; i++, o += 3) l[i] = (77 * k.rgb[o]! + 150 * k.rgb[o + 1]! + 29 * k.rgb[o + 2]! + 128) >> 8;
    return l;
  });
  const first = lumas[0]!;
  const minMean = new Float64Array(nb).fill(Infinity), maxMean = new Float64Array(nb).fill(-Infinity);
  const minStd = new Float64Array(nb).fill(Infinity), maxDiff = new Float64Array(nb);
  for (const l of lumas) {
    for (let by = 0; by < bh; by++) {
      for (let bx = 0; bx < bw; bx++) {
        const b = by * bw + bx;
        let s = 0, sq = 0, diff = maxDiff[b]!;
        for (let y = by * BLOCK; y < (by + 1) * BLOCK; y++) {
          for (let x = bx * BLOCK, i = y * w + x; x < (bx + 1) * BLOCK; x++, i++) {
            const v = l[i]!;
            s += v;
            sq += v * v;
            const d = Math.abs(v - first[i]!);
            if (d > diff) diff = d;
          }
        }
        const n = BLOCK * BLOCK;
        const mean = s / n;
        const std = Math.sqrt(Math.max(0, sq / n - mean * mean));
        maxDiff[b] = diff;
        if (mean < minMean[b]!) minMean[b] = mean;
        if (mean > maxMean[b]!) maxMean[b] = mean;
        if (std < minStd[b]!) minStd[b] = std;
      }
    }
  }
  let held = 0, moved = 0;
  for (let b = 0; b < nb; b++) {
    if (maxDiff[b]! <= HELD_DIFF && minStd[b]! > TEXTURED_STD) held++;
    if (maxMean[b]! - minMean[b]! > MOVED_MEAN) moved++;
  }
  return { heldDetail: held / nb, moved: moved / nb };
}
