/**
 * Opens a file with the first decoder that can read it. Today that is mediabunny over WebCodecs;
 * a decoder added later goes into `OPENERS` in the order it should be tried.
 */
import { QRouterError } from '../errors.ts';
import type { FrameSource } from './frame-source.ts';
import { openMediabunnySource } from './mediabunny-source.ts';

/** Opens a video; rejects with the typed error of the last decoder tried. */
export async function openFrameSource(blob: Blob): Promise<FrameSource> {
  return openMediabunnySource(blob);
}

/** True for errors after which another decoder may still succeed. */
export function isDecoderMiss(err: unknown): boolean {
  return err instanceof QRouterError && (err.code === 'UNSUPPORTED_CODEC' || err.code === 'NOT_VIDEO');
}
