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
import { beyondThreshold, type ExpertResults, type FrameResult } from '../pipeline/expert-results.ts';
import type { ReportArtifact } from '../report/types.ts';
import { eventsOf } from './events.ts';

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
  return correlationOfRanks(ranks(a), ranks(b));
}

/** Pearson correlation of two rank vectors of equal length (ranks 0..n-1, so their mean is (n-1)/2). */
function correlationOfRanks(ra: Float64Array, rb: Float64Array): number {
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

/**
 * Average ranks (ties share the mean of their positions). This runs on every pair of neighbouring
 * analysis frames' maps (thousands of patches each) at the end of each run, so the maps
 * (Float32Array) are ordered by a radix sort of their bits instead of a comparator sort, which cost
 * a few hundred ms a run in the page; other inputs take the comparator sort. Same ranks either way.
 */
function ranks(v: ArrayLike<number>): Float64Array {
  const n = v.length;
  const order = v instanceof Float32Array ? radixOrder(v) : Uint32Array.from({ length: n }, (_, i) => i).sort((i, j) => (v[i] ?? 0) - (v[j] ?? 0));
  const out = new Float64Array(n);
  for (let s = 0; s < n; ) {
    let e = s;
    while (e + 1 < n && v[order[e + 1]!] === v[order[s]!]) e++;
    for (let k = s; k <= e; k++) out[order[k]!] = (s + e) / 2;
    s = e + 1;
  }
  return out;
}

const DIGIT = 11;
const BUCKETS = 1 << DIGIT;

/**
 * Indices of `v` in ascending order of value: an LSD radix sort (three 11-bit digits) of each
 * float's bits made order-preserving as unsigned integers (negatives' bits inverted, positives' sign
 * bit set; -0 taken as 0). NaN (no expert's map holds one) would sort last.
 */
function radixOrder(v: Float32Array): Uint32Array {
  const n = v.length;
  const bits = new Uint32Array(n);
  const one = new Float32Array(1);
  const oneBits = new Uint32Array(one.buffer);
  let order = new Uint32Array(n);
  let next = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    one[0] = v[i]! === 0 ? 0 : v[i]!;
    const b = oneBits[0]!;
    bits[i] = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
    order[i] = i;
  }
  const count = new Uint32Array(BUCKETS);
  for (let shift = 0; shift < 32; shift += DIGIT) {
    count.fill(0);
    for (let i = 0; i < n; i++) count[(bits[order[i]!]! >>> shift) & (BUCKETS - 1)]!++;
    for (let d = 0, sum = 0; d < BUCKETS; d++) {
      const c = count[d]!;
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const j = order[i]!;
      next[count[(bits[j]! >>> shift) & (BUCKETS - 1)]!++] = j;
    }
    const t = order;
    order = next;
    next = t;
  }
  return order;
}

/**
 * Continuity of each analysis frame with the one before it (index 0: NaN): the larger rank
 * correlation of the blur maps and of the companions' maps at the same times.
 */
export function shotContinuity(frames: FrameResult[], companions: ExpertResults[]): number[] {
  const at = continuityOf(frames, companions);
  return frames.map((_, i) => at(i));
}

/**
 * `shotContinuity` read one frame at a time, computed (and each map ranked) only when asked for:
 * for rules that look at a few frames of a long run.
 */
export function continuityOf(frames: FrameResult[], companions: ExpertResults[]): (i: number) => number {
  const others = companions.map((c) => new Map(c.frames.filter((f) => f.map).map((f) => [f.tS, f.map!])));
  // Each map is compared with the one before and the one after it: ranked once.
  const ranked = new Map<ArrayLike<number>, Float64Array>();
  const rankedOf = (m: ArrayLike<number>) => ranked.get(m) ?? ranked.set(m, ranks(m)).get(m)!;
  const correlation = (a: ArrayLike<number>, b: ArrayLike<number>) => (a.length !== b.length || a.length < 3 ? Number.NaN : correlationOfRanks(rankedOf(a), rankedOf(b)));
  const memo = new Map<number, number>();
  return (i) => {
    const known = memo.get(i);
    if (known !== undefined) return known;
    const f = frames[i];
    const prev = frames[i - 1];
    if (!f || !prev) return Number.NaN;
    let best = prev.map && f.map ? correlation(prev.map, f.map) : Number.NaN;
    for (const m of others) {
      const a = m.get(prev.tS);
      const b = m.get(f.tS);
      if (a && b) {
        const c = correlation(a, b);
        if (Number.isFinite(c) && !(c <= best)) best = c;
      }
    }
    memo.set(i, best);
    return best;
  };
}

/**
 * Times of the analysis frames that a noise expert among `companions` flags (at or beyond its
 * threshold). Grain is detail that a re-blur removes, so grain added to a picture lowers its blur
 * reading: the lab-mouse excerpt enlarged to 720p reads 0.52-0.54 (soft from its source, under the
 * threshold) and 0.22 under injected grain of σ 35, a fall of 0.30 at the grain's first frame and a
 * rise as large at its last, which the step rule took for focus lost before and after the grain
 * (at 640x360 the same source reads 0.44 against 0.27, under BLUR_LOW). A step whose sharp side is
 * grainy and whose soft side is not is the grain's onset or end, not a loss of focus, and the noise
 * event already reports it. The cost: a blurred stretch of footage whose grain is itself a noise
 * defect, and which the blur wipes clean, is reported by its grain alone.
 */
export function grainyFrames(companions: readonly ExpertResults[]): Set<number> {
  const out = new Set<number>();
  for (const c of companions) {
    if (c.meta.artifact !== 'noise') continue;
    for (const f of c.frames) if (beyondThreshold(c.meta, f.raw)) out.add(f.tS);
  }
  return out;
}

/**
 * The analysis frames of a blur expert's results that show blur as a defect: frames inside a step
 * within a shot (from an onset, forward while the reading stays half a step above the frame before
 * the onset; from an offset, backward likewise), and frames beyond BLUR_STRONG. `companions` are
 * other analysis-stream results whose maps help tell a cut from an onset. Each frame maps to the
 * sharp frame of its shot that it is compared with (null for a frame kept for its strength alone).
 * A step whose sharp side a noise companion flags and whose soft side it does not is left out
 * (grain lowers the blur reading: `grainyFrames`).
 */
export function defectBlurFrames(res: ExpertResults, companions: ExpertResults[] = []): Map<FrameResult, FrameResult | null> {
  const frames = [...res.frames].filter((f) => Number.isFinite(f.raw)).sort((a, b) => a.tS - b.tS);
  const cont = shotContinuity(frames, companions);
  const same = (i: number) => (cont[i] ?? Number.NaN) >= SHOT_CONTINUITY;
  const out = new Map<FrameResult, FrameResult | null>();
  const add = (k: number, ref: number) => {
    if (!out.get(frames[k]!)) out.set(frames[k]!, frames[ref]!);
  };
  const r = (i: number) => frames[i]!.raw;
  const grainy = grainyFrames(companions);
  // Grain on the sharp side and not on the soft one: the step is the grain's (see grainyFrames).
  const byGrain = (soft: number, sharp: number) => grainy.has(frames[sharp]!.tS) && !grainy.has(frames[soft]!.tS);
  for (let i = 0; i < frames.length; i++) {
    if (r(i) >= BLUR_STRONG && !out.has(frames[i]!)) out.set(frames[i]!, null);
    // Onset: frame i rises a step above frame i - 1 of the same shot.
    if (i > 0 && same(i) && r(i) >= BLUR_LOW && r(i) - r(i - 1) >= BLUR_STEP && !byGrain(i, i - 1)) {
      const bar = Math.max(BLUR_LOW, r(i - 1) + BLUR_STEP / 2);
      for (let k = i; k < frames.length && (k === i || (same(k) && r(k) >= bar)); k++) add(k, i - 1);
    }
    // Offset: frame i falls a step to frame i + 1 of the same shot.
    if (i + 1 < frames.length && same(i + 1) && r(i) >= BLUR_LOW && r(i) - r(i + 1) >= BLUR_STEP && !byGrain(i, i + 1)) {
      const bar = Math.max(BLUR_LOW, r(i + 1) + BLUR_STEP / 2);
      for (let k = i; k >= 0 && (k === i || (same(k + 1) && r(k) >= bar)); k--) add(k, i + 1);
    }
  }
  return out;
}

/**
 * Share of a patch grid that must have grown blurrier than its sharp reference for a step to be
 * whole-frame. On the injected set: whole-frame σ 2-3 blurs 0.97-1.00; blurred regions of 36-60 % of
 * the frame 0.35-0.65 (flat patches follow the frame's reading, so they rise a little with any blur).
 */
export const WHOLE_FRAME_STEP = 0.8;

/**
 * Whether the step frames of an event blurred (nearly) the whole picture: the share of patches
 * whose reading rose by half a step or more over the same patch of the frame each is compared with,
 * averaged over the frames. A blurred region leaves the rest of its frame as it was, so its event
 * keeps the region of the patches that stand out; a whole-frame blur lifts every patch, whatever
 * the patch map's spread (a sharp road under a soft sky stays the sharpest part).
 */
export function stepIsWholeFrame(steps: [FrameResult, FrameResult | null][]): boolean {
  const shares: number[] = [];
  for (const [f, ref] of steps) {
    if (!ref?.map || !f.map || ref.map.length !== f.map.length || f.map.length === 0) continue;
    let risen = 0;
    for (let i = 0; i < f.map.length; i++) if (f.map[i]! - ref.map[i]! >= BLUR_STEP / 2) risen++;
    shares.push(risen / f.map.length);
  }
  return shares.length > 0 && shares.reduce((a, b) => a + b, 0) / shares.length >= WHOLE_FRAME_STEP;
}

/**
 * Blur events of one expert (arguments as `eventsOf`): the defect frames of `defectBlurFrames`
 * become events, and an event whose steps lifted the whole picture is reported without a region.
 */
export function blurEventsOf(res: ExpertResults, companions: ExpertResults[], gapS: number, frameDurationS: number, minFrames: number, minSpanS: number, minShare: number): ReportArtifact[] {
  const defect = defectBlurFrames(res, companions);
  const events = eventsOf(res, gapS, frameDurationS, minFrames, minSpanS, minShare, (f) => defect.has(f));
  return events.map((e) => {
    if (!e.region) return e;
    const steps = [...defect].filter(([f]) => f.tS >= e.startS - 1e-6 && f.tS < e.endS);
    if (!stepIsWholeFrame(steps)) return e;
    const { region: _whole, ...rest } = e;
    return rest;
  });
}
