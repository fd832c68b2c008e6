/**
 * Quick severity-ladder regression test for the spatial experts: small photos, few levels, and each
 * expert must rank its own distortion (Spearman ≥ 0.9, mean over sources). The full ladders are
 * bench/ladders/spatial.ts. Skips when the shared photos are absent.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultCache, IMAGES, prepareSources, runLadders } from '../../bench/ladders/ladder-lib.ts';

const OWN: [string, string, number[]][] = [
  ['sharpness', 'blur', [0, 1, 2, 4]],
  ['blocking', 'crf075', [18, 36, 45, 51]],
  ['noise', 'noise', [0, 10, 20, 40]],
  ['banding', 'posterize', [256, 64, 32, 16]],
  ['overexposure', 'over', [1, 1.3, 1.75, 2.5]],
  ['underexposure', 'under', [1, 0.7, 0.4, 0.2]],
  ['contrast', 'contrast', [1, 0.6, 0.3]],
  ['colourfulness', 'desaturate', [1, 0.5, 0]],
];

const present = existsSync(IMAGES);

describe.skipIf(!present)('spatial experts on small severity ladders', () => {
  const cache = defaultCache('quick');
  const sources = present
    ? prepareSources(
        [
          { name: 'astronaut', file: 'astronaut.png' },
          { name: 'chelsea', file: 'chelsea.png' },
        ],
        320,
        cache,
      )
    : [];
  for (const [expert, distortion, levels] of OWN) {
    it(`${expert} ranks ${distortion}`, async () => {
      const [cell] = await runLadders({ experts: [expert], distortions: [distortion], sources, cache, levels: () => levels });
      expect(cell!.spearman, JSON.stringify(cell!.raw)).toBeGreaterThanOrEqual(0.9);
    });
  }
});
