/**
 * Collects per-frame expert outputs during a run and pools them. Maps are kept for analysis frames and,
 * for the every-frame temporal stream, only for frames that show the artifact (bounded), so memory stays
 * flat however long the video is.
 */
import type { ExpertMeta, Pooling } from '../experts/types.ts';

/** One frame's output of one expert. */
export interface FrameResult {
  tS: number;
  raw: number;
  map?: Float32Array;
}

const MAX_KEPT_MAPS = 2000;

/** True when the raw value is on the bad side of the expert's threshold. */
export function beyondThreshold(meta: ExpertMeta, raw: number, threshold = meta.threshold): boolean {
  if (threshold === undefined) return false;
  return meta.lowerIsBetter ? raw > threshold : raw < threshold;
}

/** All results of one expert in one run. */
export class ExpertResults {
  readonly frames: FrameResult[] = [];
  ph = 0;
  pw = 0;
  private keptMaps = 0;

  constructor(readonly meta: ExpertMeta) {}

  /** Adds one frame; keeps its map when the frame is an analysis frame or shows the artifact. */
  add(tS: number, raw: number, map: Float32Array, ph: number, pw: number, keepMap: boolean): void {
    this.ph = ph;
    this.pw = pw;
    const keep = keepMap || (beyondThreshold(this.meta, raw) && this.keptMaps < MAX_KEPT_MAPS);
    if (keep && !keepMap) this.keptMaps++;
    // Copy maps that are views into a batch output so the batch can be freed.
    const owned = keep && map.byteLength !== map.buffer.byteLength ? map.slice() : map;
    this.frames.push(keep ? { tS, raw, map: owned } : { tS, raw });
  }

  /** The video-level raw value under the expert's pooling rule (NaN frames ignored). */
  pooled(): number {
    return pool(
      this.frames.map((f) => f.raw).filter((v) => Number.isFinite(v)),
      this.meta.pool,
    );
  }
}

/** Pools values by the named rule; NaN when there are none. */
export function pool(values: number[], rule: Pooling): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const q = (p: number) => {
    const pos = p * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  };
  switch (rule) {
    case 'mean':
      return values.reduce((s, v) => s + v, 0) / values.length;
    case 'median':
      return q(0.5);
    case 'p90':
      return q(0.9);
    case 'p10':
      return q(0.1);
    case 'max':
      return sorted[sorted.length - 1]!;
    case 'min':
      return sorted[0]!;
  }
}
