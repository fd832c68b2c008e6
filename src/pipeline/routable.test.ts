import { describe, expect, it } from 'vitest';
import { EXPERTS } from '../experts/registry.ts';
import { baseWeight } from '../fusion/weights.ts';
import { minWeightFor } from '../router/fast-router.ts';
import { expectedFactor } from '../router/routing-table.ts';
import { CONTENT_TYPES, type ContentType } from '../router/types.ts';
import { seededRandom } from '../util/seeded-random.ts';
import { routableExperts } from './routable.ts';

describe('routableExperts', () => {
  const routable = new Set(routableExperts(EXPERTS).map((m) => m.id));

  it('holds every expert the fast router can weigh above its floor, for any mix of content types', () => {
    const random = seededRandom(7);
    for (let k = 0; k < 2000; k++) {
      const scores: Partial<Record<ContentType, number>> = {};
      for (const t of CONTENT_TYPES) scores[t] = random() < 0.5 ? 0 : random();
      // The classifier's probabilities always hold some mass.
      scores[CONTENT_TYPES[k % CONTENT_TYPES.length]!] = 0.05 + random();
      const top = CONTENT_TYPES.reduce((a, b) => ((scores[b] ?? 0) > (scores[a] ?? 0) ? b : a));
      for (const meta of EXPERTS) {
        const weight = Math.round(Math.min(1, baseWeight(meta, top) * expectedFactor(scores, meta)) * 100) / 100;
        if (weight >= minWeightFor(meta)) expect(routable.has(meta.id), `${meta.id} under ${top}`).toBe(true);
      }
    }
  });

  it('leaves out the content measures, which no route runs, and puts the score-only models first', () => {
    expect(routable.has('colourfulness')).toBe(false);
    expect(routable.has('contrast')).toBe(false);
    const order = routableExperts(EXPERTS);
    const firstArtifact = order.findIndex((m) => !!m.artifact);
    expect(firstArtifact).toBeGreaterThan(0);
    expect(order.slice(firstArtifact).every((m) => !!m.artifact)).toBe(true);
    expect(order.slice(0, firstArtifact).map((m) => m.id)).toContain('niqe');
  });
});
