/**
 * Opens a file with the first decoder that can read it: mediabunny over WebCodecs, then ffmpeg.wasm
 * for codecs and containers WebCodecs or mediabunny lack (HEVC here, MPEG-4 Part 2, MS-MPEG4,
 * Cinepak, MPEG-2; AVI, FLV). The ffmpeg.wasm module and its core are loaded only when needed.
 */
import { CorruptInputError, QRouterError, throwIfAborted } from '../errors.ts';
import type { FrameSource, OpenHint } from './frame-source.ts';
import { openMediabunnySource } from './mediabunny-source.ts';

/** Opens a video; rejects with the typed error of the last decoder tried. */
export async function openFrameSource(blob: Blob, hint: OpenHint = {}): Promise<FrameSource> {
  if (blob.size === 0) {
    throw new CorruptInputError('The file is empty (0 bytes). Choose a video file that finished copying or downloading.', 'EMPTY_INPUT');
  }
  let first: unknown;
  try {
    return await openMediabunnySource(blob);
  } catch (err) {
    if (!isDecoderMiss(err)) throw err;
    first = err;
  }
  throwIfAborted(hint.signal);
  const { openFfmpegSource } = await import('./ffmpeg-source.ts');
  try {
    return await openFfmpegSource(blob, hint);
  } catch (err) {
    // A file neither decoder reads: the WebCodecs path's reason names the codec when it found one.
    if (first instanceof QRouterError && first.code === 'UNSUPPORTED_CODEC' && isDecoderMiss(err) && (err as QRouterError).code === 'NOT_VIDEO') {
      throw new QRouterError('UNSUPPORTED_CODEC', `${first.message} (The fallback decoder could not read it either: ${(err as QRouterError).message})`);
    }
    throw err;
  }
}

/**
 * True for errors after which another decoder may still succeed: a codec WebCodecs lacks, or a
 * container mediabunny does not read (it reports those as not a video).
 */
export function isDecoderMiss(err: unknown): boolean {
  return err instanceof QRouterError && (err.code === 'UNSUPPORTED_CODEC' || err.code === 'NOT_VIDEO');
}

