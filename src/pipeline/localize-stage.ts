/**
 * The localize stage: per-frame flags and per-patch maps of every expert become artifact events, each
 * joined over the gaps its stream can leave (every frame for temporal experts, the analysis interval
 * for spatial ones), sorted by time.
 */
import { eventsOf } from '../localize/events.ts';
import type { ReportArtifact } from '../report/types.ts';
import type { ExpertResults } from './expert-results.ts';

/** Events of a run. `fps` and the analysis gap set how far apart flagged frames may be and still join. */
export function localizeStage(results: ExpertResults[], fps: number, analysisGap: number): ReportArtifact[] {
  const frameDuration = fps > 0 ? 1 / fps : 0.04;
  return results
    .flatMap((res) =>
      res.meta.inputs.stream === 'temporal' ? eventsOf(res, 3 * frameDuration, frameDuration) : eventsOf(res, 1.5 * analysisGap, analysisGap / 2),
    )
    .sort((a, b) => a.startS - b.startS || a.type.localeCompare(b.type));
}
