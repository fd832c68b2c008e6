/**
 * Candidate texture-detail-loss readings on one luma plane (0..255, row-major), for the prototype in
 * detail-loss.ts. Heavy compression flattens fine texture inside coding blocks while the block means
 * (the coarse structure) survive; a blur softens the coarse structure with it; noise adds texture.
 * Each reading compares a block's own fine structure with the coarse structure around it.
 */

/** Per 8×8 block: residual std after a plane fit (fine structure) and the block mean. */
interface Blocks {
  bw: number;
  bh: number;
  resid: Float64Array;
  mean: Float64Array;
}

const B = 8;

/** Block statistics on the 8×8 grid from the top-left corner (the coding grid of a frame at its own size). */
function blocks(y: Uint8Array, w: number, h: number): Blocks {
  const bw = Math.floor(w / B), bh = Math.floor(h / B);
  const resid = new Float64Array(bw * bh), mean = new Float64Array(bw * bh);
  // Plane fit a + b·u + c·v with centred u, v in −3.5..3.5: b and c are the correlations with u and v.
  const su2 = 64 * 5.25; // Σu² over the block (8 rows × Σ(u²) = 8 × 42)
  for (let by = 0; by < bh; by++) {
    for (let bx = 0; bx < bw; bx++) {
      let s = 0, s2 = 0, su = 0, sv = 0;
      for (let j = 0; j < B; j++) {
        const row = (by * B + j) * w + bx * B;
        for (let i = 0; i < B; i++) {
          const p = y[row + i]!;
          s += p;
          s2 += p * p;
          su += p * (i - 3.5);
          sv += p * (j - 3.5);
        }
      }
      const m = s / 64;
      const varTotal = s2 / 64 - m * m;
      const explained = (su * su + sv * sv) / su2 / 64;
      const k = by * bw + bx;
      mean[k] = m;
      resid[k] = Math.sqrt(Math.max(0, varTotal - explained));
    }
  }
  return { bw, bh, resid, mean };
}

/** Median of a small array (sorted in place). */
function med(a: number[]): number {
  a.sort((x, y) => x - y);
  const n = a.length;
  return n % 2 ? a[n >> 1]! : (a[n / 2 - 1]! + a[n / 2]!) / 2;
}

/** Quantile q of an array (sorted in place). */
function quantile(a: number[], q: number): number {
  if (!a.length) return Number.NaN;
  a.sort((x, y) => x - y);
  return a[Math.min(a.length - 1, Math.floor(q * (a.length - 1)))]!;
}

/** What the readings of one frame are. */
export interface DetailReadings {
  /** Share of coarse-textured blocks (first differences) whose fine residual is under 2 code values. */
  flatShare2: number;
  /** Median over coarse-textured blocks of residual ÷ coarse texture, first differences of block means. */
  ratioMedian: number;
  /** Median of residual ÷ coarse curvature over blocks whose curvature is at least 2 code values. */
  curvRatioMedian: number;
  /** The lower quartile of the same. */
  curvRatioQ25: number;
  /** The median over strongly textured blocks only (curvature at least 5). */
  curvRatioStrong: number;
  /** Share of curved blocks (at least 3) whose residual is under a quarter of their curvature. */
  curvFlatShare: number;
  /** Share of blocks that are coarse-textured by curvature (diagnostic). */
  texturedShare: number;
}

/** Coarse texture floor: median |Δmean| to the 8 neighbouring blocks, in code values. */
export const COARSE_FLOOR = 3;

/**
 * Readings of one frame. Coarse texture is read two ways from the 8×8 block means: the median absolute
 * difference to the eight neighbours (a flat block beside one edge, as in a cartoon, is not textured),
 * and the median over the four axes of a block's curvature |m − (m₋ + m₊)/2| (which leaves a smooth
 * gradient, a soft close-up's shading, out; a block inside grass or foliage has both). The fine
 * structure is a block's own residual after a plane fit: a compressed block keeps its mean and loses it.
 */
export function detailReadings(y: Uint8Array, w: number, h: number): DetailReadings {
  const b = blocks(y, w, h);
  let textured = 0, flat2 = 0, curved = 0, curvFlat = 0, total = 0;
  const ratios: number[] = [], curv: number[] = [], strong: number[] = [];
  const m = (bx: number, by: number) => b.mean[by * b.bw + bx]!;
  for (let by = 1; by < b.bh - 1; by++) {
    for (let bx = 1; bx < b.bw - 1; bx++) {
      const k = by * b.bw + bx;
      const mk = b.mean[k]!;
      const r = b.resid[k]!;
      total++;
      const d: number[] = [];
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if (dx || dy) d.push(Math.abs(mk - m(bx + dx, by + dy)));
      const coarse = med(d);
      if (coarse >= COARSE_FLOOR) {
        textured++;
        if (r < 2) flat2++;
        ratios.push(r / coarse);
      }
      const c = med([
        Math.abs(mk - (m(bx - 1, by) + m(bx + 1, by)) / 2),
        Math.abs(mk - (m(bx, by - 1) + m(bx, by + 1)) / 2),
        Math.abs(mk - (m(bx - 1, by - 1) + m(bx + 1, by + 1)) / 2),
        Math.abs(mk - (m(bx + 1, by - 1) + m(bx - 1, by + 1)) / 2),
      ]);
      if (c >= 2) curv.push(r / c);
      if (c >= 5) strong.push(r / c);
      if (c >= 3) {
        curved++;
        if (r < 0.25 * c) curvFlat++;
      }
    }
  }
  return {
    flatShare2: flat2 / Math.max(1, textured),
    ratioMedian: ratios.length ? med(ratios) : Number.NaN,
    curvRatioMedian: curv.length ? quantile(curv, 0.5) : Number.NaN,
    curvRatioQ25: quantile(curv, 0.25),
    curvRatioStrong: strong.length ? quantile(strong, 0.5) : Number.NaN,
    curvFlatShare: curved ? curvFlat / curved : Number.NaN,
    texturedShare: curved / Math.max(1, total),
  };
}
