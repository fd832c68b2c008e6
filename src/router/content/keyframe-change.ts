/**
 * What stays and what changes across the probe's keyframes, for the content-type classifier (runs
 * wherever the router runs: the analysis worker in the app, Node in tests and the benchmark). The
 * keyframes are seconds apart, so in a game the scene has moved on while its HUD (score, health,
 * ammunition, a minimap) is drawn on the same pixels in every one of them; cartoons, camera footage
 * and generated video move or shimmer everywhere, and a slideshow or a screen capture holds most of
 * its picture (flat or textured) but has nothing moving beside it. Read per 4x4 block of luma (its even rows) at the
 * keyframes' own small size: one pass over each keyframe, under a millisecond per 256x144 keyframe.
 */
import type { Keyframe } from '../types.ts';

/** Block side in keyframe pixels: a HUD glyph of a 720p game is 4–7 px tall at 256x144. */
const BLOCK = 4;
/** A block is textured when its luma standard deviation is above this in every keyframe (code values). */
const TEXTURED_STD = 6;
/** A block is held when no pixel of it differs from the first keyframe by more than this. */
const HELD_DIFF = 8;
/** A block has moved when its mean luma spans more than this over the keyframes. */
const MOVED_MEAN = 8;

/** Change across the keyframes; shares of the 4x4 blocks, 0..1. */
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
  // Integer BT.601 luma (weights over 256) and integer block sums: the thresholds are whole code
  // values, compared on n·sum(v²) − sum(v)² (n² × the variance) and on sums rather than means. Every
  // other row of a block is read: half the cost, and a glyph or an edge still crosses the rows read.
  const n = (BLOCK * BLOCK) / 2;
  const first = new Uint8Array(w * h), luma = new Uint8Array(w * h);
  const sum = new Int32Array(nb), sq = new Int32Array(nb);
  const minSum = new Int32Array(nb).fill(0x7fffffff), maxSum = new Int32Array(nb).fill(-1);
  const minVar = new Int32Array(nb).fill(0x7fffffff), maxDiff = new Uint8Array(nb);
  for (const [k, kf] of keyframes.entries()) {
    const l = k === 0 ? first : luma;
    const rgb = kf.rgb;
    sum.fill(0);
    sq.fill(0);
    for (let y = 0; y < bh * BLOCK; y += 2) {
      for (let i = y * w, o = 3 * i, end = i + bw * BLOCK; i < end; i++, o += 3) l[i] = (77 * rgb[o]! + 150 * rgb[o + 1]! + 29 * rgb[o + 2]! + 128) >> 8;
      const row = ((y / BLOCK) | 0) * bw;
      // One block's run of BLOCK pixels at a time, summed in locals.
      for (let bx = 0, i = y * w; bx < bw; bx++) {
        let s = 0, q = 0, dm = 0;
        for (const end = i + BLOCK; i < end; i++) {
          const v = l[i]!, f = first[i]!;
          s += v;
          q += v * v;
          const d = v > f ? v - f : f - v;
          if (d > dm) dm = d;
        }
        const b = row + bx;
        sum[b]! += s;
        sq[b]! += q;
        if (dm > maxDiff[b]!) maxDiff[b] = dm;
      }
    }
    for (let b = 0; b < nb; b++) {
      const s = sum[b]!, v = n * sq[b]! - s * s;
      if (s < minSum[b]!) minSum[b] = s;
      if (s > maxSum[b]!) maxSum[b] = s;
      if (v < minVar[b]!) minVar[b] = v;
    }
  }
  let held = 0, moved = 0;
  for (let b = 0; b < nb; b++) {
    if (maxDiff[b]! <= HELD_DIFF && minVar[b]! > n * n * TEXTURED_STD * TEXTURED_STD) held++;
    if (maxSum[b]! - minSum[b]! > n * MOVED_MEAN) moved++;
  }
  return { heldDetail: held / nb, moved: moved / nb };
}
