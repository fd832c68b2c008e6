/**
 * Regional steps (analysis worker, localize stage): an artifact over part of the picture that the
 * expert's frame reading does not carry past its threshold. A frame reading is one number for the
 * whole frame, so a defect over a third or a half of it reads as a fraction of its strength (MPEG-2
 * blocks over the left half of a courtyard read 8-9 as a frame against a threshold of 13, while the
 * blocky half's patches read 14-45). The per-patch map shows it, but a map also shows content that
 * reads like the artifact in part of the frame (a dark, grainy corner of a low-light crowd whose
 * patches read 13-20 as blocking for seconds; a strip of water surface in an aquarium, 24-34).
 *
 * What tells the defect from such content is the same as for blur (blur-steps.ts): a step within one
 * shot. A frame counts when the region that stands out in its own map reads past the threshold and
 * rose by REGIONAL_STEP over the same patches of the analysis frame before it, in the same shot,
 * while the rest of the frame held (a change of exposure, a fade or a cut moves every patch), and no
 * earlier frame of the shot read that high there (a texture that comes back when an exposure change
 * ends is not a new defect). The frames after such an onset count while the onset's patches read at
 * least halfway up the step. Only onsets count: on the injected set every fall of a region was a
 * texture wiped by another change (a blur, a smoothing, a black segment), and every regional defect
 * that a fall would have ended was already found from its onset.
 */
import type { ExpertResults, FrameResult } from '../pipeline/expert-results.ts';
import { beyondThreshold } from '../pipeline/expert-results.ts';
import { continuityOf, SHOT_CONTINUITY } from './blur-steps.ts';
import { boxMean, salientBox, type PatchBox } from './regions.ts';

/**
 * Least rise of a region's reading from one analysis frame to the next, as a share of the expert's
 * useful range. Blocking (range 1.5-20, so 12.95): the largest rise of a region within a shot on the
 * clean clips but screen recordings is 7.5 (a low-light crowd); regional MPEG-2 onsets on the
 * injected set rise 15.6-39 at 640x360, 854x480 and 1280x720, tiers 0-2.
 */
export const REGIONAL_STEP = 0.7;

/**
 * Most the rest of the frame (outside the region) may rise, as a share of the region's rise: a
 * region coded apart leaves the rest as it was (0.00-0.08 of the rise on the injected set), while the
 * end of an over-exposure lifts the rest with the region (0.17-0.53 on the bbb excerpts).
 */
export const REST_HOLDS = 0.15;

/**
 * Smallest region, as a share of the frame: boxes of one or two patches (a corner, a strip of a few
 * cells) step with the content's motion.
 */
export const REGIONAL_MIN_SHARE = 0.1;

/**
 * Fewest patches a map needs for a region to be told from the rest of the frame: a 160x210 game read
 * in 64-px patches is a 3x2 grid, where any third of the frame is a "region".
 */
export const REGIONAL_MIN_PATCHES = 16;

/**
 * The analysis frames of `res` inside a regional step (see the file comment). `companions` are other
 * analysis-stream results whose maps show the picture's layout (blur, noise) and help tell a cut.
 */
export function regionalStepFrames(res: ExpertResults, companions: ExpertResults[] = []): Set<FrameResult> {
  const out = new Set<FrameResult>();
  const { meta, ph, pw } = res;
  if (meta.threshold === undefined || ph * pw < REGIONAL_MIN_PATCHES) return out;
  const frames = [...res.frames].filter((f) => Number.isFinite(f.raw)).sort((a, b) => a.tS - b.tS);
  const continuity = continuityOf(frames, companions);
  const same = (i: number) => continuity(i) >= SHOT_CONTINUITY;
  const step = REGIONAL_STEP * (Math.abs(meta.range[1] - meta.range[0]) || 1);
  // How far `a` lies beyond `b` on the expert's bad side.
  const worse = (a: number, b: number) => (meta.lowerIsBetter ? a - b : b - a);
  const mapOf = (i: number) => {
    const m = frames[i]?.map;
    return m && m.length === ph * pw ? m : undefined;
  };
  for (let i = 1; i < frames.length; i++) {
    const m = mapOf(i);
    const before = mapOf(i - 1);
    if (!m || !before || out.has(frames[i]!)) continue;
    const box = salientBox(m, ph, pw, meta);
    if (!box || boxShare(box, ph, pw) < REGIONAL_MIN_SHARE) continue;
    const v = boxMean(m, pw, box);
    const clean = boxMean(before, pw, box);
    const rise = worse(v, clean);
    if (!beyondThreshold(meta, v) || !(rise >= step)) continue;
    if (!(worse(restMean(m, ph, pw, box), restMean(before, ph, pw, box)) <= REST_HOLDS * rise)) continue;
    if (!same(i)) continue;
    // Halfway up the step: what the region must keep reading to stay in it, and what no earlier
    // frame of the shot may have read there.
    const high = (k: number) => {
      const o = mapOf(k);
      return !!o && worse(boxMean(o, pw, box), clean) >= step / 2;
    };
    let fresh = true;
    for (let k = i - 2; k >= 0 && same(k + 1) && fresh; k--) if (high(k)) fresh = false;
    if (!fresh) continue;
    out.add(frames[i]!);
    for (let k = i + 1; k < frames.length && same(k) && high(k); k++) out.add(frames[k]!);
  }
  return out;
}

function boxShare(box: PatchBox, ph: number, pw: number): number {
  return ((box.x1 - box.x0 + 1) * (box.y1 - box.y0 + 1)) / (ph * pw);
}

/** Mean of `map` outside `box` (NaN when the box is the whole grid). */
function restMean(map: Float32Array, ph: number, pw: number, box: PatchBox): number {
  let sum = 0;
  let n = 0;
  for (let r = 0; r < ph; r++) {
    for (let c = 0; c < pw; c++) {
      if (r >= box.y0 && r <= box.y1 && c >= box.x0 && c <= box.x1) continue;
      const v = map[r * pw + c]!;
      if (Number.isFinite(v)) (sum += v), n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}
