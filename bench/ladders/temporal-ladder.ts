/**
 * The temporal ladders: each distortion at rising severity on real clips, every ladder expert scored
 * on every ladder. An expert should rise monotonically with its own distortion (Spearman of pooled
 * score against severity) and move little with the others (change across the ladder as a share of
 * the expert's metadata range).
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plane } from '../../src/testing/expert-harness.ts';
import { spearman } from '../../src/testing/media.ts';
import { decodeSource, encodeLuma, readAnalysis, readTemporal } from './clips.ts';
import { DISTORTIONS, type Distortion } from './degrade.ts';
import { LADDER_EXPERTS, loadExpert, pool, scoreClip, type LoadedExpert } from './experts.ts';

/** Width of the temporal stream the experts see. */
const TEMPORAL_WIDTH = 320;

/** What to run. */
export interface LadderOptions {
  sources: string[];
  /** Frames decoded from the start of each source. */
  frames: number;
  /** Experts scored on each ladder (default: all ladder experts). */
  experts?: readonly string[];
  /** Distortions to build (default: all). */
  distortions?: readonly string[];
  /** Only score each ladder with its own expert. */
  ownOnly?: boolean;
  /** Every how many frames the row-keeping (analysis) stream takes one. */
  analysisStep?: number;
  /** Keep only the first, middle and last severity of each ladder (quick checks). */
  thin?: boolean;
  fps?: number;
  log?: (line: string) => void;
}

/** One expert on one ladder, per source and averaged. */
export interface LadderCell {
  /** Pooled score per source, one per level. */
  pooled: Record<string, number[]>;
  /** Spearman against severity, averaged over sources. */
  spearman: number;
  /** (score at top level - score at level 0) / range width, averaged over sources. */
  shift: number;
}

/** All ladders: distortion → expert → cell. */
export interface LadderResults {
  levels: Record<string, number[]>;
  severity: Record<string, string>;
  /** The expert each distortion is meant for. */
  target: Record<string, string>;
  cells: Record<string, Record<string, LadderCell>>;
  experts: Record<string, LoadedExpert>;
}

/** Builds and scores the ladders. */
export async function runLadders(o: LadderOptions): Promise<LadderResults> {
  const fps = o.fps ?? 30;
  const ids = o.experts ?? LADDER_EXPERTS;
  const experts: Record<string, LoadedExpert> = {};
  for (const id of ids) experts[id] = await loadExpert(id);
  const distortions = DISTORTIONS.filter((d) => !o.distortions || o.distortions.includes(d.id));
  const results: LadderResults = { levels: {}, severity: {}, target: {}, cells: {}, experts };
  const work = join(tmpdir(), `qrouter-ladders-${process.pid}`);
  const decoded = new Map<string, Plane[]>();
  for (const d of distortions) {
    const levels = o.thin ? [...new Set([d.levels[0]!, d.levels[Math.floor(d.levels.length / 2)]!, d.levels[d.levels.length - 1]!])] : d.levels;
    results.levels[d.id] = levels;
    results.severity[d.id] = d.severity;
    results.target[d.id] = d.expert;
    const scorers = o.ownOnly ? ids.filter((id) => id === d.expert) : ids;
    const pooled: Record<string, Record<string, number[]>> = Object.fromEntries(scorers.map((id) => [id, {}]));
    // Without a row-keeping scorer the whole ladder can be built at the temporal size (faster).
    const needRows = scorers.some((id) => experts[id]!.meta.inputs.keepRows);
    const needSmall = scorers.some((id) => experts[id]!.meta.inputs.stream === 'temporal');
    for (const src of o.sources) {
      const name = src.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
      const width = needRows ? undefined : TEMPORAL_WIDTH;
      const key = `${src}@${width ?? 'full'}`;
      const planes = decoded.get(key) ?? decoded.set(key, decodeSource(src, o.frames, width)).get(key)!;
      for (const level of levels) {
        const clip = d.apply(planes, level, fps);
        const file = encodeLuma(clip.frames, join(work, `${name}-${d.id}-${level}.mp4`), fps);
        const small = needSmall ? readTemporal(file, TEMPORAL_WIDTH) : [];
        const rows = needRows ? readAnalysis(file, o.analysisStep ?? 8) : [];
        for (const id of scorers) {
          const e = experts[id]!;
          const input = e.meta.inputs.stream === 'temporal' ? small : rows;
          const v = pool(e.meta, await scoreClip(e, input, clip.times));
          (pooled[id]![name] ??= []).push(v);
        }
      }
      o.log?.(`  ${d.id} on ${name}: ${scorers.map((id) => `${id} ${pooled[id]![name]!.map((v) => v.toFixed(3)).join(' ')}`).join(' | ')}`);
    }
    results.cells[d.id] = {};
    for (const id of scorers) {
      const meta = experts[id]!.meta;
      const width = meta.range[1] - meta.range[0];
      const per = Object.values(pooled[id]!);
      const rho = per.map((v) => spearman(levels, v));
      const shift = per.map((v) => (v[v.length - 1]! - v[0]!) / width);
      results.cells[d.id]![id] = { pooled: pooled[id]!, spearman: avg(rho), shift: avg(shift) };
    }
  }
  return results;
}

function avg(v: number[]): number {
  return v.reduce((a, b) => a + b, 0) / v.length;
}
