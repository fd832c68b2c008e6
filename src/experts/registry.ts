/**
 * The expert registry: collects every `src/experts/<id>/meta.json`. Adding an expert means adding a
 * folder; nothing else changes.
 */
import type { ExpertMeta } from './types.ts';

const metas = import.meta.glob<ExpertMeta>('./*/meta.json', { eager: true, import: 'default' });

/** All experts the project ships, sorted by id. */
export const EXPERTS: readonly ExpertMeta[] = Object.values(metas).sort((a, b) => a.id.localeCompare(b.id));

/** Looks an expert up by id. */
export function getExpert(id: string): ExpertMeta | undefined {
  return EXPERTS.find((e) => e.id === id);
}
