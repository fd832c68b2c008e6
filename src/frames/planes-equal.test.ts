import { describe, expect, it } from 'vitest';
import type { YuvPlanes } from './frame-pixels.ts';
import { lumaAt, lumaRowsAndAt, rgbAt, yuvAt } from './frame-planes.ts';
import { refLumaAt, refLumaRowsAndAt, refResamplePlane, refResampleRows, refRgbAt, refYuvAt } from '../testing/planes-reference.ts';
import { resamplePlane, resampleRows } from './resample.ts';

/** Index of the first value whose bits differ (lengths included), or -1 when equal to the bit. */
function firstDiff(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

/** An I420 frame of noise with a row stride past the width, an offset, and bands below black and above white. */
function frame(w: number, h: number, fullRange: boolean, seed: number): YuvPlanes {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) & 255;
  const cw = Math.ceil(w / 2);
  const ch = Math.ceil(h / 2);
  const stride = w + 24;
  const cstride = cw + 8;
  const y = { offset: 32, stride };
  const u = { offset: y.offset + stride * h + 16, stride: cstride, width: cw, height: ch };
  const v = { offset: u.offset + cstride * ch + 16, stride: cstride, width: cw, height: ch };
  const data = new Uint8Array(v.offset + cstride * ch + 8).map(rand);
  data.fill(3, y.offset, y.offset + 6 * stride);
  data.fill(252, y.offset + (h - 6) * stride, y.offset + h * stride);
  data.fill(250, u.offset, u.offset + 3 * cstride);
  data.fill(4, v.offset + (ch - 3) * cstride, v.offset + ch * cstride);
  return { fullRange, width: w, height: h, data, y, u, v };
}

// The analysis sizes (720p and 1080p to 960x540), the probe's (to 480x270, luma reduced and chroma
// enlarged; 720p luma takes the 8:3 phases), odd sizes and factors of more than two.
const SIZES: [number, number, number, number][] = [
  [1280, 720, 960, 540],
  [1280, 720, 480, 270],
  [640, 360, 480, 270],
  [1920, 1080, 960, 540],
  [1001, 563, 751, 421],
  [853, 480, 640, 361],
  [320, 180, 480, 270],
  [700, 394, 97, 55],
];

describe('planes against the former implementation, to the bit', () => {
  it('notices a value that moves by one unit in the last place', () => {
    const a = Float32Array.from([1, 2, 3]);
    const b = a.slice();
    expect(firstDiff(a, b)).toBe(-1);
    new Uint32Array(b.buffer)[2]! += 1;
    expect(firstDiff(a, b)).toBe(2);
  });

  for (const [sw, sh, dw, dh] of SIZES) {
    for (const fullRange of [false, true]) {
      it(`${sw}x${sh} -> ${dw}x${dh}, ${fullRange ? 'full' : 'limited'} range`, () => {
        const f = frame(sw, sh, fullRange, sw * 7 + dh + (fullRange ? 1 : 0));
        const same = (what: string, got: Float32Array, want: Float32Array) => expect(firstDiff(got, want), what).toBe(-1);
        for (const range of ['full', 'limited'] as const) same(`luma ${range}`, lumaAt(f, dw, dh, range).data, refLumaAt(f, dw, dh, range).data);
        const both = lumaRowsAndAt(f, dw, dh, 'limited');
        const refBoth = refLumaRowsAndAt(f, dw, dh, 'limited');
        same('rows', both.rows.data, refBoth.rows.data);
        same('rows luma', both.luma.data, refBoth.luma.data);
        const full = refLumaAt(f, dw, dh, 'full');
        same('yuv', yuvAt(f, full).data, refYuvAt(f, full).data);
        same('rgb', rgbAt(f, dw, dh).data, refRgbAt(f, dw, dh).data);
        const limited = refLumaAt(f, dw, dh, 'limited');
        // Twice: the second call reuses the chroma arrays of the first.
        for (let k = 0; k < 2; k++) same('rgb from limited luma', rgbAt(f, dw, dh, limited).data, refRgbAt(f, dw, dh, limited).data);
        // Chroma planes on their own, into a wider array at an offset.
        for (const p of [f.u, f.v]) {
          const got = new Float32Array(dw * dh + 5).fill(-1);
          const want = got.slice();
          resamplePlane(f.data, p.offset, p.stride, p.width, p.height, dw, dh, got, 5);
          refResamplePlane(f.data, p.offset, p.stride, p.width, p.height, dw, dh, want, 5);
          same('chroma', got, want);
        }
        const rows = refBoth.rows.data;
        const got = new Float32Array(dw * dh);
        const want = new Float32Array(dw * dh);
        resampleRows(rows, dw, sh, dh, got);
        refResampleRows(rows, dw, sh, dh, want);
        same('resampleRows', got, want);
      });
    }
  }
});
