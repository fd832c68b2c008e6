/**
 * A few plain rules on the probe's evidence that name the content type when the fitted classifier
 * (`src/router/content/`) is not available: held pictures, a dark scene, or the default.
 */
import type { ContentType, RouteContext } from './types.ts';

/** A content classification with its confidence and reasons. */
export interface ContentClassification {
  contentType: ContentType;
  confidence: number;
  reasons: string[];
}

/** Classifies from the probe's motion and exposure evidence. */
export function classifyByRules(ctx: RouteContext): ContentClassification {
  const { adjacentDiffs, distantDiffs } = ctx.probe.motion;
  const still = adjacentDiffs.length > 0 && adjacentDiffs.filter((d) => d < 0.2).length >= 0.8 * adjacentDiffs.length;
  if (still && distantDiffs.some((d) => d > 2)) return { contentType: 'still-slideshow', confidence: 0.6, reasons: ['adjacent frames repeat while distant ones differ'] };
  const dark = ctx.probe.keyframes.map(meanLuma);
  if (dark.length && dark.every((m) => m < 50)) return { contentType: 'low-light', confidence: 0.6, reasons: ['every keyframe is dark'] };
  return { contentType: 'natural-camera', confidence: 0.4, reasons: ['no rule matched'] };
}

function meanLuma(k: { rgb: Uint8Array }): number {
  let s = 0;
  for (let i = 0; i < k.rgb.length; i += 3) s += 0.299 * k.rgb[i]! + 0.587 * k.rgb[i + 1]! + 0.114 * k.rgb[i + 2]!;
  return s / Math.max(1, k.rgb.length / 3);
}
