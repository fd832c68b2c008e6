/**
 * RESULTS.md section on footage nothing was set on: the clean set re-encoded once more
 * (`bench/real/clean-reencoded.ts`) and ladders from sources no fit read (`run.ts --heldout`).
 */
import { recount, type CleanTier } from '../real/clean.ts';
import { fmt } from './stats.ts';
import { table } from './md.ts';
import type { Section, TargetRow } from './sections-perf.ts';

interface Reencoded { engine: string; variants: { tag: string; label: string; tiers: (CleanTier & { build?: string })[] }[] }
interface HeldoutLadders { engine: string; build?: string; mean: number; perKind: Record<string, number>; targetSpearman: number; evidence: { source: string; kind: string; score: number; contentType: string }[] }

/** The whole section; empty when neither part was measured. */
export function heldoutSection(reencoded?: Reencoded, ladders?: HeldoutLadders): Section {
  const parts = [reencodedPart(reencoded), laddersPart(ladders)].filter((p) => p.md);
  if (!parts.length) return { md: '', targets: [] };
  return {
    md: ['## Footage nothing was set on', '', 'Every threshold, weight and tolerance was set on the footage above; these measure the same engine on pictures none of them saw.', '', ...parts.map((p) => p.md)].join('\n'),
    targets: parts.flatMap((p) => p.targets),
  };
}

function reencodedPart(d?: Reencoded): Section {
  if (!d?.variants.length) return { md: '', targets: [] };
  // Each tier recounted once against the current native-defect list, for the table and the targets.
  const counted = d.variants.flatMap((v) => v.tiers.map((t) => ({ label: v.label, t: recount(t) })));
  const rows = counted.map(({ label, t }) => {
    const events = t.events.filter((e) => !e.native).map((e) => `${e.type} ${e.clip.replace(/\.[^.]+$/, '')} ${fmt(e.startS, 1)}–${fmt(e.endS, 1)} s`);
    return [label, `${t.tier}`, `${t.clips}`, fmt(t.minutes, 2), `${t.falseAlarms}`, fmt(t.perMinute, 2), events.join('; ') || '–'];
  });
  const targets: TargetRow[] = counted.map(({ label, t }) => ({ target: `clean footage re-encoded (${label}): false alarms ≤ 1 per minute at tier ${t.tier}`, measured: `${fmt(t.perMinute, 2)}/min (${t.falseAlarms})`, ok: t.perMinute <= 1 }));
  return {
    md: [
      '### The clean set re-encoded',
      '',
      `Every clean clip through x264 once more, as an export or an upload transcode would (\`bench/real/clean-reencoded.ts\`); the pictures still look clean, so every event is a false alarm unless the clip's native defect excuses it. Engine: ${d.engine} path${buildOf(d.variants.flatMap((v) => v.tiers.map((t) => t.build)))}.`,
      '',
      table(['re-encoding', 'tier', 'clips', 'minutes', 'false alarms', 'per minute', 'the false alarms'], rows),
      '',
    ].join('\n'),
    targets,
  };
}

function laddersPart(d?: HeldoutLadders): Section {
  if (!d?.evidence.length) return { md: '', targets: [] };
  const pristine = d.evidence.filter((e) => e.kind === 'pristine');
  const sources = [...new Set(d.evidence.map((e) => e.source))];
  const lo = Math.min(...pristine.map((e) => e.score));
  const spread = Math.max(...pristine.map((e) => e.score)) - lo;
  const lowKind = Math.min(...Object.values(d.perKind));
  return {
    md: [
      '### Ladders from held-out sources',
      '',
      `The same six ladders × 6 levels from ${sources.length} sources whose ladders no fusion weight, tolerance or routing factor was fitted on (\`run.ts --heldout\`: ${sources.join(', ')}), ${d.evidence.length} clips, tier 1, ${d.engine} path${buildOf([d.build])}: ladder Spearman mean ${fmt(d.mean, 3)} (${Object.entries(d.perKind).map(([k, v]) => `${k} ${fmt(v, 3)}`).join(', ')}); score vs full-reference target ${fmt(d.targetSpearman, 3)}.`,
      '',
      pristine.length ? `Pristine encodes: ${[...pristine].sort((a, b) => a.score - b.score).map((e) => `${e.source} ${fmt(e.score, 1)} (routed ${e.contentType})`).join(', ')}.\n` : '',
    ].join('\n'),
    targets: [
      { target: 'held-out ladders: fused-score Spearman ≥ 0.95 on average', measured: fmt(d.mean, 3), ok: d.mean >= 0.95 },
      { target: 'held-out ladders: Spearman ≥ 0.9 for every kind', measured: Object.entries(d.perKind).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', '), ok: lowKind >= 0.9 },
      { target: 'held-out ladders: score vs full-reference target ≥ 0.85', measured: fmt(d.targetSpearman, 3), ok: d.targetSpearman >= 0.85 },
      ...(pristine.length ? [
        { target: `held-out pristine encodes (${pristine.length} sources): lowest score ≥ 70`, measured: fmt(lo, 1), ok: lo >= 70 },
        { target: `held-out pristine encodes (${pristine.length} sources): spread ≤ 15 points`, measured: fmt(spread, 1), ok: spread <= 15 },
      ] : []),
    ],
  };
}

/** ", build <hash>" (or the hashes) of the runs behind a part; empty when none was recorded. */
function buildOf(builds: (string | undefined)[]): string {
  const known = [...new Set(builds.filter((b): b is string => !!b))];
  return known.length ? `, build ${known.join(' and ')}` : '';
}
