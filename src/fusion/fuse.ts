/**
 * Fusion: expert qualities (0..100) and router weights (0..1, importance) into one score.
 *
 * Each expert contributes a defect d = (100 - q) / 100; the part of it below the expert's tolerance τ
 * (what pristine content already shows on that scale) counts only by a small share ε,
 * d' = (1 - ε)·max(0, d - τ) / (1 - τ) + ε·d (d read through the expert's response curve first, see
 * `curve` in weights.ts), and d' is scaled by the weight; defects combine like independent impairments, D = 1 - Π(1 - w·d'). One severe artifact therefore pulls the score down on
 * its own (a blurred clip is poor even when nothing else is wrong), while several mild ones add up;
 * an expert with weight 0 has no say.
 */
import type { QualityLabel } from '../report/types.ts';

/**
 * The share ε of a defect that counts even within the tolerance. With none, every step of a mild
 * distortion that stays within tolerance scored the same as the pristine clip (compressed noise at
 * σ 4, 8 and 12 all read 97 on a camera source), though the expert's reading rose with each; with a
 * small share the score still falls with every step of the same content, while content-driven
 * readings cost a pristine clip a few points at most. Chosen on the four camera sources of the
 * real-footage ladders (bench/real/; ladder Spearman 0.964 at 0, 0.969 at 0.05, 0.980 at 0.1 and
 * 0.15; pristine lowest 90.8, 89.9, 89.1, 88.2); on the seven other sources, held out, 0.889 → 0.913
 * at 0.1.
 */
export const WITHIN_TOLERANCE_SHARE = 0.1;

/** One expert's input to fusion. */
export interface FusionInput {
  quality: number;
  weight: number;
  /** Defect (0..1) tolerated before it counts; 0 when omitted. */
  tolerance?: number;
  /** Response curve: the defect d is read as d^curve before the tolerance (1, linear, when omitted). */
  curve?: number;
}

/** Fuses qualities into 0..100 (NaN qualities are skipped). */
export function fuse(inputs: FusionInput[]): number {
  let keep = 1;
  let any = false;
  for (const { quality, weight, tolerance = 0, curve = 1 } of inputs) {
    if (!Number.isFinite(quality) || weight <= 0) continue;
    any = true;
    const d = Math.min(1, Math.max(0, (100 - quality) / 100)) ** (curve > 0 ? curve : 1);
    const tau = Math.min(0.95, Math.max(0, tolerance));
    const counted = (1 - WITHIN_TOLERANCE_SHARE) * (Math.max(0, d - tau) / (1 - tau)) + WITHIN_TOLERANCE_SHARE * d;
    keep *= 1 - Math.min(1, weight) * counted;
  }
  return any ? 100 * keep : Number.NaN;
}

/** The label of a 0..100 score. */
export function labelOf(score: number): QualityLabel {
  if (score >= 80) return 'excellent';
  if (score >= 60) return 'good';
  if (score >= 40) return 'fair';
  if (score >= 20) return 'poor';
  return 'bad';
}
