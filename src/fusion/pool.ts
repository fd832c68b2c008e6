/**
 * How the score pools one expert's frames into its video-level value. An expert's own rule (`pool` in
 * its metadata) is kept except for the median of the analysis frames, which the score takes as their
 * mean: the analysis frames are a sample of the video (4 to 6 at the glance tier, 12 at assess, 32 at
 * inspect), and where a video has two parts (sharp shots and soft ones, a still page and a scrolling
 * one) a sample median jumps from one part's value to the other's as the share in the sample crosses
 * one half, so two tiers that sampled the same video a little differently disagree by the whole
 * difference between the parts. The mean moves with the share instead, and each frame counts within the
 * expert's useful range, so one frame that reads off the scale (a cut, a transition) moves it by no
 * more than its share. Measured on the tier-2 reports of the 63 clean real clips, re-fused from evenly
 * spaced subsamples at every phase (`bench/real/rescore.ts --subsample`), the largest move from the
 * 32-frame score: 8.5 points with the median, 4.3 with the clamped mean at 6 frames; 6.3 and 2.0 at 12
 * frames; 15.2 and 12.2 at 3 frames (too few for either).
 */
import type { ExpertMeta, Pooling } from '../experts/types.ts';

/** The pooling rule the score applies to an expert's frames. */
export function scorePooling(meta: Pick<ExpertMeta, 'pool' | 'inputs'>): Pooling {
  return meta.pool === 'median' && meta.inputs.stream === 'analysis' ? 'mean' : meta.pool;
}

/** Pools finite values by a rule (NaN when there are none). */
export function poolValues(values: readonly number[], rule: Pooling): number {
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length === 0) return Number.NaN;
  if (rule === 'mean') return v.reduce((s, x) => s + x, 0) / v.length;
  const sorted = [...v].sort((a, b) => a - b);
  const q = (p: number) => {
    const pos = p * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  };
  switch (rule) {
    case 'median':
      return q(0.5);
    case 'p90':
      return q(0.9);
    case 'p10':
      return q(0.1);
    case 'max':
      return sorted[sorted.length - 1]!;
    case 'min':
      return sorted[0]!;
  }
}

/** The video-level value the score uses for an expert's frame values. */
export function scoreValue(meta: Pick<ExpertMeta, 'pool' | 'inputs' | 'range'>, values: readonly number[]): number {
  const rule = scorePooling(meta);
  if (rule !== 'mean' || meta.pool === 'mean') return poolValues(values, rule);
  // Each frame counts within the expert's useful range (a frame past its worst end, a cut or a
  // transition that reads off the scale, counts as the worst end): one frame moves the mean by at
  // most its share of the range.
  const lo = Math.min(...meta.range);
  const hi = Math.max(...meta.range);
  return poolValues(values.map((v) => Math.min(hi, Math.max(lo, v))), 'mean');
}
