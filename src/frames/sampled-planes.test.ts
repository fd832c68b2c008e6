import { describe, expect, it } from 'vitest';
import type { YuvPlanes } from './frame-pixels.ts';
import { toAnalysisFrame } from '../pipeline/analysis-frame.ts';
import { convertRange } from './frame-planes.ts';
import { sampledYuvAt } from './sampled-planes.ts';

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
