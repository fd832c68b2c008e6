/**
 * What the score may count of the artifact experts: only what the report's own judgement keeps.
 * Temporal artifact experts count only the frames inside that type's reported events. A one-frame
 * black flash on a dark terminal, a held slide or a screen capture that repeats frames while nothing
 * is redrawn are content, and the event rules already say so (minimum durations, routing weights
 * below the event threshold); the score follows the same judgement, so it never falls for something
 * the report does not show, and a tier that happens to see a brief flash does not disagree with one
 * that did not. Spatial artifact experts count only the frames that carry the evidence their type's
 * spatial rule asks for (`withEvidence`, src/localize/localize.ts): alternating lines in a frame too
 * short to hold two fields, a flat bright frame without a clipped plateau, are content there too.
 */
import { withEvidence } from '../localize/localize.ts';
import type { ArtifactType, ReportArtifact } from '../report/types.ts';
import { ExpertResults, type FrameResult } from './expert-results.ts';

/** Artifact types whose experts count only inside their own events. */
export const EVENT_GATED: ReadonlySet<ArtifactType> = new Set<ArtifactType>(['black', 'freeze', 'stutter', 'flicker']);

/**
 * The results the score should see: gated experts get a copy whose frames outside their type's events
 * (with half a frame of slack) read the expert's best value, spatial artifact experts one whose frames
 * without their rule's evidence read it; every other expert is passed through.
 */
export function gateByEvents(results: ExpertResults[], artifacts: readonly ReportArtifact[], fps: number): ExpertResults[] {
  const slack = 0.5 / Math.max(1, fps);
  return results.map((r) => {
    const type = r.meta.artifact;
    if (!type) return r;
    if (!EVENT_GATED.has(type)) {
      if (r.meta.inputs.stream === 'temporal') return r;
      const kept = new Set(withEvidence(r).frames);
      return kept.size === r.frames.length ? r : bestOutside(r, (f) => kept.has(f));
    }
    const spans = artifacts.filter((a) => a.type === type);
    return bestOutside(r, (f) => spans.some((a) => f.tS >= a.startS - slack && f.tS <= a.endS + slack));
  });
}

/** A copy of the results whose frames for which `counts` is false (and that have a value) read the expert's best value. */
function bestOutside(r: ExpertResults, counts: (f: FrameResult) => boolean): ExpertResults {
  const best = r.meta.lowerIsBetter ? Math.min(...r.meta.range) : Math.max(...r.meta.range);
  const gated = new ExpertResults(r.meta);
  gated.ph = r.ph;
  gated.pw = r.pw;
  for (const f of r.frames) gated.frames.push(counts(f) || !Number.isFinite(f.raw) ? f : { tS: f.tS, raw: best });
  return gated;
}
