/** Shapes and small summaries of the routing benchmark (bench/routing/run.ts). */
import type { Tier } from '../../src/report/types.ts';
import { median } from '../lib/stats.ts';

/** What one content type collected. */
export interface TypeRow {
  contentType: string;
  clips: number;
  minutes: number;
  routedAlarms: number;
  uniformAlarms: number;
  ladder: { source: string; kind: string; level: number; routed: number; uniform: number; experts: Record<string, number> }[];
}

/** The benchmark's result (bench/out/routing.json). */
export interface RoutingResult {
  src: string;
  agreement: { clips: number; median: number; max: number; worst: string };
  types: {
    contentType: string;
    clips: number;
    minutes: number;
    routedPerMinute: number;
    uniformPerMinute: number;
    ladderClips: number;
    routedSpearman: number;
    uniformSpearman: number;
    bestExpert: string;
    bestExpertSpearman: number;
  }[];
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
