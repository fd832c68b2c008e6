/**
 * Structure statistics of one keyframe's luma, for the content-type classifier (runs wherever the
 * router runs): letterbox bars, flat and smooth 8x8 blocks and the fine noise left inside the smooth
 * ones, horizontal runs of equal luma, and how many edges are steps between flat areas. Drawn pictures
 * (cels, UI, games) have large exactly flat regions, long runs and step edges; camera pictures have
 * grain inside their smooth areas and soft edges with texture beside them. The statistics after the
 * letterbox are read inside the picture, so bars do not count as flat areas. One pass per statistic
 * over a plane of at most 320 x 180 values, some on every other row (about a millisecond).
 */

/** Structure statistics; every value is a share 0..1 unless noted. */
export interface PictureStructure {
  /** Share of the frame taken by uniform dark bars at the edges (letterbox, pillarbox). */
  letterbox: number;
  /** 8x8 blocks whose luma range is at most 2: exactly flat fills. */
  flatBlocks: number;
  /** Mean |Laplacian|/4 inside 8x8 blocks whose luma range is at most 10 (code values): grain in smooth areas. */
  blockNoise: number;
  /** log2 of the mean length of horizontal runs of equal luma (±1), in pixels. */
  runLength: number;
  /** Edge pixels (local maxima of the gradient) with a flat area on both sides, 2–3 px away: step edges. */
  stepEdges: number;
  /** Median luma inside the bars, over 255. */
  lumaMedian: number;
  /** Mean ratio, at horizontal edge maxima, of the 2-px luma step to the 6-px step (0..2): drawn edges are steep. */
  edgeSharpness: number;
}

/** The picture inside letterbox bars: [top, bottom, left, right) in pixels. */
export interface Inner {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** A bar row/column: dark on average and nowhere bright. */
const BAR_MEAN = 24;
const BAR_MAX = 40;
/** Luma step (code values) that counts as an edge. */
const EDGE = 40;

/** The picture inside uniform dark bars (the whole frame when bars would leave less than a third). */
export function innerBox(l: Float32Array, w: number, h: number): Inner {
  const dark = (from: number, step: number, count: number) => {
    let s = 0, m = 0;
    for (let k = 0, i = from; k < count; k++, i += step) {
      const v = l[i]!;
      s += v;
      if (v > m) m = v;
    }
    return s / Math.max(1, count) < BAR_MEAN && m < BAR_MAX;
  };
  let top = 0, bottom = h, left = 0, right = w;
  while (top < h / 3 && dark(top * w, 1, w)) top++;
  while (bottom > (2 * h) / 3 && dark((bottom - 1) * w, 1, w)) bottom--;
  while (left < w / 3 && dark(top * w + left, w, bottom - top)) left++;
  while (right > (2 * w) / 3 && dark(top * w + right - 1, w, bottom - top)) right--;
  if (bottom - top < h / 3 || right - left < w / 3) return { top: 0, bottom: h, left: 0, right: w };
  return { top, bottom, left, right };
}

/** Computes the structure statistics of a luma plane `l` (`w` x `h`, values 0..255). */
export function pictureStructure(l: Float32Array, w: number, h: number): PictureStructure {
  const box = innerBox(l, w, h);
  const { top, bottom, left, right } = box;
  const letterbox = 1 - ((bottom - top) * (right - left)) / Math.max(1, w * h);
  // Blocks: flat ones, and the noise inside smooth ones.
  let blocks = 0, flat = 0, noiseSum = 0, noiseN = 0;
  for (let by = top; by + 8 <= bottom; by += 8) {
    for (let bx = left; bx + 8 <= right; bx += 8) {
      blocks++;
      let mn = 255, mx = 0;
      for (let y = by; y < by + 8; y++) {
        for (let x = bx; x < bx + 8; x++) {
          const v = l[y * w + x]!;
          if (v < mn) mn = v;
          if (v > mx) mx = v;
        }
      }
      if (mx - mn <= 2) flat++;
      if (mx - mn > 10) continue;
      let s = 0;
      for (let y = by + 1; y < by + 7; y++) {
        for (let x = bx + 1; x < bx + 7; x++) {
          const i = y * w + x;
          s += Math.abs(4 * l[i]! - l[i - 1]! - l[i + 1]! - l[i - w]! - l[i + w]!) / 4;
        }
      }
      noiseSum += s / 36;
      noiseN++;
    }
  }
  // Horizontal runs of equal luma on every other row.
  let runs = 0, runTotal = 0;
  for (let y = top; y < bottom; y += 2) {
    let run = 1;
    for (let x = left + 1; x < right; x++) {
      if (Math.abs(l[y * w + x]! - l[y * w + x - 1]!) <= 1) run++;
      else {
        runs++;
        runTotal += run;
        run = 1;
      }
    }
    runs++;
    runTotal += run;
  }
  const hist = new Uint32Array(256);
  // The median from every other pixel of every other row is close enough, at a quarter of the cost.
  let sampled = 0;
  for (let y = top; y < bottom; y += 2) {
    for (let x = left; x < right; x += 2) {
      hist[Math.min(255, (l[y * w + x]! + 0.5) | 0)]!++;
      sampled++;
    }
  }
  let median = 0;
  for (let v = 0, acc = 0; v < 256; v++) if ((acc += hist[v]!) >= sampled / 2) { median = v; break; }
  return {
    letterbox,
    lumaMedian: median / 255,
    flatBlocks: blocks ? flat / blocks : 0,
    blockNoise: noiseN ? noiseSum / noiseN : 0,
    runLength: Math.log2(runTotal / Math.max(1, runs)),
    stepEdges: stepEdgeShare(l, w, box),
    edgeSharpness: edgeSharpness(l, w, box),
  };
}

/** Share of edge maxima whose two sides, 2–3 px away along the gradient, are flat (±2). */
function stepEdgeShare(l: Float32Array, w: number, { top, bottom, left, right }: Inner): number {
  let edges = 0, steps = 0;
  // Every other row: edge crossings are many, a half sample keeps the share.
  for (let y = top + 3; y < bottom - 3; y += 2) {
    for (let x = left + 3; x < right - 3; x++) {
      const i = y * w + x;
      const ax = Math.abs(l[i + 1]! - l[i - 1]!), ay = Math.abs(l[i + w]! - l[i - w]!);
      if (ax + ay <= EDGE) continue;
      const d = ax >= ay ? 1 : w;
      const g = ax >= ay ? ax : ay;
      // Only the maximum of the gradient across the edge counts (one pixel per edge crossing).
      if (g < Math.abs(l[i]! - l[i - 2 * d]!) || g < Math.abs(l[i + 2 * d]! - l[i]!)) continue;
      edges++;
      if (Math.abs(l[i - 2 * d]! - l[i - 3 * d]!) <= 2 && Math.abs(l[i + 2 * d]! - l[i + 3 * d]!) <= 2) steps++;
    }
  }
  return edges ? steps / edges : 0;
}

/**
 * How steep the edges are: at each maximum of the horizontal gradient above `EDGE`, the step over 2 px
 * divided by the step over 6 px (clamped to 0..2). A drawn edge (cel outline, UI border, text) makes
 * its whole step within a pixel or two, so the ratio is near 1 or above (an outline is a step up and
 * down); a camera edge is spread by the lens and motion over several pixels. 1 when there are fewer
 * than 20 edges to judge.
 */
function edgeSharpness(l: Float32Array, w: number, { top, bottom, left, right }: Inner): number {
  let n = 0, sum = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = left + 3; x < right - 3; x++) {
      const i = y * w + x;
      const g = Math.abs(l[i + 1]! - l[i - 1]!);
      if (g <= EDGE || g < Math.abs(l[i]! - l[i - 2]!) || g < Math.abs(l[i + 2]! - l[i]!)) continue;
      n++;
      sum += Math.min(2, g / Math.max(1, Math.abs(l[i + 3]! - l[i - 3]!)));
    }
  }
  return n > 20 ? sum / n : 1;
}
