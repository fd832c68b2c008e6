/**
 * The expert registry: every `src/experts/<id>/meta.json`, through the generated catalogue (plain
 * imports, so it loads the same in the app, Node and the benchmark). Adding an expert means adding a
 * folder and running `npm run models`; nothing else changes.
 */
import { CATALOGUE } from './catalogue.generated.ts';
import type { ExpertMeta } from './types.ts';

/** All experts the project ships, sorted by id. */
export const EXPERTS: readonly ExpertMeta[] = [...CATALOGUE].sort((a, b) => a.id.localeCompare(b.id));

/** Looks an expert up by id. */
export function getExpert(id: string): ExpertMeta | undefined {
  return EXPERTS.find((e) => e.id === id);
}
