/**
 * The decode commands of the ffmpeg.wasm source and the reading of their output: raw 8-bit 4:2:0
 * frames at a bounded size, one time range per command, with each frame's time taken from the
 * `showinfo` filter's log.
 */
import type { YuvPlanes } from '../../frames/frame-pixels.ts';

/** Bytes of decoded frames one command may produce (two are alive at once: one read, one decoding). */
export const CHUNK_BYTES = 48 * 1024 * 1024;

/** Size of the frames the decoder writes. */
export interface OutSize {
  width: number;
  height: number;
}

/** What one decode command covers: from `startS`, either `durationS` seconds or `frames` frames. */
export interface DecodeRange {
  startS: number;
  durationS?: number;
  frames?: number;
  /**
   * Only frames inside these windows (seconds from `startS`) are written; the others are decoded
   * and dropped before scaling, which is most of the cost of a frame that is not wanted.
   */
  only?: readonly (readonly [number, number])[];
}

/** Bytes of one yuv420p frame of this size (chroma rounded up for odd sizes, as ffmpeg writes it). */
export function frameBytes({ width, height }: OutSize): number {
  return width * height + 2 * Math.ceil(width / 2) * Math.ceil(height / 2);
}

/** Seconds of video per decode command so that one command stays within {@link CHUNK_BYTES}. */
export function chunkSeconds(size: OutSize, fps: number): number {
  const frames = Math.max(4, Math.min(240, Math.floor(CHUNK_BYTES / frameBytes(size))));
  return frames / (fps > 0 ? fps : 30);
}

/**
 * ffmpeg arguments that decode `range` of the input's first video stream as raw yuv420p frames at
 * `size`, limited range, upright (ffmpeg applies rotation metadata), one output frame per decoded
 * frame (no frame-rate conversion, so variable frame rate survives).
 *
 * Each frame goes to its own file (`outPattern`, numbered from 0): the in-memory file system grows a
 * file by 1/8 at a time past 1 MiB, so one file of many frames is copied over and over while it is
 * written (measured: twice the time of decoding itself at 360p); one file per frame is not. The
 * scaler runs only when the size changes, since even a same-size pass costs about half a decode.
 */
export function decodeArgs(inputPath: string, outPattern: string, range: DecodeRange, size: OutSize, scale: boolean): string[] {
  const args = ['-hide_banner', '-nostats', '-loglevel', 'info'];
  if (range.startS > 0) args.push('-ss', range.startS.toFixed(6));
  if (range.durationS !== undefined) args.push('-t', range.durationS.toFixed(6));
  args.push('-i', inputPath, '-map', '0:V:0', '-an', '-sn', '-dn');
  if (range.frames !== undefined) args.push('-frames:v', String(range.frames));
  const select = range.only?.length ? [`select='${range.only.map(([a, b]) => `between(t\\,${a.toFixed(6)}\\,${b.toFixed(6)})`).join('+')}'`] : [];
  const filters = [...select, ...(scale ? [`scale=${size.width}:${size.height}:flags=area`] : []), 'format=yuv420p', 'showinfo'];
  args.push('-vf', filters.join(','), '-fps_mode', 'passthrough', '-f', 'image2', '-start_number', '0', '-c:v', 'rawvideo', '-pix_fmt', 'yuv420p', outPattern);
  return args;
}

/** The path of frame `i` for an output pattern such as `/frames/%05d.yuv`. */
export function framePath(outPattern: string, i: number): string {
  return outPattern.replace('%05d', String(i).padStart(5, '0'));
}

const SHOWINFO = /\bn:\s*\d+\s+pts:\s*-?\d+\s+pts_time:(-?[0-9.eE+-]+)/;

/** Frame times (seconds from the command's start) from the `showinfo` lines of a log. */
export function showinfoTimes(lines: readonly string[]): number[] {
  const times: number[] = [];
  for (const line of lines) {
    const m = SHOWINFO.exec(line);
    if (m) times.push(Number.parseFloat(m[1]!));
  }
  return times;
}

/** The last lines of a log that read like errors, for a message. */
export function errorLines(lines: readonly string[], max = 2): string {
  const errs = lines.filter((l) => /error|invalid|could not|failed|unsupported|not found/i.test(l) && !SHOWINFO.test(l));
  return errs.slice(-max).map((l) => l.trim()).join('; ');
}

/**
 * Lines in which the decoder reports damaged data it went past: a packet it rejected, or macroblocks
 * it had to conceal. ffmpeg still writes a picture for most of them (and exits with 0), so only a
 * caller that must tell a damaged file from a clean one reads these.
 */
const DECODE_ERROR = /Error while decoding stream|error while decoding MB|concealing \d+ DC|Invalid NAL unit size|Error splitting the input into NAL units|Missing Sequence Header/i;

/** The first line of a log in which the decoder reports damaged data; '' when there is none. */
export function decodeErrorLine(lines: readonly string[]): string {
  return lines.find((l) => DECODE_ERROR.test(l))?.trim() ?? '';
}

/**
 * True when a command that wrote no frame only looked past the video's end: it started at or after
 * the duration the header gives, after earlier commands had produced frames. This build of ffmpeg
 * exits with an error when an output gets no frame at all ("Conversion failed!"), which there means
 * nothing but the end of the video.
 */
export function pastTheEnd(startS: number, durationS: number, framesBefore: number): boolean {
  return framesBefore > 0 && durationS > 0 && startS >= durationS - 1e-3;
}

/** A view of frame `i` of a raw yuv420p buffer, without copying. */
export function planesAt(data: Uint8Array, i: number, size: OutSize): YuvPlanes {
  const { width, height } = size;
  const cw = Math.ceil(width / 2);
  const ch = Math.ceil(height / 2);
  const base = i * frameBytes(size);
  return {
    fullRange: false,
    width,
    height,
    data,
    y: { offset: base, stride: width },
    u: { offset: base + width * height, stride: cw, width: cw, height: ch },
    v: { offset: base + width * height + cw * ch, stride: cw, width: cw, height: ch },
  };
}

/**
 * Times of the frames in one command's output: the logged times when they match the frame count,
 * otherwise evenly spaced at `fps` (a log line can be lost; the pixels cannot).
 */
export function frameTimes(logged: readonly number[], count: number, fps: number): number[] {
  if (logged.length >= count) return logged.slice(0, count);
  const step = 1 / (fps > 0 ? fps : 30);
  return Array.from({ length: count }, (_, i) => logged[i] ?? (logged.at(-1) ?? -step) + step * (i - logged.length + 1));
}
