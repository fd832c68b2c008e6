/** Shapes and small summaries of the routing benchmark (bench/routing/run.ts). */
import type { Tier } from '../../src/report/types.ts';
import { median } from '../lib/stats.ts';
import { ladderSpearman } from '../real/ladders.ts';

/** One ladder clip's scores: fused routed and uniform, and every expert's quality (0..100). */
export interface LadderRow {
  source: string;
  kind: string;
  level: number;
  routed: number;
  uniform: number;
  /** The content type the fast router gave this clip. */
  routedAs: string;
  /** The router's confidence in that type. */
  confidence?: number;
  /** Expert id → quality from the uniform run (every expert runs there). */
  experts: Record<string, number>;
}

/** What one content type collected. */
export interface TypeRow {
  contentType: string;
  clips: number;
  minutes: number;
  routedAlarms: number;
  uniformAlarms: number;
  ladder: LadderRow[];
}

/** One content type's figures. */
export interface TypeSummary {
  contentType: string;
  clips: number;
  minutes: number;
  routedPerMinute: number;
  uniformPerMinute: number;
  ladderClips: number;
  /** Ladder sources pooled into this type (each ladder is a source × kind; the mean is over them all). */
  ladderSources: string[];
  /** Share of this type's ladder clips the router classed as this type. */
  classedAsType: number;
  routedSpearman: number;
  uniformSpearman: number;
  bestExpert: string;
  bestExpertSpearman: number;
  /** Every expert's ladder Spearman on this type, best first. */
  perExpert: { id: string; spearman: number }[];
}

/** The benchmark's result (bench/out/routing.json). */
export interface RoutingResult {
  src: string;
  levels: number[] | 'all';
  agreement: { clips: number; median: number; max: number; worst: string };
  types: TypeSummary[];
}

/** Footage category prefix → the router's content type (the footage README sorts clips by category). */
const CATEGORY: Record<string, string> = { natural: 'natural-camera', animation: 'animation', screen: 'screen-content', gaming: 'gameplay', aigc: 'ai-generated' };

/** The true content type of a footage file from its category prefix (undefined when it has none, e.g. a photo pan). */
export function footageType(file: string): string | undefined {
  return CATEGORY[file.split('/').pop()!.split('_')[0]!];
}

/**
 * Figures of one content type. Ladders are pooled by source: every (source, kind) ladder of the type
 * counts once in the mean, whatever the router called each rung.
 */
export function summariseType(r: TypeRow): TypeSummary {
  const sp = (pick: (e: LadderRow) => number) => (r.ladder.length ? ladderSpearman(r.ladder.map((e) => ({ ...e, score: pick(e) }))).mean : Number.NaN);
  const ids = [...new Set(r.ladder.flatMap((e) => Object.keys(e.experts)))];
  // An expert without a value on a clip is read as no change (50) so it cannot look better than it is.
  const perExpert = ids.map((id) => ({ id, spearman: sp((e) => e.experts[id] ?? 50) })).sort((a, b) => b.spearman - a.spearman);
  return {
    contentType: r.contentType,
    clips: r.clips,
    minutes: r.minutes,
    routedPerMinute: r.minutes ? r.routedAlarms / r.minutes : Number.NaN,
    uniformPerMinute: r.minutes ? r.uniformAlarms / r.minutes : Number.NaN,
    ladderClips: r.ladder.length,
    ladderSources: [...new Set(r.ladder.map((e) => e.source))],
    classedAsType: r.ladder.length ? r.ladder.filter((e) => e.routedAs === r.contentType).length / r.ladder.length : Number.NaN,
    routedSpearman: sp((e) => e.routed),
    uniformSpearman: sp((e) => e.uniform),
    bestExpert: perExpert[0]?.id ?? '–',
    bestExpertSpearman: perExpert[0]?.spearman ?? Number.NaN,
    perExpert,
  };
}

/** The largest score gap between any two tiers of each clip; median and maximum over clips. */
export function tierAgreement(scores: Record<string, Partial<Record<Tier, number>>>): RoutingResult['agreement'] {
  const gaps = Object.entries(scores)
    .map(([clip, s]) => {
      const v = [s[0], s[1], s[2]].filter((x): x is number => x !== undefined);
      return { clip, gap: v.length === 3 ? Math.max(...v) - Math.min(...v) : Number.NaN };
    })
    .filter((g) => Number.isFinite(g.gap));
  const worst = gaps.reduce((w, g) => (g.gap > w.gap ? g : w), { clip: '–', gap: 0 });
  return { clips: gaps.length, median: median(gaps.map((g) => g.gap)), max: worst.gap, worst: worst.clip };
}
