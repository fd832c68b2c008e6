/**
 * The player's picture when the browser's `<video>` cannot play the file (an AVI, HEVC, MPEG-2 …
 * that the analyzer decoded with ffmpeg.wasm): the frame at the current time, decoded by the
 * project's own decoder in the media worker and drawn on a canvas under the overlay. Requests are
 * debounced and the latest one wins: while one frame decodes, newer times replace each other and
 * only the last is decoded next.
 */
import { closeSource, decodeFrameAt, newSourceId } from '../compare/media-client.ts';
import { h } from './dom.ts';

/** Wait after a time change before decoding, so a burst of seeks decodes once. */
const DEBOUNCE_MS = 40;

/** The decoded-frame layer. */
export interface DecodedFrameLayer {
  /** The canvas with the picture; `data-t` is the requested time of the frame drawn, `data-frame-t` that frame's own time. */
  readonly canvas: HTMLCanvasElement;
  /** Asks for the frame at `t` seconds. */
  request(t: number): void;
  destroy(): void;
}

/**
 * Builds the layer for `file`, drawn at `width`x`height`. `onState` hears when a frame is drawn
 * (`null`) or why none could be (a sentence).
 */
export function createDecodedFrameLayer(file: Blob, width: number, height: number, onState: (error: string | null) => void): DecodedFrameLayer {
  const canvas = h('canvas', { class: 'frame', id: 'frame', width, height, 'aria-hidden': 'true' });
  const box: [number, number] = [Math.min(width, 1920), Math.min(height, 1080)];
  let sourceId: number | undefined;
  let wanted: number | undefined;
  let last: number | undefined;
  let busy = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let destroyed = false;

  const pump = async (): Promise<void> => {
    if (busy || wanted === undefined || destroyed) return;
    const t = wanted;
    wanted = undefined;
    busy = true;
    try {
      sourceId ??= newSourceId();
      const frame = await decodeFrameAt(sourceId, file, t, box);
      if (!destroyed) {
        canvas.getContext('2d')?.drawImage(frame.bitmap, 0, 0, canvas.width, canvas.height);
        canvas.dataset.t = String(t);
        canvas.dataset.frameT = String(frame.tS);
        onState(null);
      }
      frame.bitmap.close();
    } catch (err) {
      if (!destroyed) onState(`The frame at ${t.toFixed(2)} s could not be decoded: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      busy = false;
      if (wanted !== undefined) void pump();
    }
  };

  return {
    canvas,
    request(t) {
      if (t === last) return;
      last = t;
      wanted = t;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void pump(), DEBOUNCE_MS);
    },
    destroy() {
      destroyed = true;
      if (timer) clearTimeout(timer);
      if (sourceId !== undefined) closeSource(sourceId);
    },
  };
}
