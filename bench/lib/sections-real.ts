/**
 * RESULTS.md section of the real-footage benchmark (bench/real/): clean-set false alarms, injected
 * artifacts per type and tier, real-source ladders and the score against a full-reference target,
 * leave-one-source-out, pristine spread and the Node/page cross-check.
 */
import { recount, type CleanTier } from '../real/clean.ts';
import type { InjectedTier } from '../real/injected.ts';
import { fmt } from './stats.ts';
import { table } from './md.ts';
import type { Section, TargetRow } from './sections-perf.ts';

interface FitFigures {
  targetSpearman: number;
  rmse: number;
  ladderMean: number;
  ladderPerKind: Record<string, number>;
  cleanMin: number;
  cleanMax: number;
  cleanSpread: number;
}
interface RealFit { clips: number; sources: number; asRun: FitFigures; fitted: FitFigures; leaveOneSourceOut: FitFigures; contentBlindCeiling?: number; worstCleanHeldOut?: { clip: string; contentType: string; score: number }[] }
interface RealLadders { engine: string; mean: number; perKind: Record<string, number>; targetSpearman: number; evidence: { file: string; source: string; kind: string; score: number; contentType: string }[] }
interface RealPeers { clips: number; peers: Record<string, { mean: number; perKind: Record<string, number>; targetSpearman: number }> }
interface RealCross { rows: { clip: string; tier: number; node: number; page: number; nodeEvents: string; pageEvents: string }[]; maxScoreDiff: number; meanScoreDiff: number }

/** The whole real-footage section. */
export function realSection(clean?: { engine: string; tiers: CleanTier[] }, injected?: { engine: string; tiers: InjectedTier[] }, ladders?: RealLadders, fit?: RealFit, cross?: RealCross, peers?: RealPeers): Section {
  const parts = [cleanPart(clean), injectedPart(injected), scorePart(ladders, fit, peers), crossPart(cross)];
  return {
    md: [
      '## Real footage (bench/real/)',
      '',
      'Real clips from `../shared/data/footage/` and `../shared/data/videos/`, artifacts injected into real clips with truth files, and severity ladders from real sources, all through the engine itself (see `bench/real/README.md`). Fitted figures (fusion) are given leave-one-source-out: each source scored with parameters fitted on the others.',
      '',
      ...parts.map((p) => p.md),
    ].join('\n'),
    targets: parts.flatMap((p) => p.targets),
  };
}

function cleanPart(stored?: { engine: string; tiers: CleanTier[] }): Section {
  if (!stored?.tiers.length) return { md: '### Clean footage\n\nNot measured (bench/out/real-clean.json is missing).\n', targets: [] };
  const d = { ...stored, tiers: stored.tiers.map((t) => recount(t)) };
  const cats = [...new Set(d.tiers.flatMap((t) => Object.keys(t.byCategory)))].sort();
  const rows = d.tiers.map((t) => [`${t.tier}`, `${t.clips}`, fmt(t.minutes, 2), `${t.falseAlarms}`, fmt(t.perMinute, 2), ...cats.map((c) => (t.byCategory[c] ? fmt(t.byCategory[c]!.perMinute, 1) : '–')), Object.entries(t.byType).map(([k, v]) => `${k} ${v}`).join(', ') || '–']);
  const events = d.tiers.flatMap((t) => t.events.filter((e) => !e.native)).map((e) => [`${e.tier}`, e.type, e.clip, `${fmt(e.startS, 2)}–${fmt(e.endS, 2)} s`]);
  const natives = d.tiers.flatMap((t) => t.events.filter((e) => e.native)).map((e) => [`${e.tier}`, e.type, e.clip, e.native!]);
  const t1 = d.tiers.find((t) => t.tier === 1);
  const scores = t1 ? Object.values(t1.scores).map((s) => s.score) : [];
  const worst = t1 ? Object.entries(t1.scores).sort((a, b) => a[1].score - b[1].score).slice(0, 6).map(([k, v]) => `${k} ${fmt(v.score, 1)} (${v.contentType})`) : [];
  const failed = d.tiers.flatMap((t) => t.failed.map((f) => `${f.clip} (tier ${t.tier})`));
  const targets: TargetRow[] = d.tiers.map((t) => ({ target: `real clean footage: false alarms ≤ 1 per minute at tier ${t.tier}`, measured: `${fmt(t.perMinute, 2)}/min (${t.falseAlarms} in ${fmt(t.minutes, 1)} min)`, ok: t.perMinute <= 1 }));
  if (scores.length) {
    const lo = Math.min(...scores);
    const spread = Math.max(...scores) - lo;
    targets.push({ target: 'real clean footage (tier 1): lowest score ≥ 70', measured: fmt(lo, 1), ok: lo >= 70 });
    targets.push({ target: 'real clean footage (tier 1): score spread ≤ 15 points', measured: fmt(spread, 1), ok: spread <= 15 });
  }
  return {
    md: [
      '### Clean footage: false alarms',
      '',
      `Every event on a clean clip is a false alarm unless \`bench/real/native-defects.json\` lists it (confirmed by looking at the frames). Engine: ${d.engine} path. Per minute, by category:`,
      '',
      table(['tier', 'clips', 'minutes', 'false alarms', 'per minute', ...cats, 'by type'], rows),
      '',
      failed.length ? `Analyses that failed: ${failed.join(', ')}.\n` : '',
      scores.length ? `Fused score of the clean clips at tier 1: lowest ${fmt(Math.min(...scores), 1)}, highest ${fmt(Math.max(...scores), 1)}; lowest six: ${worst.join('; ')}.\n` : '',
      events.length ? `<details><summary>The ${events.length} false alarms (type, clip, span)</summary>\n\n${table(['tier', 'type', 'clip', 'span'], events)}\n\n</details>\n` : '',
      natives.length ? table(['tier', 'type', 'clip', 'native defect'], natives) + '\n' : '',
    ].join('\n'),
    targets,
  };
}

function injectedPart(d?: { engine: string; tiers: InjectedTier[] }): Section {
  if (!d?.tiers.length) return { md: '### Injected artifacts\n\nNot measured (bench/out/real-injected.json is missing).\n', targets: [] };
  const types = Object.keys(d.tiers[0]!.byType);
  const rows = types.map((ty) => [ty, ...d.tiers.flatMap((t) => {
    const s = t.byType[ty]!;
    return [`${fmt(s.precision, 2)} / ${fmt(s.recall, 2)} / **${fmt(s.f1, 2)}**`, s.regional ? fmt(s.regionIoU, 2) : '–'];
  })]);
  rows.push(['all', ...d.tiers.flatMap((t) => [`${fmt(t.overall.precision, 2)} / ${fmt(t.overall.recall, 2)} / **${fmt(t.overall.f1, 2)}**`, ''])]);
  rows.push(['half A / half B (F1)', ...d.tiers.flatMap((t) => [`${fmt(t.byHalf.A.f1, 2)} / ${fmt(t.byHalf.B.f1, 2)}`, ''])]);
  const targets: TargetRow[] = [];
  for (const t of d.tiers.filter((x) => x.tier >= 1)) {
    const need = t.tier === 2 ? 0.8 : 0.7;
    const f1s = types.map((ty) => [ty, t.byType[ty]!.f1] as const);
    const lowest = f1s.reduce((a, b) => (Number.isFinite(b[1]) && (!Number.isFinite(a[1]) || b[1] < a[1]) ? b : a));
    const below = f1s.filter(([, v]) => !(v >= need)).map(([k]) => k);
    targets.push({ target: `injected into real clips: F1 ≥ ${need} for every artifact type at tier ${t.tier}`, measured: `lowest ${lowest[0]} ${fmt(lowest[1], 2)}; ${below.length} of ${types.length} below${below.length ? ` (${below.join(', ')})` : ''}`, ok: below.length === 0 });
  }
  const t2 = d.tiers.find((t) => t.tier === 2);
  if (t2) {
    const reg = types.filter((ty) => t2.byType[ty]!.regional > 0).map((ty) => [ty, t2.byType[ty]!.regionIoU] as const);
    const lo = Math.min(...reg.map(([, v]) => (Number.isFinite(v) ? v : 0)));
    targets.push({ target: 'injected into real clips: region IoU ≥ 0.5 with the right type (tier 2, every regional type)', measured: reg.map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', '), ok: lo >= 0.5 });
  }
  const misses = d.tiers.filter((t) => t.tier >= 1).flatMap((t) => t.misses.map((m) => [`${t.tier}`, m.kind, m.type, m.clip, `${fmt(m.startS, 2)}–${fmt(m.endS, 2)} s`, m.instead ?? '']));
  return {
    md: [
      '### Injected artifacts',
      '',
      `Every type inserted into real clips at known frames (and regions for blur, noise, blocking, banding), ≥ 6 clips per type with the hard cases, plus two steady pans with nothing inserted (\`bench/clips/real/injected/truth.json\`). Precision / recall / F1 with time IoU ≥ 0.3 one to one; region IoU with the right type (a missed regional event counts 0). Engine: ${d.engine} path. Half A and half B are disjoint sets of sources: tune on A, read B.`,
      '',
      table(['type', ...d.tiers.flatMap((t) => [`tier ${t.tier} P / R / F1`, `tier ${t.tier} region IoU`])], rows),
      '',
      misses.length ? `<details><summary>Missed and extra events at tiers 1–2 (${misses.length})</summary>\n\n${table(['tier', 'kind', 'type', 'clip', 'span', 'reported instead'], misses)}\n\n</details>\n` : '',
    ].join('\n'),
    targets,
  };
}

function scorePart(ladders?: RealLadders, fit?: RealFit, peers?: RealPeers): Section {
  if (!ladders && !fit) return { md: '### Fused score on real-source ladders\n\nNot measured (bench/out/real-ladders.json and real-fit.json are missing).\n', targets: [] };
  const targets: TargetRow[] = [];
  const md = ['### Fused score on real-source ladders', ''];
  if (fit) {
    const l = fit.leaveOneSourceOut;
    const kinds = Object.keys(l.ladderPerKind);
    md.push(
      `${fit.clips} clips from ${fit.sources} sources (ladders × 6 levels, pristine encodes, clean footage); target: full-reference quality against the source (\`bench/real/target.ts\`). "as run": the scores the engine gave (the judged figures, see below); "fitted": the real-footage refit on all sources; **leave-one-source-out**: each source scored with the refit made on the others.`,
      '',
      table(['', 'score vs target (Spearman, distorted clips)', 'RMSE to target', 'ladder Spearman (mean)', ...kinds, 'clean lowest', 'clean spread'],
        (['asRun', 'fitted', 'leaveOneSourceOut'] as const).map((k) => {
          const f = fit[k];
          return [k === 'asRun' ? 'as run' : k === 'fitted' ? 'fitted (all sources)' : '**leave-one-source-out**', fmt(f.targetSpearman, 3), fmt(f.rmse, 1), fmt(f.ladderMean, 3), ...kinds.map((kd) => fmt(f.ladderPerKind[kd], 3)), fmt(f.cleanMin, 1), fmt(f.cleanSpread, 1)];
        })),
      '',
      fit.contentBlindCeiling !== undefined
        ? `How far a score that does not see the source can go: scoring each distorted clip with the mean target of its distortion kind and level on the other sources (knowing the distortion exactly, nothing of the content) ranks them against the target at ${fmt(fit.contentBlindCeiling, 3)}. The rest of the target's order is the content's: how much the same blur or CRF costs a given picture.\n`
        : '',
      fit.worstCleanHeldOut?.length ? `Lowest clean clips, held out: ${fit.worstCleanHeldOut.map((w) => `${w.clip} ${fmt(w.score, 1)} (${w.contentType})`).join('; ')}.\n` : '',
    );
    // Judged: the engine as run. Its weights (src/fusion/weights.json) come from a fit that saw none of
    // these sources unless the refit beat it held out, so its figures here are held-out figures.
    const a = fit.asRun;
    const lowKind = Math.min(...kinds.map((k) => a.ladderPerKind[k]!));
    md.push(`Judged figures are the engine's own scores ("as run"): the fusion weights it ran with were not fitted on these sources (the real-footage refit replaces them only when its leave-one-source-out figures are better; in this run they were ${l.ladderMean >= a.ladderMean && l.targetSpearman >= a.targetSpearman ? 'better' : 'not better'}: ladder mean ${fmt(l.ladderMean, 3)} vs ${fmt(a.ladderMean, 3)}, score vs target ${fmt(l.targetSpearman, 3)} vs ${fmt(a.targetSpearman, 3)}).`, '');
    targets.push({ target: 'real-source ladders: fused-score Spearman ≥ 0.95 on average (held-out sources)', measured: fmt(a.ladderMean, 3), ok: a.ladderMean >= 0.95 });
    targets.push({ target: 'real-source ladders: Spearman ≥ 0.9 for every kind, compressed noise included (held-out sources)', measured: kinds.map((k) => `${k} ${fmt(a.ladderPerKind[k], 2)}`).join(', '), ok: lowKind >= 0.9 });
    targets.push({ target: 'score vs full-reference target over all distorted clips: Spearman ≥ 0.85 (held-out sources)', measured: fmt(a.targetSpearman, 3), ok: a.targetSpearman >= 0.85 });
  }
  if (ladders) md.push(`As run by the engine (${ladders.engine} path, tier 1, ${ladders.evidence.length} clips): ladder Spearman mean ${fmt(ladders.mean, 3)} (${Object.entries(ladders.perKind).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ')}); score vs target ${fmt(ladders.targetSpearman, 3)}.`, '');
  if (peers) {
    md.push(`Single ffmpeg filters on the same ladder clips (\`bench/real/peers.ts\`, ${peers.clips} clips; each clip's mean, lower read as better), scored the same way:`, '');
    for (const [name, p] of Object.entries(peers.peers)) md.push(`- ${name}: ladder Spearman mean ${fmt(p.mean, 3)} (${Object.entries(p.perKind).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ')}); score vs target ${fmt(p.targetSpearman, 3)}`);
    md.push('');
  }
  // Pristine clips: each ladder source's own high-quality encode (CRF 12 of the lossless excerpt), one per
  // source and content. The clean footage above is clean of injected faults, not pristine (a 2004 webcam
  // capture, Atari games at 160 lines): its range is reported there.
  const pristine = ladders?.evidence.filter((e) => e.kind === 'pristine') ?? [];
  if (pristine.length) {
    const lo = Math.min(...pristine.map((e) => e.score));
    const spread = Math.max(...pristine.map((e) => e.score)) - lo;
    md.push(`Pristine encodes of the ${pristine.length} ladder sources (tier 1): ${[...pristine].sort((a, b) => a.score - b.score).map((e) => `${e.source} ${fmt(e.score, 1)} (routed ${e.contentType})`).join(', ')}.`, '');
    targets.push({ target: `pristine clips (the ${pristine.length} ladder sources' own encodes, tier 1): lowest score ≥ 70`, measured: fmt(lo, 1), ok: lo >= 70 });
    targets.push({ target: `pristine clips (the ${pristine.length} ladder sources' own encodes, tier 1): spread ≤ 15 points`, measured: fmt(spread, 1), ok: spread <= 15 });
  }
  return { md: md.join('\n'), targets };
}

function crossPart(d?: RealCross): Section {
  if (!d?.rows.length) return { md: '', targets: [] };
  return {
    md: [
      '### Node path against the page',
      '',
      `The same clips through \`src/testing/node-engine.ts\` (ffmpeg CLI decode, in-thread executor) and the built app in headless Chromium: score difference max ${fmt(d.maxScoreDiff, 1)}, mean ${fmt(d.meanScoreDiff, 1)} points.`,
      '',
      table(['clip', 'tier', 'node', 'page', 'node events', 'page events'], d.rows.map((r) => [r.clip, `${r.tier}`, fmt(r.node, 1), fmt(r.page, 1), r.nodeEvents || '–', r.pageEvents || '–'])),
      '',
    ].join('\n'),
    targets: [{ target: 'Node path and page agree (score difference ≤ 2 points, no set target)', measured: `max ${fmt(d.maxScoreDiff, 1)}`, ok: d.maxScoreDiff <= 2 }],
  };
}
