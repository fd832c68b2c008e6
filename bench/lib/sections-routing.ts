/** The routing section of RESULTS.md: tier agreement and the routed-against-uniform ablation per content type. */
import type { RoutingResult } from '../routing/summary.ts';
import { table } from './md.ts';
import type { Section } from './sections-perf.ts';
import { fmt } from './stats.ts';

/** Renders bench/out/routing.json. */
export function routingSection(d?: RoutingResult): Section {
  if (!d) return { md: '## Routing\n\nNot measured in this run (`npx tsx bench/routing/run.ts`).', targets: [] };
  const a = d.agreement;
  const withLadders = d.types.filter((t) => t.ladderClips > 0);
  const minutes = d.types.reduce((s, t) => s + t.minutes, 0);
  const alarms = (k: 'routedPerMinute' | 'uniformPerMinute') => d.types.reduce((s, t) => s + (Number.isFinite(t[k]) ? t[k] * t.minutes : 0), 0) / Math.max(1e-9, minutes);
  const ladder = (k: 'routedSpearman' | 'uniformSpearman') => {
    const n = withLadders.reduce((s, t) => s + t.ladderClips, 0);
    return withLadders.reduce((s, t) => s + t[k] * t.ladderClips, 0) / Math.max(1, n);
  };
  const md = [
    '## Routing',
    '',
    `Real footage, the engine's own reports (src ${d.src}). Tier agreement: every clean clip and each ladder source's pristine clip analysed at tiers 0, 1 and 2; the gap is the largest score difference between any two tiers of one clip. Ablation at tier 1: the same clips with the content type's routing factors and per-type fusion tables turned off (\`routing: 'uniform'\`, one set of weights for every content), per true content type (the footage category of the clip or ladder source, whatever the router called it; ladders pooled over every source of the type); "best single expert" is the one expert whose own score ranks that type's ladders best.`,
    '',
    table(['content type', 'clean clips', 'false alarms/min routed', 'uniform', 'ladder clips', 'ladder Spearman routed', 'uniform', 'best single expert'], d.types.map((t) => [t.contentType, t.clips, fmt(t.routedPerMinute, 2), fmt(t.uniformPerMinute, 2), t.ladderClips, fmt(t.routedSpearman, 3), fmt(t.uniformSpearman, 3), t.ladderClips ? `${t.bestExpert} ${fmt(t.bestExpertSpearman, 3)}` : '–'])),
  ].join('\n');
  return {
    md,
    targets: [
      { target: 'tier agreement over the benchmark clips: median score gap between tiers ≤ 5', measured: `${fmt(a.median, 1)} over ${a.clips} clips`, ok: a.median <= 5 },
      { target: 'tier agreement: largest score gap between tiers ≤ 10', measured: `${fmt(a.max, 1)} (${a.worst})`, ok: a.max <= 10 },
      minutes > 0
        ? { target: 'routed fusion beats uniform weights on clean-clip false alarms (tier 1)', measured: `${fmt(alarms('routedPerMinute'), 2)} vs ${fmt(alarms('uniformPerMinute'), 2)} per minute`, ok: alarms('routedPerMinute') <= alarms('uniformPerMinute') }
        : { target: 'routed fusion beats uniform weights on clean-clip false alarms (tier 1)', measured: 'not run in this run (`--no-clean`)' },
      { target: 'routed fusion beats uniform weights on the mixed-content ladders (tier 1, mean Spearman)', measured: `${fmt(ladder('routedSpearman'), 3)} vs ${fmt(ladder('uniformSpearman'), 3)}`, ok: ladder('routedSpearman') >= ladder('uniformSpearman') },
    ],
  };
}
