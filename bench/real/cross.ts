/**
 * Cross-check of the two engine paths: a few clips analysed in Node (ffmpeg CLI decode, in-thread
 * executor) and in the built app in headless Chromium (WebCodecs, workers) must give the same scores.
 */
import { join } from 'node:path';
import type { Tier } from '../../src/report/types.ts';
import { analyzeCached, openEngine } from './engine.ts';
import { CLIPS, FOOTAGE } from './paths.ts';

/** One clip at one tier on both paths. */
export interface CrossRow {
  clip: string;
  tier: Tier;
  node: number;
  page: number;
  nodeEvents: string;
  pageEvents: string;
}

const CLIPS_CHECKED = [
  join(CLIPS, 'ladders', 'courtyard-pristine-0.mp4'),
  join(CLIPS, 'ladders', 'dashcam-crf-5.mp4'),
  join(CLIPS, 'ladders', 'coffee-blur-4.mp4'),
  join(CLIPS, 'injected', 'freeze-1-airplane.mp4'),
  join(FOOTAGE, 'animation_sintel_snow_480p.mp4'),
];

/** Runs the cross-check clips at tier 1 on both paths. */
export async function crossCheck(log = console.log): Promise<{ rows: CrossRow[]; maxScoreDiff: number; meanScoreDiff: number }> {
  const rows: CrossRow[] = [];
  const node = await openEngine('node');
  const page = await openEngine('page');
  const ev = (r?: { artifacts: { type: string }[] }) => (r ? r.artifacts.map((a) => a.type).sort().join(',') : 'failed');
  try {
    for (const clip of CLIPS_CHECKED) {
      for (const tier of [1] as Tier[]) {
        const a = await analyzeCached(node, clip, tier);
        const b = await analyzeCached(page, clip, tier);
        const row = { clip: clip.split('/').pop()!, tier, node: a.report?.score ?? Number.NaN, page: b.report?.score ?? Number.NaN, nodeEvents: ev(a.report), pageEvents: ev(b.report) };
        rows.push(row);
        log(`  cross t${tier} ${row.clip.padEnd(36)} node ${row.node}  page ${row.page}  events ${row.nodeEvents || '-'} | ${row.pageEvents || '-'}`);
      }
    }
  } finally {
    await node.close();
    await page.close();
  }
  const diffs = rows.map((r) => Math.abs(r.node - r.page)).filter(Number.isFinite);
  return { rows, maxScoreDiff: Math.max(...diffs), meanScoreDiff: diffs.reduce((s, d) => s + d, 0) / diffs.length };
}
