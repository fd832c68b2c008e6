/**
 * Decode-only pass over a video in the same worker and decoder the analysis uses: the floor that
 * decoding sets, against which analysis time is compared. `copy` also copies each frame's pixels, as
 * the analysis must.
 */
import { openFrameSource } from '../decode/open.ts';

/** Result of a decode-only pass. */
export interface DecodeOnlyResult {
  frames: number;
  ms: number;
  width: number;
  height: number;
}

/**
 * Decodes every frame and times it. Frame sources always copy pixels out of the decoder, so `copy` is
 * kept for callers but both passes include the copy.
 */
export async function decodeOnly(blob: Blob, options: { copy?: boolean } = {}): Promise<DecodeOnlyResult> {
  const t0 = performance.now();
  void options;
  const video = await openFrameSource(blob);
  let frames = 0;
  try {
    for await (const _frame of video.frames()) frames++;
  } finally {
    video.dispose();
  }
  return { frames, ms: performance.now() - t0, width: video.info.width, height: video.info.height };
}
