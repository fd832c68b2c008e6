/**
 * Collects per-frame expert outputs during a run and pools them. Maps are kept for analysis frames and,
 * for the every-frame temporal stream, only for frames that show the artifact (bounded), so memory stays
 * flat however long the video is.
 */
import type { ExpertMeta, Pooling } from '../experts/types.ts';
import { poolValues } from '../fusion/pool.ts';

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

/** Pools values by the named rule; NaN when there are none (the rules live in src/fusion/pool.ts). */
export function pool(values: number[], rule: Pooling): number {
  return poolValues(values, rule);
}
