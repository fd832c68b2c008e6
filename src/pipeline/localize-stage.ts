/**
 * The localize stage: per-frame flags and per-patch maps of every expert become artifact events, each
 * joined over the gaps its stream can leave (every frame for temporal experts, the analysis interval
 * for spatial ones), sorted by time. The route decides which events can be trusted: an expert the route
 * weighed down for this content (white pages on a screen, held cels in animation) raises no events,
 * and an event's confidence carries the expert's weight.
 */
import { eventsOf } from '../localize/events.ts';
import type { ReportArtifact } from '../report/types.ts';
import type { ExpertResults } from './expert-results.ts';

/** Below this route weight an expert's flags are taken as content, not defects. */
export const MIN_EVENT_WEIGHT = 0.3;

/** Events of a run. `fps` and the analysis gap set how far apart flagged frames may be and still join. */
export function localizeStage(results: ExpertResults[], fps: number, analysisGap: number, weightOf?: ReadonlyMap<string, number>): ReportArtifact[] {
  const frameDuration = fps > 0 ? 1 / fps : 0.04;
  const weight = (id: string) => (weightOf ? (weightOf.get(id) ?? 0) : 1);
  return results
    .filter((res) => weight(res.meta.id) >= MIN_EVENT_WEIGHT)
    .flatMap((res) => {
      const events = res.meta.inputs.stream === 'temporal' ? eventsOf(res, 3 * frameDuration, frameDuration) : eventsOf(res, 1.5 * analysisGap, analysisGap / 2);
      const w = Math.min(1, weight(res.meta.id));
      return events.map((e) => ({ ...e, confidence: Math.round(e.confidence * (0.5 + 0.5 * w) * 1000) / 1000 }));
    })
    .sort((a, b) => a.startS - b.startS || a.type.localeCompare(b.type));
}
