/**
 * Rewrapping, for a video in a container the WebCodecs path cannot read but in a codec the browser
 * decodes: ffmpeg.wasm copies the stream, without decoding it, into an MP4 that mediabunny reads, and
 * WebCodecs decodes it. The ffmpeg.wasm build shipped here has no AV1 decoder at all (its native one
 * needs hardware), so an AV1 image sequence (`.avif`, which mediabunny sees as an MP4 without a video
 * track) is only readable this way; H.264 or VP9 in AVI or FLV also decode faster so. Runs in the
 * analysis worker, inside the ffmpeg.wasm source.
 */
import type { FfmpegEngine } from './core.ts';

/** Codecs (ffprobe's names) that WebCodecs may decode; the opened copy still asks the browser. */
const WEBCODECS_CODECS = new Set(['h264', 'av1', 'vp8', 'vp9']);
/**
 * Largest file rewrapped: the copy sits whole in the engine's memory (a 32-bit heap), then in a Blob.
 * Larger files are decoded by ffmpeg.wasm as before.
 */
export const REMUX_MAX_BYTES = 256 * 1024 * 1024;
const REMUX_PATH = '/remux.mp4';

/** True when a file of this codec and size is worth rewrapping for WebCodecs. */
export function shouldRemux(codec: string, bytes: number): boolean {
  return WEBCODECS_CODECS.has(codec) && bytes <= REMUX_MAX_BYTES;
}

/** ffmpeg arguments that copy the first video stream of `inputPath` into a fragment-free MP4 at `outPath`. */
export function remuxArgs(inputPath: string, outPath: string): string[] {
  return ['-hide_banner', '-nostats', '-loglevel', 'error', '-i', inputPath, '-map', '0:V:0', '-an', '-sn', '-dn', '-c:v', 'copy', '-f', 'mp4', outPath];
}

/**
 * The first video stream rewrapped into an MP4 blob; null when ffmpeg could not do it (the caller
 * then decodes with ffmpeg.wasm). A cancel or a hung engine still rejects.
 */
export async function remuxToMp4(engine: FfmpegEngine, inputPath: string, timeoutMs: number, signal?: AbortSignal): Promise<Blob | null> {
  const { code } = await engine.run('ffmpeg', remuxArgs(inputPath, REMUX_PATH), timeoutMs, signal);
  const bytes = await engine.take(REMUX_PATH);
  if (code !== 0 || !bytes || bytes.length === 0) return null;
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'video/mp4' });
}
