/** RESULTS.md sections for accuracy: expert ladders, the fused score beside peers, and localization. */
import { fmt, mean } from './stats.ts';
import { table } from './md.ts';
import type { Section, TargetRow } from './sections-perf.ts';

interface SpatialLadders { rows?: { expert: string; distortion: string; own: boolean; spearman: number; qualityShift: number }[] }
interface TemporalLadders { ownSpearman?: Record<string, number | null> }
interface PeerLadders { rows?: { ladder: string; expert: string; ours: number | null; blockdetect: number; blurdetect: number }[] }

/** Per-expert Spearman from the experts' own ladder scripts (bench/ladders/*). */
export function expertLadderSection(spatial?: SpatialLadders, temporal?: TemporalLadders, peers?: PeerLadders): Section {
  const rows: (string | number)[][] = [];
  for (const r of spatial?.rows?.filter((x) => x.own) ?? []) rows.push([r.expert, r.distortion, 'spatial (photos)', fmt(r.spearman, 3)]);
  for (const [k, v] of Object.entries(temporal?.ownSpearman ?? {})) {
    const [distortion, expert] = k.split(' → ');
    rows.push([expert ?? k, distortion ?? '', 'temporal (real clips)', v === null ? '–' : fmt(v, 3)]);
  }
  if (rows.length === 0) return { md: '### Expert ladders\n\nThe expert ladder outputs (bench/out/ladders-*.json) are missing.', targets: [] };
  const values = rows.map((r) => Number(r[3])).filter(Number.isFinite);
  return {
    md: [
      '### Expert ladders',
      '',
      `From \`bench/ladders/spatial.ts\` and \`bench/ladders/temporal.ts\` (run by \`npm run bench\` when present): each expert in Node on its own distortion, Spearman between its "worse" direction and the distortion strength (1 = perfect order). Mean over ${values.length} expert/distortion pairs: **${fmt(mean(values), 3)}**; lowest ${fmt(Math.min(...values), 3)}.`,
      '',
      table(['expert', 'distortion', 'ladder', 'Spearman'], rows),
      '',
      peerTable(peers),
      '',
      crossReactionTable(spatial),
    ].join('\n'),
    targets: [
      { target: 'mean expert ladder Spearman ≥ 0.95 (each expert on its own distortion)', measured: fmt(mean(values), 3), ok: mean(values) >= 0.95 },
      { target: 'every expert ladder Spearman ≥ 0.95 (lowest expert/distortion pair)', measured: fmt(Math.min(...values), 3), ok: Math.min(...values) >= 0.95 },
    ],
  };
}

/** Our expert beside ffmpeg's blockdetect and blurdetect on the same ladder frames (bench/ladders/peers.ts). */
function peerTable(peers?: PeerLadders): string {
  const rows = peers?.rows ?? [];
  if (rows.length === 0) return '';
  return [
    '#### Beside ffmpeg on the same frames',
    '',
    "`bench/ladders/peers.ts` pipes each ladder frame our experts saw to ffmpeg's `blockdetect` and `blurdetect` (larger is worse for both) and takes the same Spearman, mean over the same photos.",
    '',
    table(
      ['ladder', 'ours', 'Spearman (ours)', 'ffmpeg blockdetect', 'ffmpeg blurdetect'],
      rows.map((r) => [r.ladder, r.expert, r.ours === null ? '–' : fmt(r.ours, 3), fmt(r.blockdetect, 3), fmt(r.blurdetect, 3)]),
    ),
  ].join('\n');
}

/**
 * How each spatial expert reacts to the other experts' distortions, on the same photos: Spearman of
 * its "worse" direction with the strength, and the mean drop of its 0..100 quality from the clean
 * frame to the strongest level (positive = the expert calls it worse).
 */
function crossReactionTable(spatial?: SpatialLadders): string {
  const all = spatial?.rows ?? [];
  if (all.length === 0) return '';
  const experts = [...new Set(all.map((r) => r.expert))];
  const distortions = [...new Set(all.map((r) => r.distortion))];
  const cell = (e: string, d: string) => {
    const r = all.find((x) => x.expert === e && x.distortion === d);
    if (!r) return '';
    const text = `${fmt(r.spearman, 2)} / ${r.qualityShift >= 0 ? '+' : ''}${fmt(r.qualityShift, 0)}`;
    return r.own ? `**${text}**` : text;
  };
  const offOwn = all.filter((r) => !r.own);
  const worst = offOwn.reduce((a, b) => (b.qualityShift > a.qualityShift ? b : a), offOwn[0]!);
  return [
    '#### Cross-reactions (spatial experts, photos)',
    '',
    `Each cell: Spearman of the expert's "worse" direction with the distortion strength / mean drop of the expert's 0..100 quality from the clean frame to the strongest level (positive = rated worse). Own distortions in bold. Off its own distortions, the largest drop is ${fmt(worst.qualityShift, 0)} points (${worst.expert} on ${worst.distortion}); a negative Spearman with a negative drop means the expert rates the distorted frame better (a distortion that removes what it looks for, as blur removes a grid).`,
    '',
    table(['expert', ...distortions], experts.map((e) => [e, ...distortions.map((d) => cell(e, d))])),
  ].join('\n');
}

interface LadderRow { source: string; ladder: string; params: number[]; values: Record<string, number[]>; spearman: Record<string, number> }
interface Ladders { tier: number; measures: Record<string, { label: string; peer: boolean }>; notes: string[]; rows: LadderRow[] }

/** The fused score on clip ladders through the browser engine, beside peers on the same clips. */
export function fusedLadderSection(d?: Ladders): Section {
  if (!d) return { md: '### Fused score on clip ladders\n\nNot measured in this run.', targets: [] };
  const peers = Object.entries(d.measures).filter(([, m]) => m.peer).map(([k]) => k);
  const experts = [...new Set(d.rows.flatMap((r) => Object.keys(r.spearman)).filter((k) => k.startsWith('expert.')))].sort();
  const cols = ['fused', ...peers, ...experts];
  const label = (k: string) => d.measures[k]?.label ?? k.replace('expert.', 'ours: ');
  const rows = d.rows.map((r) => [`${r.source.replace('.mp4', '')} ${r.ladder} (${r.params.join(', ')})`, ...cols.map((c) => fmt(r.spearman[c], 2))]);
  const meanOf = (c: string) => mean(d.rows.map((r) => r.spearman[c]).filter((v): v is number => Number.isFinite(v)));
  rows.push(['**mean**', ...cols.map((c) => `**${fmt(meanOf(c), 2)}**`)]);
  const fused = meanOf('fused');
  const beaten = peers.filter((p) => meanOf(p) >= fused);
  const perLadderWins = d.rows.filter((r) => peers.every((p) => !Number.isFinite(r.spearman[p]) || r.spearman.fused! > r.spearman[p]!)).length;
  const targets: TargetRow[] = [
    { target: 'mean fused-score ladder Spearman ≥ 0.95 (clip ladders, real engine)', measured: fmt(fused, 3), ok: fused >= 0.95 },
    {
      target: 'fused score above every peer on the same clips (mean Spearman)',
      measured: `${beaten.length ? `not above ${beaten.map(label).join(', ')}` : 'above all'}; best on ${perLadderWins} of ${d.rows.length} ladders`,
      ok: beaten.length === 0 && peers.length > 0,
    },
  ];
  return {
    md: [
      '### Fused score on clip ladders, beside peers',
      '',
      `The 8-s 360p clips degraded in five steps each (Gaussian blur sigma, x264 CRF, temporal noise strength; parameters in brackets), analysed at tier ${d.tier} through the real browser engine (production build). Peers on the very same files: ffmpeg \`blockdetect\` and \`blurdetect\` (every 4th frame), OpenCV BRISQUE with the LIVE model (every 24th frame). Spearman against the known order, signed so that 1 means the measure ranks the clips from least to most distorted (peers where larger is worse are negated). "ours: <expert>" columns are the engine's per-expert scores from the same reports (0 where the expert's score did not move).${d.notes.length ? ` Notes: ${d.notes.join('; ')}.` : ''}`,
      '',
      table(['ladder', ...cols.map(label)], rows),
    ].join('\n'),
    targets,
  };
}

interface TypeScore { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number; meanTimeIoU: number; meanRegionIoU: number }
interface Eval { perType: Record<string, TypeScore>; falseAlarmsPerMin: number; cleanMinutes: number }
interface Loc { tier: number; minIoU: number; ours: Eval; peers: Eval; clips: { file: string; scored: boolean; ours: unknown[] }[] }

/** Localization against ground truth, with ffmpeg's freeze and black detectors beside. */
export function localizationSection(d?: Loc): Section {
  if (!d) return { md: '### Localization\n\nNot measured in this run.', targets: [] };
  const row = (who: string, t: string, x: TypeScore) => [who, t, x.tp, x.fp, x.fn, fmt(x.precision, 2), fmt(x.recall, 2), fmt(x.f1, 2), fmt(x.meanTimeIoU, 2), fmt(x.meanRegionIoU, 2)];
  const rows = [
    ...Object.entries(d.ours.perType).map(([t, x]) => row('ours', t, x)),
    ...Object.entries(d.peers.perType).map(([t, x]) => row(t === 'freeze' ? 'ffmpeg freezedetect' : 'ffmpeg blackdetect', t, x)),
  ];
  // Mean F1 over the inserted types (those with truth events); types only ever reported falsely
  // count in the false alarms instead.
  const f1s = Object.values(d.ours.perType).filter((x) => x.tp + x.fn > 0).map((x) => x.f1);
  const unscored = d.clips.filter((c) => !c.scored).map((c) => `${c.file} (${c.ours.length} events)`);
  return {
    md: [
      '### Localization',
      '',
      `Localization clips (20 s, 640x360) with one artifact inserted at a known time (and region for blur and noise), analysed at tier ${d.tier}; \`bench/clips/loc/truth.json\` says what was inserted and how. A detection matches a truth event when the types are equal and the time IoU is at least ${d.minIoU} (one to one, best IoU first); events of one type that touch (gap ≤ 0.1 s) are joined first, for us and the peers alike. Region IoU is over matched events whose truth has a region (a report without a region counts as the whole frame). Every event on the clean clips (${fmt(d.ours.cleanMinutes * 60, 0)} s of clean video) is a false alarm and counts as a false positive of its type. Peers: ffmpeg \`freezedetect\` and \`blackdetect\` with a 0.5 s minimum duration.`,
      '',
      table(['detector', 'type', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1', 'time IoU', 'region IoU'], rows),
      '',
      `False alarms on clean clips: ours **${fmt(d.ours.falseAlarmsPerMin, 1)} per minute**, ffmpeg freeze+black detectors ${fmt(d.peers.falseAlarmsPerMin, 1)} per minute. Mean F1 over the inserted types: ${fmt(mean(f1s), 2)}.` +
        (unscored.length ? ` Analysed but not scored: ${unscored.join(', ')} — the real camera clip repeats frames at source, so it has no clean ground truth.` : ''),
    ].join('\n'),
    targets: [{ target: 'localization: mean F1 over the inserted artifact types (no set target; reported)', measured: `${fmt(mean(f1s), 2)}; ${fmt(d.ours.falseAlarmsPerMin, 1)} false alarms/min` }],
  };
}
