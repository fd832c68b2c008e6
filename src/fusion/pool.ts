/**
 * How the score pools one expert's frames into its video-level value. An expert's own rule (`pool` in
 * its metadata) is kept except for the median of the analysis frames, which the score takes as their
 * mean: the analysis frames are a sample of the video (4 to 6 at the glance tier, 12 at assess, 32 at
 * inspect), and where a video has two parts (sharp shots and soft ones, a still page and a scrolling
 * one) a sample median jumps from one part's value to the other's as the share in the sample crosses
 * one half, so two tiers that sampled the same video a little differently disagree by the whole
 * difference between the parts. The mean moves with the share instead, and each frame counts within the
 * expert's useful range, so one frame that reads off the scale (a cut, a transition) moves it by no
 * more than its share. On the 63 clean real clips (stored reports re-fused with the current stages,
 * `bench/real/rescore.ts`), the largest score gap between tiers 0, 1 and 2 was 10.8 points with the
 * median and 9.0 with the clamped mean (median gap 1.1 and 0.9). The evidence is not one-sided:
 * re-fusing each clip's 32 inspect-tier frames from evenly spaced subsamples (`--subsample`), the
 * largest move from the full score at 12 frames was 3.7 (median) and 2.9 (mean), but at 6 frames 5.8
 * and 10.2, where one cut frame on which NIQE reads off its scale weighs a sixth of the mean; at 3
 * frames 18.3 and 25.3: three frames are too few for either.
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
