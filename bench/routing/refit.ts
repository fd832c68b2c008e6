/**
 * Offline routing evaluation on the ladder evidence of bench/routing/run.ts: each ladder clip's
 * expert qualities (from the uniform run, where every expert runs) are fused again exactly as the
 * fuse stage does, under the content type the router gave the clip, with a routing table that may
 * differ from the built-in one. Lets a table row be refitted on some sources and judged on others.
 */
import { EXPERTS } from '../../src/experts/registry.ts';
import { fuse } from '../../src/fusion/fuse.ts';
import { baseWeight, tolerance } from '../../src/fusion/weights.ts';
import { routeFactor, TABLE, type Row } from '../../src/router/routing-table.ts';
import type { ContentType } from '../../src/router/types.ts';
import { ladderSpearman } from '../real/ladders.ts';
import type { LadderRow } from './summary.ts';

/** A routing table (content type → row). */
export type Table = Record<ContentType, Row>;

/** A copy of the built-in table. */
export function builtinTable(): Table {
  return Object.fromEntries(Object.entries(TABLE).map(([k, v]) => [k, { ...v }])) as Table;
}

/** The routed score of one ladder clip under `table` (weights rounded as the fast router rounds them). */
export function routedScore(clip: Pick<LadderRow, 'routedAs' | 'experts'>, table: Table): number {
  const ct = clip.routedAs as ContentType;
  const inputs = EXPERTS.filter((m) => clip.experts[m.id] !== undefined).map((m) => ({
    quality: clip.experts[m.id]!,
    weight: Math.round(Math.min(1, baseWeight(m, ct) * routeFactor(ct, m, table)) * 100) / 100,
    tolerance: tolerance(m.id, ct),
  }));
  const s = fuse(inputs);
  return Number.isFinite(s) ? s : 0;
}

/** Mean ladder Spearman of `clips` under `table`. */
export function tableSpearman(clips: LadderRow[], table: Table): number {
  return clips.length ? ladderSpearman(clips.map((c) => ({ ...c, score: routedScore(c, table) }))).mean : Number.NaN;
}

/** Keys a row may set: every artifact type an expert measures, natural-scene models, content measures. */
export function rowKeys(): (keyof Row)[] {
  const keys = new Set<keyof Row>(['natural-scene', 'content-measure']);
  for (const m of EXPERTS) if (m.artifact) keys.add(m.artifact);
  return [...keys];
}

const GRID = [0, 0.1, 0.25, 0.5, 1];

/**
 * Refits one content type's row on `clips` by coordinate ascent over a small grid of multipliers,
 * starting from the built-in row; a step is taken only when it raises the mean ladder Spearman by more
 * than `margin` (ties keep the built-in value, so a fit on little data moves as little as it can).
 */
export function refitRow(clips: LadderRow[], type: ContentType, start: Table, margin = 0.01): Row {
  const table = { ...start, [type]: { ...start[type] } } as Table;
  let best = tableSpearman(clips, table);
  for (let pass = 0; pass < 3; pass++) {
    let moved = false;
    for (const key of rowKeys()) {
      let chosen = table[type][key];
      for (const v of GRID) {
        table[type][key] = v;
        const s = tableSpearman(clips, table);
        if (s > best + margin) {
          best = s;
          chosen = v;
          moved = true;
        }
      }
      if (chosen === undefined) delete table[type][key];
      else table[type][key] = chosen;
    }
    if (!moved) break;
  }
  return table[type];
}

/**
 * Refits several rows together on `clips` (the objective is the mean Spearman over all their ladders),
 * each row in turn as `refitRow` does, until none moves.
 */
export function refitRows(clips: LadderRow[], types: ContentType[], start: Table, margin = 0.01): Table {
  let table = { ...start };
  for (let round = 0; round < 3; round++) {
    const before = JSON.stringify(table);
    for (const t of types) table = { ...table, [t]: refitRow(clips, t, table, margin) };
    if (JSON.stringify(table) === before) break;
  }
  return table;
}
