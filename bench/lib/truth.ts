/** Ground truth of the localization clips, shared by the generator and the scorers. */
import type { ArtifactType, Region } from '../../src/report/types.ts';

/** One inserted artifact: its type, time span (seconds, end exclusive) and region (omitted = whole frame). */
export interface TruthEvent {
  type: ArtifactType;
  startS: number;
  endS: number;
  region?: Region;
}

/** A localization clip and what was inserted into it. */
export interface TruthClip {
  /** File name in bench/clips/loc/. */
  file: string;
  durationS: number;
  width: number;
  height: number;
  /** True for a clip with nothing inserted (false-alarm measurement). */
  clean: boolean;
  events: TruthEvent[];
  /** How the artifact was made, for the record. */
  recipe: string;
}
