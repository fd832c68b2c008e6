import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runLadders } from '../../bench/ladders/temporal-ladder.ts';

const sources = ['cup.mp4', 'box.mp4'].map((f) => `/work/shared/data/videos/${f}`);
const available = sources.every((s) => existsSync(s));

// A short version of bench/ladders/temporal.ts: 2 s of each source, each expert on its own ladder.
describe.skipIf(!available)('temporal experts on real-clip ladders', () => {
  it('rise monotonically with their own distortion', async () => {
    const r = await runLadders({ sources, frames: 60, ownOnly: true });
    for (const [id, cells] of Object.entries(r.cells)) {
      expect(cells[id]!.spearman, `${id}: ${JSON.stringify(cells[id]!.pooled)}`).toBeGreaterThanOrEqual(0.9);
    }
  }, 120_000);
});
