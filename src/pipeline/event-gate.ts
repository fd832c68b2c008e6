/**
 * What the score may count of the temporal artifact experts: only the frames inside that type's
 * reported events. A one-frame black flash on a dark terminal, a held slide or a screen capture that
 * repeats frames while nothing is redrawn are content, and the event rules already say so (minimum
 * durations, routing weights below the event threshold); the score follows the same judgement, so it
 * never falls for something the report does not show, and a tier that happens to see a brief flash
 * does not disagree with one that did not.
 */
import type { ArtifactType, ReportArtifact } from '../report/types.ts';
import { ExpertResults } from './expert-results.ts';

/** Artifact types whose experts count only inside their own events. */
export const EVENT_GATED: ReadonlySet<ArtifactType> = new Set<ArtifactType>(['black', 'freeze', 'stutter', 'flicker']);

/**
 * The results the score should see: gated experts get a copy whose frames outside their type's events
 * (with half a frame of slack) read the expert's best value; every other expert is passed through.
 */
export function gateByEvents(results: ExpertResults[], artifacts: readonly ReportArtifact[], fps: number): ExpertResults[] {
  const slack = 0.5 / Math.max(1, fps);
  return results.map((r) => {
    const type = r.meta.artifact;
    if (!type || !EVENT_GATED.has(type)) return r;
    const spans = artifacts.filter((a) => a.type === type);
    const best = r.meta.lowerIsBetter ? Math.min(...r.meta.range) : Math.max(...r.meta.range);
    const gated = new ExpertResults(r.meta);
    gated.ph = r.ph;
    gated.pw = r.pw;
    for (const f of r.frames) {
      const inside = spans.some((a) => f.tS >= a.startS - slack && f.tS <= a.endS + slack);
      gated.frames.push(inside || !Number.isFinite(f.raw) ? f : { tS: f.tS, raw: best });
    }
    return gated;
  });
}
