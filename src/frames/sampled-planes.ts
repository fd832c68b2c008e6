/**
 * The `yuv` plane of a frame read smaller than it was coded, made of the source's own pixels: each
 * analysis pixel takes the source pixel at its centre instead of the area average around it. Area
 * averaging is right for what a picture looks like, but it changes two things some experts read per
 * pixel: grain σ (720p read at 960x540 averages white grain down to about 0.4 of its σ, 1080p to 0.43)
 * and one-pixel steps (a sharp edge that falls inside an output pixel becomes two smaller steps with a
 * mixed pixel between). Sampled pixels keep both as they are in the source, so these readings mean the
 * same at every source size; a frame read at its own size is the same either way.
 */
import type { YuvPlanes } from './frame-pixels.ts';
import { convertRange, type FloatPlanes } from './frame-planes.ts';

/**
 * Writes the (dw, dh) plane that samples an 8-bit plane (sw, sh) at each output pixel's centre into
 * `out` at `offset`, rows `outStride` apart; each code through `lut` when given.
 */
export function samplePlaneInto(src: Uint8Array, srcOffset: number, stride: number, sw: number, sh: number, dw: number, dh: number, out: Float32Array, offset: number, outStride: number, lut?: Float32Array): void {
  const cols = new Int32Array(dw);
  for (let x = 0; x < dw; x++) cols[x] = Math.min(sw - 1, Math.floor(((x + 0.5) * sw) / dw));
  const third = thirdsOf(cols, sw, dw);
  // Columns [0, done) go by the three phases, the rest (a width that is no multiple of 3) one by one.
  const done = third ? dw - (dw % 3) : 0;
  for (let y = 0; y < dh; y++) {
    const row = srcOffset + Math.min(sh - 1, Math.floor(((y + 0.5) * sh) / dh)) * stride;
    const o = offset + y * outStride;
    if (third) {
      const { p, c0, c1, c2 } = third;
      if (lut)
        for (let x = 0, i = row; x < done; x += 3, i += p) {
          out[o + x] = lut[src[i + c0]!]!;
          out[o + x + 1] = lut[src[i + c1]!]!;
          out[o + x + 2] = lut[src[i + c2]!]!;
        }
      else
        for (let x = 0, i = row; x < done; x += 3, i += p) {
          out[o + x] = src[i + c0]!;
          out[o + x + 1] = src[i + c1]!;
          out[o + x + 2] = src[i + c2]!;
        }
    }
    if (lut) for (let x = done; x < dw; x++) out[o + x] = lut[src[row + cols[x]!]!]!;
    else for (let x = done; x < dw; x++) out[o + x] = src[row + cols[x]!]!;
  }
}

/**
 * When the sampled columns repeat every three outputs `p` source columns further on (4:3 as 1280 →
 * 960 and 640 → 480, 8:3 as 1280 → 480): `p` and the first three columns; the same columns as `cols`.
 */
function thirdsOf(cols: Int32Array, sw: number, dw: number): { p: number; c0: number; c1: number; c2: number } | undefined {
  const p = (3 * sw) / dw;
  if (dw < 3 || !Number.isInteger(p)) return undefined;
  for (let x = 3; x < dw; x++) if (cols[x] !== cols[x - 3]! + p) return undefined;
  return { p, c0: cols[0]!, c1: cols[1]!, c2: cols[2]! };
}

/** Per 8-bit code, the full-range analysis luma value: the analysis luma's two range conversions, to the bit. */
const fullLuma = new Map<boolean, Float32Array>();
function fullLumaOf(fullRange: boolean): Float32Array {
  let lut = fullLuma.get(fullRange);
  if (!lut) {
    lut = Float32Array.from({ length: 256 }, (_, i) => i);
    convertRange(convertRange(lut, fullRange ? 'full' : 'limited', 'limited'), 'limited', 'full');
    fullLuma.set(fullRange, lut);
  }
  return lut;
}

/**
 * Sampled full-range luma at (w, h) with sampled half-size Cb and Cr below it, laid out as `yuvAt`'s
 * plane (Cb in columns [0, ⌊w/2⌋), Cr in [⌊w/2⌋, 2⌊w/2⌋), limited-range code values). The luma goes
 * through the same range conversions as the area-resampled analysis luma. `out`: a zeroed array of
 * w·(h + ⌊h/2⌋) to write into.
 */
export function sampledYuvAt(f: YuvPlanes, w: number, h: number, out?: Float32Array): FloatPlanes {
  const cw = Math.floor(w / 2);
  const ch = Math.floor(h / 2);
  const data = out ?? new Float32Array(w * (h + ch));
  samplePlaneInto(f.data, f.y.offset, f.y.stride, f.width, f.height, w, h, data, 0, w, fullLumaOf(f.fullRange));
  for (const [plane, x0] of [[f.u, 0], [f.v, cw]] as const) samplePlaneInto(f.data, plane.offset, plane.stride, plane.width, plane.height, cw, ch, data, h * w + x0, w);
  return { width: w, height: h + ch, channels: 1, data };
}
