/**
 * How per-frame flags of the every-frame (temporal) stream become events, per artifact type: how far
 * apart flagged frames may be and still make one event, how many flagged frames and how long an event
 * needs, and how far a detector's marks lag the defect's start. Keyed by artifact type (the report's
 * vocabulary), never by expert: any expert that reports a type gets that type's rules.
 */
import type { ArtifactType } from '../report/types.ts';

/** Event rules of one artifact type on the temporal stream. */
export interface EventRule {
  /** Flagged frames at most this far apart (seconds) belong to one event. */
  joinGapS: number;
  /** Fewest strongly flagged frames an event needs. */
  minMarks: number;
  /** Shortest event (seconds, from its first to past its last frame). */
  minDurationS: number;
  /** Frames the detector's first mark lags the defect (the event starts this many frames earlier). */
  leadFrames: number;
  /**
   * Hysteresis: once an event is open, frames stay in it while their raw value is beyond a lower bar,
   * this fraction of the way from the threshold back to the good end of the expert's range.
   */
  hysteresis: number;
  /**
   * An event that starts on the clip's first frame and is shorter than this (seconds) is the
   * clip's opening (a title or fade-in on black), not a defect. Omitted: no such exemption.
   */
  openingS?: number;
}

/** Rules for types without their own entry: adjacent frames join, any flagged frame is an event. */
export const DEFAULT_RULE: EventRule = { joinGapS: 0, minMarks: 1, minDurationS: 0, leadFrames: 0, hysteresis: 0 };

/**
 * Per-type rules. A freeze is one held picture: the expert marks a frame once the picture has been
 * held for four frames, so the event starts three frames earlier; one hold is continuous (a break of
 * up to two frames, an encoder refresh, is bridged), and lone holds under 0.4 s are not freezes
 * (held ones in a rhythm are stutter, see one-cause.ts). Stutter and flicker are rhythms: a lone doubled frame, timestamp gap or flash is
 * not an event; three marks close together are.
 *
 * Black: a black picture must last 0.2 s (five frames at 25 fps) mid-clip; one or two black frames
 * are what a dark terminal or a cut through black shows, and the detector cannot tell them from a
 * dropout. A clip that opens on black for less than 2 s (ffmpeg blackdetect's default minimum,
 * `d=2`) starts on a title card or a fade-in: content. Longer openings, and black after the start,
 * are reported.
 */
export const EVENT_RULES: Partial<Record<ArtifactType, EventRule>> = {
  freeze: { joinGapS: 0.07, minMarks: 1, minDurationS: 0.4, leadFrames: 3, hysteresis: 0.5 },
  stutter: { joinGapS: 0.5, minMarks: 3, minDurationS: 0.2, leadFrames: 0, hysteresis: 0 },
  flicker: { joinGapS: 0.35, minMarks: 3, minDurationS: 0.2, leadFrames: 1, hysteresis: 0.5 },
  black: { joinGapS: 0.1, minMarks: 1, minDurationS: 0.2, leadFrames: 0, hysteresis: 0.3, openingS: 2 },
};

/** The rule of a type (its own, or the default). */
export function ruleOf(type: ArtifactType): EventRule {
  return EVENT_RULES[type] ?? DEFAULT_RULE;
}

/** Evidence an analysis-frame (spatial) expert's flagged frame must show to count, per artifact type. */
export interface SpatialRule {
  /**
   * Least spread of the frame's per-patch map (largest patch minus smallest, as a fraction of the
   * expert's useful range) for a flagged frame to count: the artifact must stand out somewhere.
   */
  minPatchSpread?: number;
  /**
   * Fewest rows the expert's input must have (patch rows × patch side) for its flags to count.
   * Frames without a map, or without a patch grid, are kept.
   */
  minRows?: number;
  /** Share of the frames inside an event's span that must be flagged; omitted: SPATIAL_MIN_SHARE (localize.ts). */
  minShare?: number;
  /**
   * Frames inside a step of the map over part of the frame count as flagged beside those whose frame
   * reading is past the threshold (regional-steps.ts).
   */
  regionalSteps?: boolean;
}

/**
 * Interlaced video weaves two fields into frames of 480 lines or more (480i, 576i, 1080i); frames of
 * fewer than 288 rows (half of 576, the height of one PAL field) come from progressive formats: CIF
 * and QVGA captures, GIFs, 240p game consoles. Kept at source rows (the interlacing expert reads
 * unresampled rows), such a frame cannot carry woven fields, so its alternating lines are content: a
 * static GIF dither (a 256-row portrait) or sprite art drawn in single scan lines (a 210-row Atari
 * game's tyre treads). Those were the only interlacing events on the clean real clips; the injected
 * interlaced clips have 360 rows.
 */
export const INTERLACED_MIN_ROWS = 288;

/**
 * Per-type evidence of spatial experts. Overexposure is highlights clipped flat, and clipped
 * plateaus are local (the bright parts of the scene). A flagged frame whose every patch reads the
 * same has no plateau anywhere: only its shadows are raised (haze, fog, a low-contrast grade over a
 * pale sky), which is the scene, not a fault. On the clean real clips a hazy sky read 0.53-0.66 with
 * all patches equal; every injected overexposure frame had patches 0.5 or more apart.
 */
export const SPATIAL_RULES: Partial<Record<ArtifactType, SpatialRule>> = {
  overexposure: { minPatchSpread: 0.1 },
  // Combing shows on the frames where something moves, so an interlaced clip flags some of its
  // frames and not others (the injected cartoon: 7 of 11 frames at the inspect tier).
  interlacing: { minRows: INTERLACED_MIN_ROWS, minShare: 0 },
  // A codec's blocks over part of the frame (a region coded apart, an object the encoder starved)
  // read as a fraction of their strength in the frame reading.
  blocking: { regionalSteps: true },
};
