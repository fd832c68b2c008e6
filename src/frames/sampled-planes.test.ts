import { describe, expect, it } from 'vitest';
import type { YuvPlanes } from './frame-pixels.ts';
import { toAnalysisFrame } from '../pipeline/analysis-frame.ts';
import { convertRange } from './frame-planes.ts';
import { samplePlaneInto, sampledYuvAt } from './sampled-planes.ts';

/** A 4:2:0 frame of pseudo-random codes. */
function frame(w: number, h: number, fullRange: boolean): YuvPlanes {
  const cw = w / 2;
  const ch = h / 2;
  const data = Uint8Array.from({ length: w * h + 2 * cw * ch }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 256);
  return { fullRange, width: w, height: h, data, y: { offset: 0, stride: w }, u: { offset: w * h, stride: cw, width: cw, height: ch }, v: { offset: w * h + cw * ch, stride: cw, width: cw, height: ch } };
}

describe('sampled yuv plane', () => {
  it("is the analysis frame's own plane, to the bit, at the frame's own size (both ranges)", () => {
    const size = { width: 64, height: 36 };
    for (const full of [false, true]) {
      const f = frame(64, 36, full);
      const made = toAnalysisFrame(f, 0, 0, size, size, { rgb: false, rows: false, limited: false, yuv: true }).yuv!;
      expect(Array.from(sampledYuvAt(f, 64, 36).data)).toEqual(Array.from(made.data));
    }
  });

  it('takes the source pixel at each output centre, to the bit, at the probe and analysis sizes and odd ones', () => {
    // 4:3 and 8:3 (the columns' three phases), 2:1, a width that is no multiple of 3, and no pattern at all.
    const sizes: [number, number, number, number][] = [[1280, 720, 960, 540], [1280, 720, 480, 270], [640, 360, 480, 270], [64, 36, 32, 18], [1282, 720, 961, 539], [1001, 563, 751, 421]];
    const lut = Float32Array.from({ length: 256 }, (_, i) => (i - 16) * 1.1);
    for (const [sw, sh, dw, dh] of sizes) {
      const stride = sw + 5;
      const src = Uint8Array.from({ length: 3 + stride * sh }, (_, i) => (i * 7919 + (i >> 3) * 104729) % 256);
      for (const map of [undefined, lut]) {
        const outStride = dw + 2;
        const got = new Float32Array(4 + outStride * dh).fill(-1);
        samplePlaneInto(src, 3, stride, sw, sh, dw, dh, got, 4, outStride, map);
        const want = new Float32Array(got.length).fill(-1);
        for (let y = 0; y < dh; y++)
          for (let x = 0; x < dw; x++) {
            const code = src[3 + Math.min(sh - 1, Math.floor(((y + 0.5) * sh) / dh)) * stride + Math.min(sw - 1, Math.floor(((x + 0.5) * sw) / dw))]!;
            want[4 + y * outStride + x] = map ? map[code]! : code;
          }
        expect(Buffer.from(got.buffer).equals(Buffer.from(want.buffer)), `${sw}x${sh} -> ${dw}x${dh}${map ? ' through a table' : ''}`).toBe(true);
      }
    }
  });

  it('keeps the source pixel at each analysis pixel centre when shrunk 2:1 (luma and chroma)', () => {
    const f = frame(64, 36, false);
    const p = sampledYuvAt(f, 32, 18);
    const code = (x: number, y: number) => convertRange(Float32Array.of(f.data[y * 64 + x]!), 'limited', 'full')[0]!;
    expect(p.data[5 * 32 + 7]).toBe(code(15, 11));
    // Cb at half size (16×9) from the 32×18 chroma plane: source chroma pixel (2·3 + 1, 2·4 + 1).
    expect(p.data[18 * 32 + 4 * 32 + 3]).toBe(f.data[f.u.offset + 9 * 32 + 7]);
    // Cr right of Cb.
    expect(p.data[18 * 32 + 4 * 32 + 16 + 3]).toBe(f.data[f.v.offset + 9 * 32 + 7]);
  });
});
