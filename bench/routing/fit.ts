/**
 * Refits the routing table's rows on the mixed-content ladders, leave one source out: for each source
 * of a content type, the type's row is fitted on the type's OTHER sources (bench/routing/refit.ts) and
 * judged on this one, beside the built-in row and uniform weights. Then prints the row fitted on every
 * source of the type (the candidate for src/router/routing-table.ts). Reads the ladder evidence that
 * bench/routing/run.ts writes (routing-ladders.json; several files are pooled).
 *
 * Second, the rows that actually apply: the router often calls a rung something other than its true
 * type, so every row except natural-camera's (fitted by calibration on camera footage) is refitted at
 * once on all OTHER sources' clips and judged on the held-out source, for each source in turn.
 *
 *   npx tsx bench/routing/fit.ts bench/out/routing-ladders.json [more.json]
 */
import { readFileSync } from 'node:fs';
import type { ContentType } from '../../src/router/types.ts';
import { ladderSpearman } from '../real/ladders.ts';
import { builtinTable, refitRow, refitRows, routedScore, tableSpearman, type Table } from './refit.ts';
import type { LadderRow } from './summary.ts';

type Clip = LadderRow & { contentType: string };

const files = process.argv.slice(2);
if (!files.length) throw new Error('usage: npx tsx bench/routing/fit.ts <routing-ladders.json> [...]');
const clips = files.flatMap((f) => JSON.parse(readFileSync(f, 'utf8')) as Clip[]);
const builtin = builtinTable();

// The offline fusion must give the engine's routed score under the built-in table.
const gap = Math.max(...clips.map((c) => Math.abs(routedScore(c, builtin) - c.routed)));
console.log(`fit: ${clips.length} ladder clips; largest |offline − engine| routed score under the built-in table: ${gap.toFixed(2)}`);

const sp = (cs: Clip[], pick: (c: Clip) => number) => ladderSpearman(cs.map((c) => ({ ...c, score: pick(c) }))).mean;
for (const type of [...new Set(clips.map((c) => c.contentType))]) {
  const own = clips.filter((c) => c.contentType === type);
  const sources = [...new Set(own.map((c) => c.source))];
  const routedAs = [...new Set(own.map((c) => c.routedAs))].map((t) => `${t} ${own.filter((c) => c.routedAs === t).length}`).join(', ');
  console.log(`fit: ${type}: ${own.length} clips from ${sources.join(', ')} (routed as ${routedAs})`);
  const held: { routed: number; uniform: number; refit: number }[] = [];
  for (const s of sources) {
    const test = own.filter((c) => c.source === s);
    const train = own.filter((c) => c.source !== s);
    if (!train.length) continue;
    const table = builtinTable();
    table[type as ContentType] = refitRow(train, type as ContentType, builtin);
    const r = { routed: sp(test, (c) => c.routed), uniform: sp(test, (c) => c.uniform), refit: tableSpearman(test, table) };
    held.push(r);
    console.log(`fit:   held out ${s.padEnd(10)} routed ${r.routed.toFixed(3)} uniform ${r.uniform.toFixed(3)} refit on ${sources.filter((x) => x !== s).join(',')} ${r.refit.toFixed(3)}  row ${JSON.stringify(table[type as ContentType])}`);
  }
  if (held.length) {
    const m = (k: keyof (typeof held)[number]) => (held.reduce((a, h) => a + h[k], 0) / held.length).toFixed(3);
    console.log(`fit:   leave-one-source-out mean: routed ${m('routed')} uniform ${m('uniform')} refit ${m('refit')}`);
  }
  const all = refitRow(own, type as ContentType, builtin);
  console.log(`fit:   row fitted on all ${sources.length} sources: ${JSON.stringify(all)} (built-in ${JSON.stringify(builtin[type as ContentType])})`);
}

// Every non-camera row at once, leave one source out over all sources.
const rows = (['screen-content', 'animation', 'gameplay', 'ai-generated', 'still-slideshow', 'low-light'] as ContentType[]).filter((t) => clips.some((c) => c.routedAs === t));
const perType = new Map<string, { routed: number; uniform: number; refit: number; n: number }>();
const fitted: Table[] = [];
for (const s of [...new Set(clips.map((c) => c.source))]) {
  const test = clips.filter((c) => c.source === s);
  const table = refitRows(clips.filter((c) => c.source !== s), rows, builtin);
  fitted.push(table);
  const r = { routed: sp(test, (c) => c.routed), uniform: sp(test, (c) => c.uniform), refit: tableSpearman(test, table) };
  const changed = rows.filter((t) => JSON.stringify(table[t]) !== JSON.stringify(builtin[t])).map((t) => `${t} ${JSON.stringify(table[t])}`);
  console.log(`fit: all rows, held out ${s.padEnd(10)} (${test[0]!.contentType}) routed ${r.routed.toFixed(3)} uniform ${r.uniform.toFixed(3)} refit ${r.refit.toFixed(3)}; rows changed: ${changed.join('; ') || 'none'}`);
  const acc = perType.get(test[0]!.contentType) ?? { routed: 0, uniform: 0, refit: 0, n: 0 };
  acc.routed += r.routed * test.length;
  acc.uniform += r.uniform * test.length;
  acc.refit += r.refit * test.length;
  acc.n += test.length;
  perType.set(test[0]!.contentType, acc);
}
for (const [t, a] of perType) console.log(`fit: all rows, leave one source out, ${t.padEnd(15)} routed ${(a.routed / a.n).toFixed(3)} uniform ${(a.uniform / a.n).toFixed(3)} refit ${(a.refit / a.n).toFixed(3)} (clip-weighted over held-out sources)`);
const final = refitRows(clips, rows, builtin);
for (const t of rows) if (JSON.stringify(final[t]) !== JSON.stringify(builtin[t])) console.log(`fit: all rows fitted on every source: ${t} ${JSON.stringify(final[t])} (built-in ${JSON.stringify(builtin[t])})`);

// A confidence gate (a router matter, measured here): below the threshold the clip gets the
// natural-camera row. The threshold is chosen on the other sources and judged on the held-out one.
if (clips.every((c) => c.confidence !== undefined)) {
  const gated = (cs: Clip[], th: number) => ladderSpearman(cs.map((c) => ({ ...c, score: routedScore(c.confidence! < th ? { ...c, routedAs: 'natural-camera' } : c, builtin) }))).mean;
  const GATES = [0, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6];
  const acc = new Map<string, { gated: number; routed: number; n: number; th: number[] }>();
  for (const s of [...new Set(clips.map((c) => c.source))]) {
    const train = clips.filter((c) => c.source !== s);
    const test = clips.filter((c) => c.source === s);
    // Ties keep the lowest threshold (the least change).
    const th = GATES.reduce((b, t) => (gated(train, t) > gated(train, b) + 1e-9 ? t : b), 0);
    const a = acc.get(test[0]!.contentType) ?? { gated: 0, routed: 0, n: 0, th: [] };
    a.gated += gated(test, th) * test.length;
    a.routed += sp(test, (c) => c.routed) * test.length;
    a.n += test.length;
    a.th.push(th);
    acc.set(test[0]!.contentType, a);
  }
  for (const [t, a] of acc) console.log(`fit: confidence gate, leave one source out, ${t.padEnd(15)} routed ${(a.routed / a.n).toFixed(3)} gated ${(a.gated / a.n).toFixed(3)} (thresholds chosen ${a.th.join(', ')})`);
}
