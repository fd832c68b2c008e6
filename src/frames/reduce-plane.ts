/**
 * The temporal stream's small lumas: a sampled reduction of a plane (see `reducePlane`), with the
 * limited-to-full range conversion in the same pass when asked.
 */
import { resamplePlane } from './resample.ts';

/**
 * A fast, approximate reduction for the temporal stream: averages a 2x2 grid of samples inside each
 * source block instead of the whole block. Frame differences, brightness and cadence survive; fine
 * texture does not matter at this size. Falls back to exact area resampling for small factors.
 * `limitedToFull`: the source is limited-range luma, written out in full range (as `convertRange`).
 */
export function reducePlane(src: Uint8Array, srcOffset: number, stride: number, sw: number, sh: number, dw: number, dh: number, out: Float32Array, limitedToFull = false): void {
  const fx = sw / dw;
  const fy = sh / dh;
  if (fx < 3 || fy < 3) {
    resamplePlane(src, srcOffset, stride, sw, sh, dw, dh, out);
    if (limitedToFull) limitedToFullInPlace(out, dw * dh);
    return;
  }
  if (limitedToFull) {
    reduceLimitedToFull(src, srcOffset, stride, sw, sh, dw, dh, fx, fy, out);
    return;
  }
  const xs = sampleColumns(sw, dw, fx);
  for (let oy = 0; oy < dh; oy++) {
    const r0 = srcOffset + sampleAt(oy + 0.25, fy, sh) * stride;
    const r1 = srcOffset + sampleAt(oy + 0.75, fy, sh) * stride;
    const o = oy * dw;
    for (let ox = 0; ox < dw; ox++) {
      const a = xs[2 * ox]!;
      const b = xs[2 * ox + 1]!;
      out[o + ox] = (src[r0 + a]! + src[r0 + b]! + src[r1 + a]! + src[r1 + b]!) * 0.25;
    }
  }
}

/** The source index `reducePlane` samples at output position `p` (a quarter or three quarters into a block). */
function sampleAt(p: number, f: number, size: number): number {
  return Math.min(size - 1, Math.floor(p * f));
}

/** Each output column's two sampled source columns, interleaved. */
function sampleColumns(sw: number, dw: number, fx: number): Int32Array {
  const xs = new Int32Array(2 * dw);
  for (let ox = 0; ox < dw; ox++) {
    xs[2 * ox] = sampleAt(ox + 0.25, fx, sw);
    xs[2 * ox + 1] = sampleAt(ox + 0.75, fx, sw);
  }
  return xs;
}

/** Limited-range luma (16..235) to full range (0..255), clamped: the formula of `convertRange` in frame-planes.ts. */
const LIMITED_TO_FULL = 255 / 219;

function limitedToFullInPlace(data: Float32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const v = (data[i]! - 16) * LIMITED_TO_FULL;
    data[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
}

/**
 * `reducePlane`'s sampling with the range conversion in the same pass: one write per value instead of
 * a second pass over the plane. The average of four 8-bit samples is exact in a Float32Array, so the
 * values are those of the two passes to the bit.
 */
function reduceLimitedToFull(src: Uint8Array, srcOffset: number, stride: number, sw: number, sh: number, dw: number, dh: number, fx: number, fy: number, out: Float32Array): void {
  const xs = sampleColumns(sw, dw, fx);
  for (let oy = 0; oy < dh; oy++) {
    const r0 = srcOffset + sampleAt(oy + 0.25, fy, sh) * stride;
    const r1 = srcOffset + sampleAt(oy + 0.75, fy, sh) * stride;
    const o = oy * dw;
    for (let ox = 0; ox < dw; ox++) {
      const a = xs[2 * ox]!;
      const b = xs[2 * ox + 1]!;
      const v = ((src[r0 + a]! + src[r0 + b]! + src[r1 + a]! + src[r1 + b]!) * 0.25 - 16) * LIMITED_TO_FULL;
      out[o + ox] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}
