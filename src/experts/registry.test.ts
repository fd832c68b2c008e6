import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueSource } from '../../scripts/gen-expert-list.ts';
import { EXPERTS } from './registry.ts';

describe('expert registry', () => {
  it('is generated from the expert folders present now (run `npm run models` after adding one)', () => {
    const committed = readFileSync(join(import.meta.dirname, 'catalogue.generated.ts'), 'utf8');
    expect(committed).toBe(catalogueSource());
  });

  it('lists each expert once, with its folder name as id', () => {
    const ids = EXPERTS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(15);
  });
});
