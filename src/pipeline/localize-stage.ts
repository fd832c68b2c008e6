/**
 * The localize stage: per-frame flags and per-patch maps of every expert become artifact events, each
 * joined over the gaps its stream can leave (every frame for temporal experts, the analysis interval
 * for spatial ones), sorted by time. The route decides which events can be trusted: an expert the route
 * weighed down for this content (white pages on a screen, held cels in animation) raises no events,
 * and an event's confidence carries the expert's weight.
 */
import { localizeEvents } from '../localize/localize.ts';
import type { ReportArtifact } from '../report/types.ts';
import type { ExpertResults } from './expert-results.ts';
import type { TrackFrame } from './luma-track.ts';

/** Below this route trust an expert's flags are taken as content, not defects. */
export const MIN_EVENT_TRUST = 0.3;

/**
 * Events of a run. `fps` and the analysis gap set how far apart flagged frames may be and still join;
 * `trustOf` is the route's trust per expert id (`PlannedRouteExpert.trust`; every expert fully trusted when omitted);
 * `track`, the temporal stream's luma track, adds exposure that changes over time.
 */
export function localizeStage(results: ExpertResults[], fps: number, analysisGap: number, trustOf?: ReadonlyMap<string, number>, track?: readonly TrackFrame[]): ReportArtifact[] {
  const weight = (id: string) => (trustOf ? (trustOf.get(id) ?? 0) : 1);
  // One cause, one event (src/localize/one-cause.ts): weighed-down experts report nothing, yet still explain.
  return localizeEvents(results, fps, analysisGap, {
    reportable: (id) => weight(id) >= MIN_EVENT_TRUST,
    confidenceScale: (id) => 0.5 + 0.5 * Math.min(1, weight(id)),
    track,
  });
}
