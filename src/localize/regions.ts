/**
 * Regions of artifact events (analysis worker): where in the frame an expert's per-patch maps show its
 * artifact. A region is what stands out from the rest of the same frame, not every patch past the
 * expert's threshold: a patch counts when it is past the threshold and clearly worse than the frame's
 * typical patch, flagged patches are grouped into 4-connected regions, specks are dropped, and the
 * largest region (by area times excess) gives the box. When the typical patch is itself past the
 * threshold, or the box covers most of the frame, the artifact is whole-frame and no region is given.
 * The region belongs to the event of the expert that produced the maps, so it keeps its type.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { ExpertResults, FrameResult } from '../pipeline/expert-results.ts';
import type { Region } from '../report/types.ts';

/** Regions covering more than this fraction of the frame are reported as whole-frame. */
export const WHOLE_FRAME = 0.8;
/** A patch counts when it is at least this share of the way from the frame's median to the threshold beyond it. */
const CONTRAST = 0.5;
/** Smallest region kept, as a fraction of the frame's patches (and at least two patches). */
const MIN_AREA = 0.03;

/** Element-wise mean of the run's maps, or undefined when the run carries none. */
export function meanMap(results: ExpertResults, run: FrameResult[]): Float32Array | undefined {
  const maps = run.map((f) => f.map).filter((m): m is Float32Array => !!m && m.length === results.ph * results.pw);
  if (maps.length === 0 || results.ph === 0 || results.pw === 0) return undefined;
  const avg = new Float32Array(results.ph * results.pw);
  for (const m of maps) for (let i = 0; i < avg.length; i++) avg[i]! += (Number.isFinite(m[i]!) ? m[i]! : 0) / maps.length;
  return avg;
}

/** Share of the patches that must read clean (below the threshold) for a frame whose median is past it to carry a region. */
const CLEAN_SHARE = 0.25;

/** Unflagged patch rows or columns that may lie between two areas boxed together. */
const JOIN_GAP = 1;

/** Least distance from the frame's median, as a fraction of the expert's useful range. */
const MIN_EXCESS = 0.1;

/**
 * The patches of a map that stand out from the frame on the expert's bad side (1) or not (0).
 * `span` is the width of the expert's useful range.
 */
export function salientPatches(map: Float32Array, threshold: number, lowerIsBetter: boolean, span = 1): Uint8Array {
  const values = Array.from(map);
  const median = quantile(values, 0.5);
  const out = new Uint8Array(map.length);
  const bad = (v: number) => (lowerIsBetter ? v > threshold : v < threshold);
  if (bad(median)) {
    // The typical patch is past the threshold. When a quarter of the frame is still clean, the
    // artifact may yet be a large region (a blocky 0.6 × 0.6 centre over a cleaner border): the
    // region is what stands halfway from the clean quarter to the worst tenth. Otherwise it is
    // everywhere.
    const clean = quantile(values, lowerIsBetter ? CLEAN_SHARE : 1 - CLEAN_SHARE);
    if (bad(clean)) return out.fill(1);
    const worst = quantile(values, lowerIsBetter ? 0.9 : 0.1);
    const halfway = Math.max(CONTRAST * Math.abs(worst - clean), MIN_EXCESS * span);
    for (let i = 0; i < map.length; i++) {
      const v = map[i]!;
      if (bad(v) && Math.abs(v - clean) >= halfway) out[i] = 1;
    }
    return out;
  }
  const needed = Math.max(CONTRAST * Math.abs(threshold - median), MIN_EXCESS * span);
  for (let i = 0; i < map.length; i++) {
    const v = map[i]!;
    if (bad(v) && Math.abs(v - median) >= needed) out[i] = 1;
  }
  return out;
}

/** One 4-connected group of flagged patches. */
export interface Component {
  /** Patch indices (row-major). */
  cells: number[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** 4-connected components of a binary [ph, pw] mask. */
export function components(mask: Uint8Array, ph: number, pw: number): Component[] {
  const seen = new Uint8Array(mask.length);
  const out: Component[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const comp: Component = { cells: [], x0: pw, y0: ph, x1: -1, y1: -1 };
    const stack = [start];
    seen[start] = 1;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const r = Math.floor(i / pw);
      const c = i % pw;
      comp.cells.push(i);
      comp.x0 = Math.min(comp.x0, c);
      comp.y0 = Math.min(comp.y0, r);
      comp.x1 = Math.max(comp.x1, c);
      comp.y1 = Math.max(comp.y1, r);
      const next = [c > 0 ? i - 1 : -1, c < pw - 1 ? i + 1 : -1, r > 0 ? i - pw : -1, r < ph - 1 ? i + pw : -1];
      for (const j of next) {
        if (j >= 0 && mask[j] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    out.push(comp);
  }
  return out;
}

/** A box of patches (inclusive patch rows and columns) on a [ph, pw] grid. */
export interface PatchBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The box of the largest connected area of patches that stand out from the rest of `map` on the
 * expert's bad side, grown to hold the areas beside it; undefined when no area is large enough or the
 * box covers most of the frame (a whole-frame artifact).
 */
export function salientBox(map: Float32Array, ph: number, pw: number, meta: Pick<ExpertMeta, 'threshold' | 'lowerIsBetter' | 'range'>): PatchBox | undefined {
  if (meta.threshold === undefined || ph === 0 || pw === 0 || map.length !== ph * pw) return undefined;
  const mask = salientPatches(map, meta.threshold, meta.lowerIsBetter, Math.abs(meta.range[1] - meta.range[0]) || 1);
  const minCells = Math.max(2, Math.ceil(MIN_AREA * ph * pw));
  const median = quantile(Array.from(map), 0.5);
  const kept = components(mask, ph, pw).filter((c) => c.cells.length >= minCells);
  if (kept.length === 0) return undefined;
  const weight = (c: Component) => c.cells.reduce((s, i) => s + Math.abs(map[i]! - median) + 1e-6, 0);
  const best = kept.reduce((a, b) => (weight(b) > weight(a) ? b : a));
  // Areas whose boxes overlap or lie within a patch of the box are one artifact split by a weaker
  // row or column (a banded wall above and below a darker band, a blurred figure with a sharp
  // edge through it): the box grows to hold them.
  const box = { x0: best.x0, y0: best.y0, x1: best.x1, y1: best.y1 };
  const near = (c: Component) => c.x0 <= box.x1 + 1 + JOIN_GAP && c.x1 >= box.x0 - 1 - JOIN_GAP && c.y0 <= box.y1 + 1 + JOIN_GAP && c.y1 >= box.y0 - 1 - JOIN_GAP;
  for (let grew = true; grew; ) {
    grew = false;
    for (const c of kept) {
      if (c.x0 >= box.x0 && c.x1 <= box.x1 && c.y0 >= box.y0 && c.y1 <= box.y1) continue;
      if (!near(c)) continue;
      box.x0 = Math.min(box.x0, c.x0);
      box.y0 = Math.min(box.y0, c.y0);
      box.x1 = Math.max(box.x1, c.x1);
      box.y1 = Math.max(box.y1, c.y1);
      grew = true;
    }
  }
  if (((box.x1 - box.x0 + 1) / pw) * ((box.y1 - box.y0 + 1) / ph) > WHOLE_FRAME) return undefined;
  return box;
}

/** Mean of `map` (a [ph, pw] grid) over the patches of `box`. */
export function boxMean(map: Float32Array, pw: number, box: PatchBox): number {
  let sum = 0;
  let n = 0;
  for (let r = box.y0; r <= box.y1; r++) {
    for (let c = box.x0; c <= box.x1; c++) {
      const v = map[r * pw + c]!;
      if (Number.isFinite(v)) (sum += v), n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/**
 * The region of an event: the largest connected area of patches that stand out from the rest of the
 * frame on the run's mean map; undefined for whole-frame artifacts or when no map was kept.
 */
export function regionOf(results: ExpertResults, run: FrameResult[]): Region | undefined {
  const { meta, ph, pw } = results;
  if (meta.threshold === undefined) return undefined;
  const avg = meanMap(results, run);
  if (!avg) return undefined;
  const box = salientBox(avg, ph, pw, meta);
  if (!box) return undefined;
  return { x: round(box.x0 / pw), y: round(box.y0 / ph), w: round((box.x1 - box.x0 + 1) / pw), h: round((box.y1 - box.y0 + 1) / ph) };
}

function quantile(values: number[], p: number): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const pos = p * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo]! + (v[hi]! - v[lo]!) * (pos - lo);
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
