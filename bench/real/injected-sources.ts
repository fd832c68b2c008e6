/**
 * Real sources of the injected set and the ladders: 6-s, 30-fps, 640x360 excerpts of clean footage
 * (timestamps relabelled to a regular 30 fps, so no frame is repeated or dropped), and slow pans over
 * a real photo. Each source belongs to half A or B, so anything tuned on one half is judged on the other.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Region } from '../../src/report/types.ts';
import { ffmpeg, X264 } from './ffmpeg.ts';
import { CLIPS, FOOTAGE, SHARED_DATA } from './paths.ts';

/** Output size and rate of every generated clip of the default set. */
export const W = 640;
export const H = 360;
export const FPS = 30;
export const FRAMES = 180;

/** Size, frame rate and length of a set of generated clips. */
export interface ClipFormat {
  width: number;
  height: number;
  fps: number;
  frames: number;
}

/** The default format (640x360, 30 fps, 6 s): every clip of bench/clips/real/{base,injected,ladders}. */
export const DEFAULT_FORMAT: ClipFormat = { width: W, height: H, fps: FPS, frames: FRAMES };

/** True for the default format. */
export const isDefaultFormat = (f: ClipFormat): boolean => f.width === W && f.height === H && f.fps === FPS && f.frames === FRAMES;

/** A 6-s format of the given size and rate. */
export const format6s = (width: number, height: number, fps: number): ClipFormat => ({ width, height, fps, frames: Math.round(6 * fps) });

/** Folder-name tag of a format, e.g. `720p25` for 1280x720 at 25 fps ('' for the default). */
export const formatTag = (f: ClipFormat): string => (isDefaultFormat(f) ? '' : `${f.height}p${f.fps}`);

/**
 * A pan's speed in another format: the pan is defined in pixels per frame (steady motion from frame
 * to frame is what the hard negatives test), scaled with the width so it crosses the same share of the
 * picture per frame, rounded to whole pixels (a fractional step would crop unevenly: a judder).
 */
export const panPxIn = (panPx: number, f: ClipFormat): number => Math.max(1, Math.round((panPx * f.width) / W));

/** A source clip for injection. */
export interface InjectSource {
  id: string;
  /** Footage file name, or a photo path under images/ for a pan. */
  file: string;
  /** Seconds skipped at the start of the footage. */
  startS: number;
  half: 'A' | 'B';
  /** A smooth area (sky, wall, floor, water) for banding, looked at on a frame. */
  smooth?: Region;
  /** Pixels per frame of a photo pan. */
  panPx?: number;
}

/** The sources; smooth areas were chosen by looking at a frame of each. */
export const INJECT_SOURCES: InjectSource[] = [
  { id: 'bbb', file: 'animation_bbb_meadow_720p_vp8.webm', startS: 0.5, half: 'A' },
  { id: 'courtyard', file: 'natural_courtyard_woman_dog_720p.mp4', startS: 0.5, half: 'A', smooth: { x: 0.6, y: 0.5, w: 0.4, h: 0.5 } },
  { id: 'mouse', file: 'natural_lab_mouse_openfield_gray_yuv444.mp4', startS: 0.5, half: 'A', smooth: { x: 0.1, y: 0.1, w: 0.8, h: 0.8 } },
  { id: 'airplane', file: 'natural_outdoor_airplane_field_handheld.mp4', startS: 0.5, half: 'A', smooth: { x: 0, y: 0, w: 1, h: 0.6 } },
  { id: 'juggling', file: 'natural_sports_ball_juggling_720p.mp4', startS: 0.5, half: 'A' },
  { id: 'city', file: 'natural_city_street_traffic_cyclists.mp4', startS: 0.5, half: 'B' },
  { id: 'dashcam', file: 'natural_dashcam_highway_day.mp4', startS: 0.5, half: 'B', smooth: { x: 0, y: 0, w: 0.7, h: 0.35 } },
  { id: 'aquarium', file: 'natural_lowlight_aquarium_crowd.mp4', startS: 0.5, half: 'B', smooth: { x: 0, y: 0.35, w: 1, h: 0.45 } },
  { id: 'coffee', file: 'natural_pouring_coffee_720p.mp4', startS: 0.5, half: 'B', smooth: { x: 0, y: 0.65, w: 1, h: 0.35 } },
  { id: 'pan', file: 'images/flower.png', startS: 0, half: 'B', panPx: 2 },
  { id: 'slowpan', file: 'images/flower.png', startS: 0, half: 'B', panPx: 1 },
];

/**
 * Non-camera sources for the mixed-content ladders only (not the injected set): screen recordings,
 * game captures, 2D animation and generated clips, two of each content type so a routing fit on one
 * can be judged on the other. The content type is the footage file's category prefix.
 */
export const MIXED_SOURCES: InjectSource[] = [
  { id: 'gumtable', file: 'screen_terminal_table_gum.mp4', startS: 5, half: 'A' },
  { id: 'neovide', file: 'screen_code_editor_floating_windows.mp4', startS: 1, half: 'B' },
  { id: 'doom', file: 'gaming_doom_vizdoom_4_scenarios.mp4', startS: 0.5, half: 'A' },
  { id: 'minerl', file: 'gaming_minecraft_minerl_viewer.mp4', startS: 0.5, half: 'B' },
  { id: 'anime', file: 'animation_anime_subtitled_480p.mp4', startS: 0.5, half: 'B' },
  { id: 'cogcar', file: 'aigc_cogvideox_car_dirt_road.mp4', startS: 0, half: 'A' },
  { id: 'cogkitten', file: 'aigc_cogvideox_kitten_lawn.mp4', startS: 0, half: 'B' },
];

/**
 * Held-out ladder sources: footage whose ladders no fusion weight, tolerance or routing factor was ever
 * fitted on (the fit reads the four camera sources and the mixed ones), so their ladders say how the
 * score carries to content it has not seen. Made only when named; `half` is unused for them.
 */
export const HELDOUT_SOURCES: InjectSource[] = [
  { id: 'pedestrians', file: 'natural_pedestrian_street_overhead_1080p.mp4', startS: 0.5, half: 'B' },
  { id: 'cockatoo', file: 'natural_cockatoo_indoor_closeup_yuv444.mp4', startS: 0.5, half: 'B' },
  { id: 'skiing', file: 'natural_sports_skiing_pov_snow.mp4', startS: 0.5, half: 'B' },
  { id: 'bear', file: 'natural_zoo_bear_walking.mp4', startS: 0.5, half: 'B' },
  { id: 'mountainroad', file: 'natural_car_mountain_road.mp4', startS: 0.5, half: 'B' },
  { id: 'phonekitten', file: 'natural_handheld_kitten_phone.mp4', startS: 0.5, half: 'B' },
  { id: 'sintel', file: 'animation_sintel_snow_480p.mp4', startS: 0, half: 'B' },
  { id: 'manim', file: 'screen_math_animation_text_manim.mp4', startS: 1, half: 'B' },
  { id: 'guiscroll', file: 'screen_markdown_editor_gui_scroll.mp4', startS: 1, half: 'B' },
  { id: 'cogsubway', file: 'aigc_cogvideox_subway_train.mp4', startS: 0, half: 'B' },
];

/**
 * Path of a source's base clip (made when missing), in `fmt` (the default: bench/clips/real/base/;
 * another format: base-<tag>/). Every source frame becomes one output frame (timestamps relabelled),
 * so a source's motion per frame is the same in every format and no frame is repeated or dropped.
 */
export function baseClip(s: InjectSource, fmt: ClipFormat = DEFAULT_FORMAT): string {
  const tag = formatTag(fmt);
  const dir = join(CLIPS, tag ? `base-${tag}` : 'base');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, `${s.id}.mp4`);
  if (existsSync(out)) return out;
  const { width: W, height: H, fps: FPS, frames: FRAMES } = fmt;
  const enc = [...X264, '-preset', 'fast', '-crf', '12', '-r', String(FPS), '-frames:v', String(FRAMES)];
  if (s.panPx) {
    const panPx = panPxIn(s.panPx, fmt);
    // A pan across a downscaled photo at panPx pixels per frame: steady motion, no repeats. The photo
    // is made wide enough for the whole pan (at 540 rows a 3:2 photo ran out after 85 frames at
    // 2 px, and the rest of the clip was a held picture).
    // 540 rows and the crop 90 rows down at 360p: 1.5 and 0.25 times the output height.
    const x = `min(iw-${W}\\,n*${panPx})`;
    const wide = `max(${W + FRAMES * panPx}\\,trunc(${1.5 * H}*iw/ih/2)*2)`;
    ffmpeg(['-loop', '1', '-framerate', String(FPS), '-i', join(SHARED_DATA, s.file), '-vf', `scale=w='${wide}':h=-2:flags=area,crop=${W}:${H}:${x}:${H / 4}:exact=1,setsar=1`, ...enc, out]);
  } else {
    const vf = `setpts=N/(${FPS}*TB),scale=${W}:${H}:force_original_aspect_ratio=increase:flags=area,crop=${W}:${H},setsar=1`;
    ffmpeg(['-ss', String(s.startS), '-i', join(FOOTAGE, s.file), '-vf', vf, ...enc, out]);
  }
  return out;
}
