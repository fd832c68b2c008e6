/**
 * Blur that is a defect, not depth of field (analysis worker, localize stage). A soft picture is
 * not a fault by itself: a defocused bokeh shot, a shallow-focus close-up or a subject that comes
 * closer than the lens can focus are how the scene was shot, and they stay so through their shot.
 * Blur is a defect when the same content loses detail: a step up in the blur reading from one
 * analysis frame to the next while the picture stays the same shot (focus lost, a blurred segment
 * or region), or a step down when it comes back. So a blur frame counts when it belongs to such a
 * step within its shot, or when it is softer than depth of field makes a picture (every part soft,
 * beyond BLUR_STRONG).
 *
 * Whether two analysis frames show the same shot is read from their per-patch maps: the layout of
 * where the picture is detailed and where it is flat (the blur expert's own map, and the grain map
 * of a noise expert where the route ran one) keeps its order within a shot, and a cut reorders it.
 * A blur onset reorders the blurred patches too, so the larger of the two rank correlations is used.
 * Measured on the real injected set at the inspect and standard tiers (bench/real): across cuts
 * 0.36 at most (the city source's four cuts, Big Buck Bunny's one); at blur onsets and offsets in one
 * shot 0.49 or more (a blurred left half of the courtyard clip, the lowest).
 */
import type { ExpertResults, FrameResult } from '../pipeline/expert-results.ts';

/** Least rank correlation of two analysis frames' maps for them to be one shot. */
export const SHOT_CONTINUITY = 0.42;

/**
 * Least rise of the blur reading (re-blur ratio) from one analysis frame to the next, within a shot,
 * that is a loss of focus rather than the scene changing. The largest such step on the clean real
 * clips is 0.14 (a cockatoo walking up to the lens, over 0.6 s); a σ 2 Gaussian blur over a dashcam
 * clip steps 0.21, σ 3-5 over part or all of the frame 0.28-0.46.
 */
export const BLUR_STEP = 0.18;

/** Least blur reading of a frame inside a step (a σ 2 blur of sharp footage reads 0.52-0.54). */
export const BLUR_LOW = 0.45;

/**
 * A reading at which a frame is blurred whatever its shot: past what depth of field gives (the
 * defocused bokeh shots and close-ups of the clean clips read 0.68 at most), so even a picture soft
 * from its first frame to its last (an upscaled or wholly defocused clip) is reported.
 */
export const BLUR_STRONG = 0.75;

/** Spearman rank correlation of two equal-length maps (average ranks for ties); NaN when either is flat. */
export function rankCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length < 3) return Number.NaN;
  const ra = ranks(a);
  const rb = ranks(b);
  const n = ra.length;
  const mean = (n - 1) / 2;
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const x = ra[i]! - mean;
    const y = rb[i]! - mean;
    ab += x * y;
    aa += x * x;
    bb += y * y;
  }
  return aa > 0 && bb > 0 ? ab / Math.sqrt(aa * bb) : Number.NaN;
}

function ranks(v: ArrayLike<number>): Float64Array {
  const idx = Array.from({ length: v.length }, (_, i) => i).sort((i, j) => (v[i] ?? 0) - (v[j] ?? 0));
  const out = new Float64Array(v.length);
  for (let s = 0; s < idx.length; ) {
    let e = s;
    while (e + 1 < idx.length && v[idx[e + 1]!] === v[idx[s]!]) e++;
    for (let k = s; k <= e; k++) out[idx[k]!] = (s + e) / 2;
    s = e + 1;
  }
  return out;
}

/**
 * Continuity of each analysis frame with the one before it (index 0: NaN): the larger rank
 * correlation of the blur maps and of the companions' maps at the same times.
 */
export function shotContinuity(frames: FrameResult[], companions: ExpertResults[]): number[] {
  const others = companions.map((c) => new Map(c.frames.filter((f) => f.map).map((f) => [f.tS, f.map!])));
  return frames.map((f, i) => {
    const prev = frames[i - 1];
    if (!prev) return Number.NaN;
    let best = prev.map && f.map ? rankCorrelation(prev.map, f.map) : Number.NaN;
    for (const m of others) {
      const a = m.get(prev.tS);
      const b = m.get(f.tS);
      if (a && b) {
        const c = rankCorrelation(a, b);
        if (Number.isFinite(c) && !(c <= best)) best = c;
      }
    }
    return best;
  });
}

/**
 * The analysis frames of a blur expert's results that show blur as a defect: frames inside a step
 * within a shot (from an onset, forward while the reading stays half a step above the frame before
 * the onset; from an offset, backward likewise), and frames beyond BLUR_STRONG. `companions` are
 * other analysis-stream results whose maps help tell a cut from an onset.
 */
export function defectBlurFrames(res: ExpertResults, companions: ExpertResults[] = []): Set<FrameResult> {
  const frames = [...res.frames].filter((f) => Number.isFinite(f.raw)).sort((a, b) => a.tS - b.tS);
  const cont = shotContinuity(frames, companions);
  const same = (i: number) => (cont[i] ?? Number.NaN) >= SHOT_CONTINUITY;
  const out = new Set<FrameResult>();
  const r = (i: number) => frames[i]!.raw;
  for (let i = 0; i < frames.length; i++) {
    if (r(i) >= BLUR_STRONG) out.add(frames[i]!);
    // Onset: frame i rises a step above frame i - 1 of the same shot.
    if (i > 0 && same(i) && r(i) >= BLUR_LOW && r(i) - r(i - 1) >= BLUR_STEP) {
      const bar = Math.max(BLUR_LOW, r(i - 1) + BLUR_STEP / 2);
      out.add(frames[i]!);
      for (let k = i + 1; k < frames.length && same(k) && r(k) >= bar; k++) out.add(frames[k]!);
    }
    // Offset: frame i falls a step to frame i + 1 of the same shot.
    if (i + 1 < frames.length && same(i + 1) && r(i) >= BLUR_LOW && r(i) - r(i + 1) >= BLUR_STEP) {
      const bar = Math.max(BLUR_LOW, r(i + 1) + BLUR_STEP / 2);
      out.add(frames[i]!);
      for (let k = i - 1; k >= 0 && same(k + 1) && r(k) >= bar; k--) out.add(frames[k]!);
    }
  }
  return out;
}
