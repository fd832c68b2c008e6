/**
 * Turns copied planes upright: WebCodecs hands out frames as coded, and a phone's portrait video is
 * coded landscape with a rotation in its metadata. Each plane is rotated by a quarter, half or
 * three-quarter turn clockwise into one reused buffer (analysis worker; about a millisecond per
 * 640x360 frame, and only for files that carry a rotation).
 */
import type { YuvPlanes } from '../frames/frame-pixels.ts';

/** Clockwise rotation in degrees, as containers store it. */
export type Rotation = 0 | 90 | 180 | 270;

/** Rotates planes clockwise, reusing `out` between frames. */
export class PlaneRotator {
  private buffer = new Uint8Array(0);

  constructor(private readonly rotation: Rotation) {}

  /** The upright planes (the input itself when there is no rotation). */
  apply(p: YuvPlanes): YuvPlanes {
    if (this.rotation === 0) return p;
    const quarter = this.rotation !== 180;
    const cw = p.u.width;
    const ch = p.u.height;
    const ySize = p.width * p.height;
    const cSize = cw * ch;
    if (this.buffer.length < ySize + 2 * cSize) this.buffer = new Uint8Array(ySize + 2 * cSize);
    const out = this.buffer;
    rotatePlane(p.data, p.y.offset, p.y.stride, p.width, p.height, out, 0, this.rotation);
    rotatePlane(p.data, p.u.offset, p.u.stride, cw, ch, out, ySize, this.rotation);
    rotatePlane(p.data, p.v.offset, p.v.stride, cw, ch, out, ySize + cSize, this.rotation);
    const [w, h, ocw, och] = quarter ? [p.height, p.width, ch, cw] : [p.width, p.height, cw, ch];
    return {
      fullRange: p.fullRange,
      width: w,
      height: h,
      data: out,
      y: { offset: 0, stride: w },
      u: { offset: ySize, stride: ocw, width: ocw, height: och },
      v: { offset: ySize + cSize, stride: ocw, width: ocw, height: och },
    };
  }
}

/** Rotates one w×h plane clockwise into `dst` at `dOff` (tightly packed). */
export function rotatePlane(src: Uint8Array, sOff: number, stride: number, w: number, h: number, dst: Uint8Array, dOff: number, rotation: Rotation): void {
  if (rotation === 90) {
    // Source (x, y) goes to (h - 1 - y, x) in an h-wide image.
    for (let y = 0; y < h; y++) {
      const row = sOff + y * stride;
      const col = dOff + (h - 1 - y);
      for (let x = 0; x < w; x++) dst[col + x * h] = src[row + x]!;
    }
  } else if (rotation === 270) {
    // Source (x, y) goes to (y, w - 1 - x).
    for (let y = 0; y < h; y++) {
      const row = sOff + y * stride;
      const col = dOff + y;
      for (let x = 0; x < w; x++) dst[col + (w - 1 - x) * h] = src[row + x]!;
    }
  } else if (rotation === 180) {
    for (let y = 0; y < h; y++) {
      const row = sOff + y * stride;
      const out = dOff + (h - 1 - y) * w;
      for (let x = 0; x < w; x++) dst[out + (w - 1 - x)] = src[row + x]!;
    }
  } else {
    for (let y = 0; y < h; y++) dst.set(src.subarray(sOff + y * stride, sOff + y * stride + w), dOff + y * w);
  }
}
