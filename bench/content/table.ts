/**
 * The feature table of the dataset: every labelled clip probed (cached) and turned into the
 * classifier's feature vector by the shipped feature code. Clips that cannot be decoded are listed
 * and left out.
 */
import { contentFeatures, FEATURE_NAMES, keyframeStats } from '../../src/router/content/features.ts';
import { sceneLuma } from '../../src/router/content/scene-luma.ts';
import { loadDataset, type LabelledClip } from './dataset.ts';
import { probeClip } from './probe-cache.ts';

/** One row: a clip, its features and the light its scene was shot in (what the low-light stage decides on). */
export interface FeatureRow {
  clip: LabelledClip;
  x: Float64Array;
  sceneLuma: number;
}

/** Probes every clip (reusing the cache) and returns the rows, printing progress on stderr. */
export async function featureTable(): Promise<{ names: readonly string[]; rows: FeatureRow[]; skipped: string[] }> {
  const clips = loadDataset();
  const rows: FeatureRow[] = [];
  const skipped: string[] = [];
  for (const [i, clip] of clips.entries()) {
    try {
      const ctx = await probeClip(clip.path, clip.name);
      rows.push({ clip, x: contentFeatures(ctx), sceneLuma: sceneLuma(keyframeStats(ctx.probe.keyframes)) });
    } catch (err) {
      skipped.push(`${clip.name}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
    }
    process.stderr.write(`\rcontent: probed ${i + 1}/${clips.length}`);
  }
  process.stderr.write('\n');
  return { names: FEATURE_NAMES, rows, skipped };
}
