/**
 * The detail document (`qrouter.detail/1`): what the viewer draws beside the report. Per expert, a
 * downsampled per-frame series of its raw value and, for experts that detect an artifact, per-patch
 * maps quantized to bytes. It travels as the report's optional `detail` field.
 *
 * Size is bounded whatever the video's length: at most {@link DETAIL_LIMITS}.seriesPoints points per
 * series and {@link DETAIL_LIMITS}.maps maps per expert, each at most
 * {@link DETAIL_LIMITS}.mapSide cells a side (one byte per cell, base64 in JSON).
 */
import { ARTIFACT_TYPES, type ArtifactType } from './types.ts';

/** Upper bounds that keep a detail document small (see README: about 1.6 MB at most for 15 experts). */
export const DETAIL_LIMITS = {
  /** Points per expert series. */
  seriesPoints: 600,
  /** Stored maps per expert. */
  maps: 120,
  /** Cells per side of a stored map. */
  mapSide: 32,
  /** Frames of the luma track kept (a minute at 30 fps); a longer track is left out. */
  lumaFrames: 1800,
} as const;

/** An expert's raw value over time, bucketed to at most `seriesPoints` points. */
export interface DetailSeries {
  /** Mean presentation time of each bucket, seconds. */
  tS: number[];
  /** Mean raw value of each bucket (in the expert's unit). */
  mean: number[];
  /** Worst raw value of each bucket (omitted when every bucket holds one frame). */
  worst?: number[];
}

/** One stored per-patch map. */
export interface DetailMapFrame {
  /** Presentation time, seconds. */
  tS: number;
  /** `ph * pw` bytes, row-major, base64: raw ≈ lo + q / 255 · (hi − lo). */
  q: string;
}

/** An expert's per-patch maps over time. */
export interface DetailMaps {
  /** Rows and columns of cells. */
  ph: number;
  pw: number;
  /**
   * Fraction of the frame's width and height the cells cover, from the top-left corner (above 1 when
   * the last pooled cell reaches past the frame's edge).
   */
  coverW: number;
  coverH: number;
  /** Raw values the byte 0 and the byte 255 stand for. */
  lo: number;
  hi: number;
  /** A map stands for the picture within this many seconds of its time. */
  holdS: number;
  frames: DetailMapFrame[];
}

/** One expert's detail. */
export interface DetailExpert {
  id: string;
  artifact?: ArtifactType;
  unit: string;
  lowerIsBetter: boolean;
  /** The ends of the expert's useful scale, as in its metadata. */
  range: [number, number];
  /** Per-frame value beyond which a frame or patch shows the artifact. */
  threshold?: number;
  /** Frames the expert produced before bucketing. */
  frames: number;
  series: DetailSeries;
  maps?: DetailMaps;
}

/**
 * The temporal stream's luma track, one entry per frame (src/pipeline/luma-track.ts): what the event
 * logic reads for exposure that changes over time, kept so that logic can be replayed on a report.
 */
export interface DetailLuma {
  tS: number[];
  /** Mean luma, full-range code values. */
  mean: number[];
  /** Correlation of the frame's grid of cell means with the previous frame's (0 for the first). */
  correlation: number[];
}

/** The detail document. */
export interface Detail {
  schema: 'qrouter.detail/1';
  durationS: number;
  experts: DetailExpert[];
  /** The luma track, when the run read every frame and it has at most `lumaFrames` of them. */
  luma?: DetailLuma;
}

/** Encodes bytes as base64 (works on the page, in workers and in Node). */
export function bytesToBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Decodes base64 into bytes. */
export function base64ToBytes(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/** The raw values of a stored map. */
export function decodeMap(maps: Pick<DetailMaps, 'lo' | 'hi'>, frame: DetailMapFrame): Float32Array {
  const q = base64ToBytes(frame.q);
  const out = new Float32Array(q.length);
  const step = (maps.hi - maps.lo) / 255;
  for (let i = 0; i < q.length; i++) out[i] = maps.lo + q[i]! * step;
  return out;
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the problems with `value` as a `qrouter.detail/1` document (empty when valid). */
export function validateDetail(value: unknown, path = 'detail'): string[] {
  const errors: string[] = [];
  const fail = (p: string, what: string) => errors.push(`${p}: ${what}`);
  const keys = (p: string, v: Record<string, unknown>, required: string[], optional: string[] = []) => {
    for (const k of required) if (!(k in v)) fail(`${p}.${k}`, 'is missing');
    for (const k of Object.keys(v)) if (!required.includes(k) && !optional.includes(k)) fail(`${p}.${k}`, 'is not in the schema');
  };
  const numbers = (p: string, v: unknown, length?: number) => {
    if (!Array.isArray(v) || !v.every(isNum)) return fail(p, 'must be an array of finite numbers');
    if (length !== undefined && v.length !== length) fail(p, `must have ${length} entries (got ${v.length})`);
  };
  if (!isObj(value)) return [`${path}: must be an object`];
  keys(path, value, ['schema', 'durationS', 'experts'], ['luma']);
  if (value.schema !== 'qrouter.detail/1') fail(`${path}.schema`, 'must be "qrouter.detail/1"');
  if (!isNum(value.durationS) || value.durationS < 0) fail(`${path}.durationS`, 'must be a number ≥ 0');
  if ('luma' in value) {
    const l = value.luma;
    if (!isObj(l)) fail(`${path}.luma`, 'must be an object');
    else {
      keys(`${path}.luma`, l, ['tS', 'mean', 'correlation']);
      const len = Array.isArray(l.tS) ? l.tS.length : 0;
      numbers(`${path}.luma.tS`, l.tS);
      numbers(`${path}.luma.mean`, l.mean, len);
      numbers(`${path}.luma.correlation`, l.correlation, len);
      if (len > DETAIL_LIMITS.lumaFrames) fail(`${path}.luma`, `has more than ${DETAIL_LIMITS.lumaFrames} frames`);
    }
  }
  if (!Array.isArray(value.experts)) return [...errors, `${path}.experts: must be an array`];
  value.experts.forEach((e, n) => {
    const p = `${path}.experts[${n}]`;
    if (!isObj(e)) return fail(p, 'must be an object');
    keys(p, e, ['id', 'unit', 'lowerIsBetter', 'range', 'frames', 'series'], ['artifact', 'threshold', 'maps']);
    if (typeof e.id !== 'string' || !e.id) fail(`${p}.id`, 'must be a non-empty string');
    if (typeof e.unit !== 'string') fail(`${p}.unit`, 'must be a string');
    if (typeof e.lowerIsBetter !== 'boolean') fail(`${p}.lowerIsBetter`, 'must be a boolean');
    if ('artifact' in e && !(ARTIFACT_TYPES as readonly unknown[]).includes(e.artifact)) fail(`${p}.artifact`, `must be one of ${ARTIFACT_TYPES.join(', ')}`);
    if ('threshold' in e && !isNum(e.threshold)) fail(`${p}.threshold`, 'must be a finite number');
    numbers(`${p}.range`, e.range, 2);
    if (!Number.isInteger(e.frames) || (e.frames as number) < 0) fail(`${p}.frames`, 'must be an integer ≥ 0');
    if (isObj(e.series)) {
      const s = e.series;
      keys(`${p}.series`, s, ['tS', 'mean'], ['worst']);
      const len = Array.isArray(s.tS) ? s.tS.length : 0;
      numbers(`${p}.series.tS`, s.tS);
      numbers(`${p}.series.mean`, s.mean, len);
      if ('worst' in s) numbers(`${p}.series.worst`, s.worst, len);
      if (len > DETAIL_LIMITS.seriesPoints) fail(`${p}.series`, `has more than ${DETAIL_LIMITS.seriesPoints} points`);
    } else fail(`${p}.series`, 'must be an object');
    if ('maps' in e) validateMaps(`${p}.maps`, e.maps, fail, keys);
  });
  return errors;
}

function validateMaps(
  p: string,
  m: unknown,
  fail: (p: string, what: string) => void,
  keys: (p: string, v: Record<string, unknown>, required: string[], optional?: string[]) => void,
): void {
  if (!isObj(m)) return fail(p, 'must be an object');
  keys(p, m, ['ph', 'pw', 'coverW', 'coverH', 'lo', 'hi', 'holdS', 'frames']);
  for (const k of ['ph', 'pw']) {
    const v = m[k];
    if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > DETAIL_LIMITS.mapSide) fail(`${p}.${k}`, `must be an integer in 1..${DETAIL_LIMITS.mapSide}`);
  }
  for (const k of ['coverW', 'coverH']) if (!isNum(m[k]) || (m[k] as number) <= 0 || (m[k] as number) > 2) fail(`${p}.${k}`, 'must be in (0, 2]');
  if (!isNum(m.lo) || !isNum(m.hi) || m.hi < m.lo) fail(p, 'lo and hi must be numbers with lo ≤ hi');
  if (!isNum(m.holdS) || m.holdS < 0) fail(`${p}.holdS`, 'must be a number ≥ 0');
  if (!Array.isArray(m.frames)) return fail(`${p}.frames`, 'must be an array');
  if (m.frames.length > DETAIL_LIMITS.maps) fail(`${p}.frames`, `has more than ${DETAIL_LIMITS.maps} maps`);
  const cells = (m.ph as number) * (m.pw as number);
  m.frames.forEach((f, n) => {
    const fp = `${p}.frames[${n}]`;
    if (!isObj(f)) return fail(fp, 'must be an object');
    keys(fp, f, ['tS', 'q']);
    if (!isNum(f.tS) || f.tS < 0) fail(`${fp}.tS`, 'must be a number ≥ 0');
    if (typeof f.q !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(f.q)) return fail(`${fp}.q`, 'must be base64');
    if (Number.isFinite(cells) && Math.floor((f.q.length * 3) / 4) - (f.q.match(/=+$/)?.[0].length ?? 0) !== cells) fail(`${fp}.q`, `must hold ${cells} bytes`);
  });
}
