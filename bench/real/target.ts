/**
 * The full-reference target the fused score is fitted to and judged against (see bench/real/README.md
 * for why): VIF and SSIM against the pristine source, averaged, on a 0..100 scale.
 */

/** Full-reference measures of a clip against its source. */
export interface FullReference {
  ssim: number;
  vif: number;
}

/**
 * Target quality 0..100: the mean of VIF (clamped to 0..1; it exceeds 1 for contrast gains) and of
 * SSIM rescaled so 0.5 → 0 and 1 → 1 (below 0.5 SSIM the picture is unusable anyway).
 */
export function frTarget(c: FullReference): number {
  const vif = Math.min(1, Math.max(0, c.vif));
  const ssim = Math.min(1, Math.max(0, (c.ssim - 0.5) / 0.5));
  return 100 * (0.5 * vif + 0.5 * ssim);
}
