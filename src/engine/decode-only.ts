/**
 * Decode-only pass over a video in the same worker and decoder the analysis uses: the floor that
 * decoding sets, against which analysis time is compared. `copy` also copies each frame's pixels, as
 * the analysis must.
 */
import { openVideo } from './decode.ts';
import { FramePixelReader } from './frame-pixels.ts';

/** Result of a decode-only pass. */
export interface DecodeOnlyResult {
  frames: number;
  ms: number;
  width: number;
  height: number;
}

/** Decodes every frame (closing it at once) and times it. */
export async function decodeOnly(blob: Blob, options: { copy?: boolean } = {}): Promise<DecodeOnlyResult> {
  const t0 = performance.now();
  const video = await openVideo(blob);
  const reader = new FramePixelReader();
  let frames = 0;
  try {
    for await (const sample of video.samples()) {
      try {
        if (options.copy) await reader.read(sample);
      } finally {
        sample.close();
      }
      frames++;
    }
  } finally {
    video.dispose();
  }
  return { frames, ms: performance.now() - t0, width: video.info.width, height: video.info.height };
}
