/**
 * Builds the `qrouter.detail/1` document from a run's expert results, in the analysis worker: each
 * expert's per-frame series bucketed to a fixed number of points, and the per-patch maps of artifact
 * experts averaged down to a small grid and quantized to bytes. Bounded by DETAIL_LIMITS, so a
 * 10-minute video costs no more than a 10-second one beyond those caps.
 */
import type { ExpertResults, FrameResult } from './expert-results.ts';
import type { TrackFrame } from './luma-track.ts';
import type { AnalysisPlan } from './plan.ts';
import { bytesToBase64, DETAIL_LIMITS, type Detail, type DetailExpert, type DetailLuma, type DetailMaps, type DetailSeries } from '../report/detail.ts';

/** What the detail is made from besides the results. */
export interface DetailContext {
  plan: Pick<AnalysisPlan, 'analysisSize' | 'temporalSize' | 'rowsSize' | 'analysisTimes'>;
  durationS: number;
  fps: number;
  /** The temporal stream's luma track, kept whole when it has at most `DETAIL_LIMITS.lumaFrames` frames. */
  track?: readonly TrackFrame[];
}

/** Four significant digits: enough for a curve, short in JSON. */
const sig = (v: number) => (v === 0 || !Number.isFinite(v) ? 0 : Number(v.toPrecision(4)));
const ms = (v: number) => Math.round(v * 1000) / 1000;

/** Builds the detail document for one run. */
export function buildDetail(results: ExpertResults[], ctx: DetailContext): Detail {
  const experts: DetailExpert[] = [];
  for (const res of results) {
    const frames = res.frames.filter((f) => Number.isFinite(f.raw)).sort((a, b) => a.tS - b.tS);
    if (frames.length === 0) continue;
    const m = res.meta;
    const e: DetailExpert = {
      id: m.id,
      unit: m.unit,
      lowerIsBetter: m.lowerIsBetter,
      range: [m.range[0], m.range[1]],
      frames: frames.length,
      series: seriesOf(frames, m.lowerIsBetter),
    };
    if (m.artifact) e.artifact = m.artifact;
    if (m.threshold !== undefined) e.threshold = m.threshold;
    const maps = m.artifact ? mapsOf(res, frames, ctx) : undefined;
    if (maps) e.maps = maps;
    experts.push(e);
  }
  const detail: Detail = { schema: 'qrouter.detail/1', durationS: ms(ctx.durationS), experts };
  const luma = ctx.track ? lumaOf(ctx.track) : undefined;
  if (luma) detail.luma = luma;
  return detail;
}

/** The luma track as stored (undefined when empty or longer than the cap): means to 0.01, correlations to 1e-4. */
export function lumaOf(track: readonly TrackFrame[]): DetailLuma | undefined {
  if (track.length === 0 || track.length > DETAIL_LIMITS.lumaFrames) return undefined;
  return {
    tS: track.map((f) => ms(f.tS)),
    mean: track.map((f) => Math.round(f.mean * 100) / 100),
    correlation: track.map((f) => (Number.isFinite(f.correlation) ? Math.round(f.correlation * 1e4) / 1e4 : 0)),
  };
}

/** Buckets frames (sorted by time) into at most `seriesPoints` groups of consecutive frames. */
export function seriesOf(frames: FrameResult[], lowerIsBetter: boolean): DetailSeries {
  const n = Math.min(frames.length, DETAIL_LIMITS.seriesPoints);
  const tS: number[] = [];
  const mean: number[] = [];
  const worst: number[] = [];
  let grouped = false;
  for (let b = 0; b < n; b++) {
    const from = Math.floor((b * frames.length) / n);
    const to = Math.floor(((b + 1) * frames.length) / n);
    let st = 0;
    let sv = 0;
    let w = lowerIsBetter ? -Infinity : Infinity;
    for (let i = from; i < to; i++) {
      const f = frames[i]!;
      st += f.tS;
      sv += f.raw;
      w = lowerIsBetter ? Math.max(w, f.raw) : Math.min(w, f.raw);
    }
    if (to - from > 1) grouped = true;
    tS.push(ms(st / (to - from)));
    mean.push(sig(sv / (to - from)));
    worst.push(sig(w));
  }
  return grouped ? { tS, mean, worst } : { tS, mean };
}

/** The stored maps of one artifact expert, or undefined when it kept none. */
function mapsOf(res: ExpertResults, frames: FrameResult[], ctx: DetailContext): DetailMaps | undefined {
  const withMap = frames.filter((f): f is FrameResult & { map: Float32Array } => !!f.map && f.map.length === res.ph * res.pw);
  if (withMap.length === 0 || res.ph === 0 || res.pw === 0) return undefined;
  // Evenly spaced when there are more than the cap.
  const count = Math.min(withMap.length, DETAIL_LIMITS.maps);
  const picked = Array.from({ length: count }, (_, i) => withMap[Math.floor((i * withMap.length) / count)]!);

  const { ph, pw } = res;
  const k = Math.max(1, Math.ceil(Math.max(ph, pw) / DETAIL_LIMITS.mapSide));
  const oh = Math.ceil(ph / k);
  const ow = Math.ceil(pw / k);
  const pooled = picked.map((f) => poolMap(f.map, ph, pw, k, oh, ow));

  const m = res.meta;
  let lo = Math.min(m.range[0], m.range[1], m.threshold ?? Infinity);
  let hi = Math.max(m.range[0], m.range[1], m.threshold ?? -Infinity);
  for (const p of pooled) for (const v of p) if (Number.isFinite(v)) (lo = Math.min(lo, v)), (hi = Math.max(hi, v));
  const span = hi - lo || 1;

  const size = m.inputs.stream === 'temporal' ? ctx.plan.temporalSize : m.inputs.keepRows ? ctx.plan.rowsSize : ctx.plan.analysisSize;
  const patch = m.inputs.patch;
  const frameS = ctx.fps > 0 ? 1 / ctx.fps : 1 / 30;
  const gaps = picked.slice(1).map((f, i) => f.tS - picked[i]!.tS).sort((a, b) => a - b);
  const medianGap = gaps.length ? gaps[Math.floor(gaps.length / 2)]! : ctx.durationS / Math.max(1, ctx.plan.analysisTimes.length);
  const cap = m.inputs.stream === 'temporal' ? 2 * frameS : ctx.durationS / Math.max(1, ctx.plan.analysisTimes.length);
  const holdS = Math.max(frameS / 2, Math.min(medianGap / 2, cap));

  return {
    ph: oh,
    pw: ow,
    coverW: coverOf(pw, ow, k, patch, size.width),
    coverH: coverOf(ph, oh, k, patch, size.height),
    lo: sig(lo),
    hi: sig(lo + span),
    holdS: ms(holdS),
    frames: picked.map((f, i) => {
      const q = new Uint8Array(oh * ow);
      const p = pooled[i]!;
      for (let c = 0; c < q.length; c++) q[c] = Number.isFinite(p[c]!) ? Math.round((255 * (p[c]! - lo)) / span) : 0;
      return { tS: ms(f.tS), q: bytesToBase64(q) };
    }),
  };
}

/**
 * The fraction of one side the stored cells cover. A model makes floor(side / (s·patch)) patches
 * along a side it first shrinks by s (1 for most; 2 where a model halves the width), which tells s;
 * pooled cells are k patches wide, so the last one may reach past the frame's edge.
 */
export function coverOf(cells: number, pooledCells: number, k: number, patch: number, side: number): number {
  const s = Math.max(1, Math.floor(side / Math.max(1, cells * patch)));
  return ms((pooledCells * k * s * patch) / Math.max(1, side));
}

/** Averages k×k blocks of a ph×pw map into oh×ow (edge blocks average what they hold). */
export function poolMap(map: Float32Array, ph: number, pw: number, k: number, oh: number, ow: number): Float32Array {
  if (k === 1) return map;
  const out = new Float32Array(oh * ow);
  for (let r = 0; r < oh; r++)
    for (let c = 0; c < ow; c++) {
      let s = 0;
      let n = 0;
      for (let y = r * k; y < Math.min(ph, (r + 1) * k); y++)
        for (let x = c * k; x < Math.min(pw, (c + 1) * k); x++) {
          const v = map[y * pw + x]!;
          if (Number.isFinite(v)) (s += v), n++;
        }
      out[r * ow + c] = n ? s / n : Number.NaN;
    }
  return out;
}
