/**
 * The fused score of a clip's recorded evidence under candidate fusion parameters, computed with the
 * engine's own functions: `normalizeScore` (expert raw → quality), the router's `routeFactor` (content
 * type multiplier on a base weight) and `fuse`. Nothing of the engine is re-implemented here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpertMeta } from '../../src/experts/types.ts';
import { fuse } from '../../src/fusion/fuse.ts';
import { normalizeScore } from '../../src/fusion/normalize.ts';
import { curve } from '../../src/fusion/weights.ts';
import { routeFactor } from '../../src/router/routing-table.ts';
import type { ContentType } from '../../src/router/types.ts';
import { ROOT } from '../real/paths.ts';

/** Fusion parameters: base weight and tolerance per expert id. */
export interface Params {
  w: Record<string, number>;
  tau: Record<string, number>;
  /**
   * A candidate score range per expert id ([best, worst] raw ends) in place of its metadata's, for
   * the quality fusion reads: where the worst end lies sets how fast a reading costs points, which
   * a weight (at most 1) cannot raise.
   */
  range?: Record<string, [number, number]>;
  /**
   * A candidate response curve per expert id in place of the engine's (src/fusion/weights.ts `curve`):
   * fusion reads the expert's defect d as d^γ (γ > 1 spares mild readings, the worst end still costs
   * the whole weight; γ < 1 the reverse).
   */
  gamma?: Record<string, number>;
  /** Content types (the clip's most likely one) on which a candidate `gamma` is 1 (linear). */
  gammaKeep?: ReadonlySet<string>;
}

/** What the fit needs of one analysed clip. */
export interface FitClip {
  id: string;
  /** Fold of the leave-one-source-out split (the clip's source). */
  source: string;
  /** 'clean' for clean footage, else the ladder kind ('pristine' for the ladder's own reference). */
  kind: string;
  level: number;
  contentType: string;
  raws: Record<string, number>;
  /** Full-reference target 0..100 (ladder clips); undefined for clean footage. */
  target?: number;
  /** Score the engine gave with the weights it had. */
  score: number;
  /** Route weights the engine fused with (base × the content types' hedged factor), when recorded. */
  weights?: Record<string, number>;
}

/** Every expert's metadata, read from meta.json (the registry is a bundler feature). */
export function readExperts(): ExpertMeta[] {
  const dir = join(ROOT, 'src/experts');
  return readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'meta.json')))
    .map((d) => JSON.parse(readFileSync(join(dir, d, 'meta.json'), 'utf8')) as ExpertMeta);
}

/** Precomputed per-clip qualities and route factors, so candidate parameters are cheap to score. */
export interface Prepared {
  clip: FitClip;
  /** Per expert (in `ids` order): quality 0..100 (NaN when the expert did not run) and route factor. */
  q: Float64Array;
  f: Float64Array;
  /** Per expert: the raw reading (NaN when the expert did not run), for candidate ranges. */
  raw: Float64Array;
}

/**
 * Prepares clips for `score`. The route factor is the one the engine used where the clip records its
 * route weights (weight ÷ the base weight it ran with: the router hedges over likely content types),
 * else the most likely type's factor.
 */
export function prepare(clips: FitClip[], experts: ExpertMeta[], baseOf?: (m: ExpertMeta) => number): Prepared[] {
  return clips.map((clip) => ({
    clip,
    q: Float64Array.from(experts, (m) => (m.id in clip.raws ? normalizeScore(m, clip.raws[m.id]!) : Number.NaN)),
    raw: Float64Array.from(experts, (m) => clip.raws[m.id] ?? Number.NaN),
    f: Float64Array.from(experts, (m) => {
      const w = clip.weights?.[m.id];
      const base = baseOf?.(m) ?? 0;
      return w !== undefined && base > 0 ? w / base : routeFactor(clip.contentType as ContentType, m);
    }),
  }));
}

/**
 * The fused score of a prepared clip under `p` (weights as the router gives them: base × factor, at
 * most 1); experts in `leaveOut` are left out of the fusion.
 */
export function scoreOf(c: Prepared, experts: ExpertMeta[], p: Params, leaveOut?: ReadonlySet<string>): number {
  const quality = (m: ExpertMeta, i: number) => {
    const r = p.range?.[m.id];
    return r ? normalizeScore({ range: r, lowerIsBetter: m.lowerIsBetter }, c.raw[i]!) : c.q[i]!;
  };
  // The engine's response curve for the clip's content type, unless the candidate sets one.
  const curveOf = (id: string) => {
    const g = p.gamma?.[id];
    return g === undefined ? curve(id, c.clip.contentType) : p.gammaKeep?.has(c.clip.contentType) ? 1 : g;
  };
  return fuse(experts.map((m, i) => ({ quality: quality(m, i), weight: leaveOut?.has(m.id) ? 0 : Math.min(1, (p.w[m.id] ?? 0) * c.f[i]!), tolerance: p.tau[m.id] ?? 0, curve: curveOf(m.id) })));
}
