/**
 * A reading from a side file joins the recorded evidence as one more expert, so a candidate reading
 * can be re-fused with the engine's own fuse before any expert graph carries it:
 *
 *   --side detail-loss.json:ratioMedian --side-range 0.5,0.2 [--side-id detail]
 *
 * The file (in bench/out/, or a path) maps a clip's id (the ladder clip's file name, the clean clip's
 * name) to readings; `--side-range best,worst` is the pseudo-expert's range (lower is better when
 * best < worst). It counts as a blur-type artifact expert for routing (factor 1 on every content type)
 * with a weight of 0 unless `--w <id>=…` says otherwise; with `--side-natural` it is routed as a
 * natural-scene measure instead (no artifact; the routing table's natural-scene factor: 0 on screen
 * content, animation and games, 0.5 on low light and generated video). With `--side-replace` and a
 * `--side-id` that names an expert, the reading stands in for that expert's: its metadata (routing,
 * pooling) and its weight are kept, only the range is the side one. With `--side-max <gain>` as well,
 * the reading is one more term of that expert's own max instead: its recorded raw becomes
 * max(raw, min(cap, gain × (side value − offset))) and its range stays (a candidate term of the noise
 * expert's max; `--side-max gain[,offset[,cap]]`, a cap under the expert's threshold keeps the term
 * from raising events).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { argFlag, argValue } from '../lib/stats.ts';
import { OUT } from '../real/paths.ts';
import type { FitClip } from './model.ts';

/** A side reading: its pseudo-expert's metadata and each clip's value. */
export interface SideReading {
  meta: ExpertMeta;
  values: Record<string, number>;
  /** True when it stands in for the engine's expert of the same id (whose weight it keeps). */
  replaces?: boolean;
  /** When set (with `replaces`), the expert's raw becomes max(raw, min(cap, gain × (value − offset))). */
  maxTerm?: { gain: number; offset: number; cap: number };
}

/** The pseudo-expert of a side reading, from explicit arguments. */
export function sideReading(spec: string, range: [number, number], id = 'detail', naturalScene = false, replace?: ExpertMeta): SideReading {
  const [file, key] = spec.split(':') as [string, string];
  const path = isAbsolute(file) || existsSync(file) ? file : join(OUT, file);
  const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, number>>;
  const values = Object.fromEntries(Object.entries(data).filter(([, r]) => Number.isFinite(r[key])).map(([clip, r]) => [clip, r[key]!]));
  const meta: ExpertMeta = {
    id, label: `side ${key}`, kind: 'spatial', ...(naturalScene ? { assumes: ['natural-scene-statistics' as const] } : { artifact: 'blur' as const }), lowerIsBetter: range[0] < range[1], range: [Math.min(...range), Math.max(...range)] as [number, number],
    unit: key, pool: 'median', costPerFrameMs: 0, requires: [], model: '', inputs: { planes: 'luma', stream: 'analysis', patch: 8 }, description: `side reading ${key} from ${file}`,
  };
  if (replace) return { meta: { ...replace, lowerIsBetter: meta.lowerIsBetter, range: meta.range, unit: key }, values, replaces: true };
  return { meta, values };
}

/** The side reading named on the command line (`--side`, `--side-range`, `--side-id`, `--side-replace`), if any. */
export function sideFromArgs(experts: ExpertMeta[]): SideReading | undefined {
  const spec = argValue('side');
  if (!spec) return undefined;
  const range = (argValue('side-range') ?? '0,1').split(',').map(Number) as [number, number];
  const id = argValue('side-id') ?? 'detail';
  const replace = argFlag('side-replace') ? experts.find((m) => m.id === id) : undefined;
  if (argFlag('side-replace') && !replace) throw new Error(`--side-replace: no expert ${id}`);
  const term = argValue('side-max');
  if (term !== undefined) {
    if (!replace) throw new Error('--side-max needs --side-replace and --side-id');
    const [gain, offset = 0, cap = Infinity] = term.split(',').map(Number) as [number, number?, number?];
    return { ...sideReading(spec, range, id, false, replace), meta: replace, maxTerm: { gain, offset, cap } };
  }
  return sideReading(spec, range, id, argFlag('side-natural'), replace);
}

/** Clips with the side reading added to their raws (clips the file does not cover are left without it). */
export function withSide(clips: FitClip[], side: SideReading | undefined): FitClip[] {
  if (!side) return clips;
  const t = side.maxTerm;
  if (t) {
    const id = side.meta.id;
    const term = (v: number) => Math.min(t.cap, t.gain * Math.max(0, v - t.offset));
    return clips.map((c) => (c.id in side.values && id in c.raws ? { ...c, raws: { ...c.raws, [id]: Math.max(c.raws[id]!, term(side.values[c.id]!)) } } : c));
  }
  return clips.map((c) => (c.id in side.values ? { ...c, raws: { ...c.raws, [side.meta.id]: side.values[c.id]! } } : c));
}
