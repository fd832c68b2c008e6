/**
 * One decoded frame's 8-bit YUV planes as RGBA pixels (BT.601, the frame's own range), for the
 * player's picture when the browser's `<video>` cannot play the file. Runs in the media worker.
 */
import type { YuvPlanes } from '../frames/frame-pixels.ts';

/** RGBA pixels of `f` at its own size. */
export function yuvToRgba(f: YuvPlanes): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, data } = f;
  const out = new Uint8ClampedArray(new ArrayBuffer(width * height * 4));
  // Column and row of the chroma sample under each luma position (any subsampling).
  const cx = new Int32Array(width);
  for (let x = 0; x < width; x++) cx[x] = Math.min(f.u.width - 1, Math.floor((x * f.u.width) / width));
  const ky = f.fullRange ? 1 : 255 / 219;
  const y0 = f.fullRange ? 0 : 16;
  const kc = f.fullRange ? 1 : 255 / 224;
  for (let y = 0; y < height; y++) {
    const yRow = f.y.offset + y * f.y.stride;
    const cy = Math.min(f.u.height - 1, Math.floor((y * f.u.height) / height));
    const uRow = f.u.offset + cy * f.u.stride;
    const vRow = f.v.offset + cy * f.v.stride;
    let o = y * width * 4;
    for (let x = 0; x < width; x++) {
      const l = (data[yRow + x]! - y0) * ky;
      const cb = (data[uRow + cx[x]!]! - 128) * kc;
      const cr = (data[vRow + cx[x]!]! - 128) * kc;
      out[o] = l + 1.402 * cr;
      out[o + 1] = l - 0.344136 * cb - 0.714136 * cr;
      out[o + 2] = l + 1.772 * cb;
      out[o + 3] = 255;
      o += 4;
    }
  }
  return out;
}
