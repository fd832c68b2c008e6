/**
 * Conversions that carry the injected set's recipes and truth from the default format (640x360,
 * 30 fps) to another size and frame rate: regions are relative and snapped to even pixels of the
 * format, spatial strengths (blur σ) scale with the picture height, bitrates with the pixel rate, and
 * times stay in seconds (frames are derived with the format's rate).
 */
import type { Region } from '../../src/report/types.ts';
import { DEFAULT_FORMAT, type ClipFormat } from './injected-sources.ts';

/** A relative region in whole even pixels of `fmt` (what ffmpeg's crop and overlay are given). */
export function pxRegion(r: Region, fmt: ClipFormat): { x: number; y: number; w: number; h: number } {
  const even = (v: number) => Math.round(v / 2) * 2;
  return { w: even(r.w * fmt.width), h: even(r.h * fmt.height), x: even(r.x * fmt.width), y: even(r.y * fmt.height) };
}

/** The region as it is drawn in `fmt` (rounded to even pixels), relative again: the truth. */
export function snappedRegion(r: Region, fmt: ClipFormat): Region {
  const p = pxRegion(r, fmt);
  return { x: p.x / fmt.width, y: p.y / fmt.height, w: p.w / fmt.width, h: p.h / fmt.height };
}

/**
 * A spatial strength given in pixels at 360 rows (a blur σ), in pixels of `fmt`: the same softness
 * relative to the picture, as a viewer sees it at one display size.
 */
export function scalePixels(v: number, fmt: ClipFormat): number {
  return Math.round(((v * fmt.height) / DEFAULT_FORMAT.height) * 100) / 100;
}

/** A bitrate given for the default format, at the same bits per pixel in `fmt` (kbit/s, whole). */
export function scaleKbps(kbps: number, fmt: ClipFormat): number {
  const rate = (f: ClipFormat) => f.width * f.height * f.fps;
  return Math.round((kbps * rate(fmt)) / rate(DEFAULT_FORMAT));
}

/** The frame shown at `t` seconds (the nearest frame start). */
export function frameAt(t: number, fmt: ClipFormat): number {
  return Math.round(t * fmt.fps);
}

/**
 * A source's time `t` (seconds into the footage) on a generated clip's timeline. The clip starts
 * `startS` into the source and shows every source frame as one of its own (timestamps relabelled), so
 * the time runs `sourceFps / fps` as fast as the source's: a 25-fps source at 30 fps plays 5/6 as long.
 */
export function sourceToClipS(t: number, startS: number, sourceFps: number, fps: number): number {
  return ((t - startS) * sourceFps) / fps;
}
