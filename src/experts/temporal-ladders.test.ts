import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLadders } from '../../bench/ladders/temporal-ladder.ts';

// The shared data folder lies beside the checkout.
const VIDEOS = resolve(import.meta.dirname, '../../../shared/data/videos');
const sources = ['cup.mp4', 'box.mp4'].map((f) => join(VIDEOS, f));
const available = sources.every((s) => existsSync(s));

// A short version of bench/ladders/temporal.ts: 2 s of each source, three severities per ladder,
// each expert on its own ladder.
// (The doubled-frame ladder needs motion, which the first 2 s of box.mp4 hardly have; the full
// bench covers it.)
const ladders = ['freeze', 'black', 'flicker', 'stutter', 'interlacing'];
describe.skipIf(!available)('temporal experts on real-clip ladders', () => {
  it('rise monotonically with their own distortion', async () => {
    const r = await runLadders({ sources, frames: 60, ownOnly: true, thin: true, distortions: ladders });
    for (const [d, cells] of Object.entries(r.cells)) {
      const own = cells[r.target[d]!]!;
      expect(own.spearman, `${d}: ${JSON.stringify(own.pooled)}`).toBeGreaterThanOrEqual(0.9);
    }
  }, 400_000);
});
