/**
 * Opens a file with the first decoder that can read it: mediabunny over WebCodecs, then ffmpeg.wasm
 * for codecs and containers WebCodecs or mediabunny lack (HEVC here, MPEG-4 Part 2, MS-MPEG4,
 * Cinepak, MPEG-2; AVI, FLV). The ffmpeg.wasm module and its core are loaded only when needed.
 */
import { CorruptInputError, QRouterError, throwIfAborted } from '../errors.ts';
import type { FrameSource, OpenHint } from './frame-source.ts';
import { withDecodeFallback } from './fallback-source.ts';
import { openMediabunnySource } from './mediabunny-source.ts';

/** Codes after which no other decoder is tried: the file itself is the problem, or the user stopped. */
const FINAL = new Set(['EMPTY_INPUT', 'FRAME_TOO_LARGE', 'CANCELLED']);

/** Opens a video; rejects with the typed error that best says why no decoder could read it. */
export async function openFrameSource(blob: Blob, hint: OpenHint = {}): Promise<FrameSource> {
  if (blob.size === 0) {
    throw new CorruptInputError('The file is empty (0 bytes). Choose a video file that finished copying or downloading.', 'EMPTY_INPUT');
  }
  let first: QRouterError;
  try {
    // A stream WebCodecs accepts but then fails to decode goes on with ffmpeg.wasm (fallback-source.ts).
    return withDecodeFallback(await openMediabunnySource(blob), async () => {
      const { openFfmpegSource } = await import('./ffmpeg-source.ts');
      return openFfmpegSource(blob, hint, { strict: true, remux: false });
    });
  } catch (err) {
    // mediabunny reports a container it knows but with tracks it cannot read (MPEG-2 video in a
    // transport stream) as damaged, so every failure but a final one goes on to ffmpeg.wasm.
    if (!(err instanceof QRouterError) || FINAL.has(err.code)) throw err;
    first = err;
  }
  throwIfAborted(hint.signal);
  const { openFfmpegSource } = await import('./ffmpeg-source.ts');
  try {
    return await openFfmpegSource(blob, hint);
  } catch (err) {
    throw bestReason(first, err);
  }
}

/** Of the two decoders' refusals, the one that tells the user more. */
function bestReason(first: QRouterError, second: unknown): unknown {
  if (!(second instanceof QRouterError) || second.code === 'CANCELLED') return second;
  // A damaged file: the first decoder's account names the container and what is missing.
  if (first.code === 'CORRUPT_INPUT') return first;
  if (first.code === 'UNSUPPORTED_CODEC') {
    if (second.code === 'CORRUPT_INPUT') return second;
    return new QRouterError('UNSUPPORTED_CODEC', `${first.message} (The fallback decoder could not read it either: ${second.message})`);
  }
  return second;
}
/**
 * True for errors after which another decoder may still succeed: a codec WebCodecs lacks, or a
 * container mediabunny does not read (it reports those as not a video).
 */
export function isDecoderMiss(err: unknown): boolean {
  return err instanceof QRouterError && (err.code === 'UNSUPPORTED_CODEC' || err.code === 'NOT_VIDEO');
}

