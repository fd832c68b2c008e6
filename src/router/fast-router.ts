/**
 * The built-in fast router: weights from expert metadata, adjusted by what the evidence says about
 * the content. Artifact detectors carry full weight; learned no-reference models half; aesthetic
 * measures (no artifact type) a quarter. Content that makes an artifact expert's signal intentional
 * (a still image shown as video, a night scene) lowers that expert's weight, and the rationale says so.
 */
import type { ArtifactType, ReportRoute } from '../report/types.ts';
import { baseWeight } from '../fusion/weights.ts';
import type { Router, RouterEvidence } from './types.ts';

const STILL_ARTIFACTS: ArtifactType[] = ['freeze', 'stutter'];


function flagged(evidence: RouterEvidence[], type: ArtifactType): number {
  const e = evidence.find((x) => x.meta.artifact === type);
  return e ? e.flaggedFraction : 0;
}

/** Classifies the content from the evidence; exported for tests. */
export function contentTypeOf(evidence: RouterEvidence[]): { contentType: string; reason: string } {
  if (flagged(evidence, 'freeze') > 0.8) {
    return { contentType: 'still-or-slideshow', reason: 'almost every frame repeats the previous one, so repeats are content, not a fault' };
  }
  if (flagged(evidence, 'underexposure') > 0.6 && flagged(evidence, 'overexposure') < 0.2) {
    return { contentType: 'low-light', reason: 'the scene is dark throughout, so dark areas weigh less than in daylight footage' };
  }
  return { contentType: 'natural-camera', reason: 'no content cue overrides the default weights' };
}

/** The fast router. */
export class FastRouter implements Router {
  readonly kind = 'fast' as const;

  async route(evidence: RouterEvidence[]): Promise<ReportRoute> {
    const { contentType, reason } = contentTypeOf(evidence);
    const experts = evidence.map((e) => {
      let weight = baseWeight(e.meta);
      if (contentType === 'still-or-slideshow' && e.meta.artifact && STILL_ARTIFACTS.includes(e.meta.artifact)) weight = 0.05;
      if (contentType === 'low-light' && e.meta.artifact === 'underexposure') weight = 0.3;
      if (!Number.isFinite(e.quality)) weight = 0;
      return { id: e.meta.id, weight: Math.round(weight * 100) / 100 };
    });
    const worst = evidence
      .filter((e) => Number.isFinite(e.quality))
      .sort((a, b) => a.quality - b.quality)
      .slice(0, 2)
      .map((e) => `${e.meta.label.toLowerCase()} ${Math.round(e.quality)}`);
    const rationale = `Content looks like ${contentType.replace(/-/g, ' ')}: ${reason}. Weights are fitted on the calibration ladders where they cover an expert, from its kind otherwise.${worst.length ? ` Weakest: ${worst.join(', ')}.` : ''}`;
    return { router: 'fast', contentType, experts, rationale };
  }
}
