import { describe, expect, it } from 'vitest';
import { fitSize, resamplePlane } from './resample.ts';

describe('resamplePlane', () => {
  it('keeps a flat plane flat at any factor', () => {
    const src = new Uint8Array(100 * 60).fill(77);
    const out = new Float32Array(75 * 45);
    resamplePlane(src, 0, 100, 100, 60, 75, 45, out);
    for (const v of out) expect(v).toBeCloseTo(77, 4);
  });

  it('averages exact 2x2 blocks at factor 2 and respects the stride', () => {
    const stride = 6;
    const src = new Uint8Array(stride * 4);
    const vals = [
      [0, 2, 10, 20],
      [4, 6, 30, 40],
      [100, 100, 0, 0],
      [100, 100, 8, 8],
    ];
    vals.forEach((r, y) => r.forEach((v, x) => (src[y * stride + x] = v)));
    const out = new Float32Array(4);
    resamplePlane(src, 0, stride, 4, 4, 2, 2, out);
    expect(Array.from(out)).toEqual([3, 25, 100, 4]);
  });

  it('preserves the mean at a fractional factor', () => {
    const src = new Uint8Array(128 * 72);
    for (let i = 0; i < src.length; i++) src[i] = (i * 37) % 256;
    const out = new Float32Array(96 * 54);
    resamplePlane(src, 0, 128, 128, 72, 96, 54, out);
    const mean = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0) / a.length;
    expect(mean(out)).toBeCloseTo(mean(src), 0);
  });
});

describe('fitSize', () => {
  it('fits inside the box without upscaling', () => {
    expect(fitSize(1280, 720, 960, 540)).toEqual({ width: 960, height: 540 });
    expect(fitSize(640, 480, 960, 540)).toEqual({ width: 640, height: 480 });
    expect(fitSize(1920, 1080, 320, 180)).toEqual({ width: 320, height: 180 });
  });
});

describe('integer factors and the temporal reduction', () => {
  it('box-averages exactly at integer factors', () => {
    const src = new Uint8Array(12 * 8);
    for (let i = 0; i < src.length; i++) src[i] = i % 7;
    const out = new Float32Array(3 * 2);
    resamplePlane(src, 0, 12, 12, 8, 3, 2, out);
    let s = 0;
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) s += src[y * 12 + x]!;
    expect(out[0]).toBeCloseTo(s / 16, 5);
  });

  it('reduces a flat plane to the same level and follows a brightness change', async () => {
    const { reducePlane } = await import('./reduce-plane.ts');
    const src = new Uint8Array(1280 * 720).fill(50);
    const out = new Float32Array(320 * 180);
    reducePlane(src, 0, 1280, 1280, 720, 320, 180, out);
    expect(out.every((v) => v === 50)).toBe(true);
    src.fill(60);
    reducePlane(src, 0, 1280, 1280, 720, 320, 180, out);
    expect(out[1000]).toBe(60);
  });
});

describe('the temporal stream\'s small luma', () => {
  it('converts the range in the reduction\'s pass with the values of a separate conversion, to the bit', async () => {
    const { reducePlane } = await import('./reduce-plane.ts');
    const { convertRange, smallLumaAt } = await import('./frame-planes.ts');
    let seed = 3;
    const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) & 255;
    // 4x and 3.2x (the sampled reduction, 720p and 1024-wide) and 2x (area resampling), with a row stride and offset.
    for (const [sw, sh, dw, dh] of [[1280, 720, 320, 180], [1024, 576, 320, 180], [640, 360, 320, 180]] as const) {
      for (const fullRange of [false, true]) {
        const stride = sw + 16;
        const offset = 40;
        const data = new Uint8Array(offset + stride * sh).map(rand);
        // A band below video black and one above video white, beside the noise.
        data.fill(5, offset, offset + 8 * stride);
        data.fill(250, offset + (sh - 8) * stride);
        const frame = { fullRange, width: sw, height: sh, data, y: { offset, stride }, u: { offset: 0, stride: 1, width: 1, height: 1 }, v: { offset: 0, stride: 1, width: 1, height: 1 } };
        const twoPasses = new Float32Array(dw * dh);
        reducePlane(data, offset, stride, sw, sh, dw, dh, twoPasses);
        convertRange(twoPasses, fullRange ? 'full' : 'limited', 'full');
        const got = smallLumaAt(frame, dw, dh).data;
        expect(got).toEqual(twoPasses);
        // Clamped at both ends, as the conversion clamps.
        if (!fullRange) expect(got.some((v) => v === 0) && got.some((v) => v === 255)).toBe(true);
      }
    }
  });
});

describe('rows and analysis luma from one horizontal pass', () => {
  it('gives exactly the values of two separate resamples, in either range', async () => {
    const { lumaAt, lumaRowsAndAt } = await import('./frame-planes.ts');
    for (const [w, h, dw, dh, fullRange] of [
      [128, 72, 96, 54, false],
      [96, 54, 48, 27, true],
      [100, 56, 96, 54, false],
    ] as const) {
      const cw = w / 2;
      const ch = Math.ceil(h / 2);
      const data = new Uint8Array(w * h + 2 * cw * ch);
      for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
      const f = { fullRange, width: w, height: h, data, y: { offset: 0, stride: w }, u: { offset: w * h, stride: cw, width: cw, height: ch }, v: { offset: w * h + cw * ch, stride: cw, width: cw, height: ch } };
      const both = lumaRowsAndAt(f, dw, dh, 'limited');
      expect(both.luma.data).toEqual(lumaAt(f, dw, dh, 'limited').data);
      expect(both.rows.data).toEqual(lumaAt(f, dw, h).data);
      expect([both.rows.width, both.rows.height]).toEqual([dw, h]);
    }
  });
});

/** Area resampling written plainly (every source pixel's share of every output pixel), as the reference. */
function plainArea(src: Uint8Array, sw: number, sh: number, dw: number, dh: number): Float64Array {
  const out = new Float64Array(dw * dh);
  const share = (o: number, n: number, s: number, i: number) => Math.max(0, Math.min((o + 1) * (s / n), i + 1) - Math.max(o * (s / n), i)) / (s / n);
  for (let oy = 0; oy < dh; oy++)
    for (let ox = 0; ox < dw; ox++) {
      let acc = 0;
      for (let y = Math.floor((oy * sh) / dh); y < Math.min(sh, Math.ceil(((oy + 1) * sh) / dh)); y++)
        for (let x = Math.floor((ox * sw) / dw); x < Math.min(sw, Math.ceil(((ox + 1) * sw) / dw)); x++) acc += src[y * sw + x]! * share(ox, dw, sw, x) * share(oy, dh, sh, y);
      out[oy * dw + ox] = acc;
    }
  return out;
}

describe('resamplePlane against a plain area average', () => {
  it('matches it at fractional, integer and up-scaling factors (two- and three-tap rows included)', () => {
    const sizes: [number, number, number, number][] = [[64, 36, 48, 27], [60, 34, 20, 17], [32, 18, 48, 27], [40, 24, 20, 12], [72, 40, 18, 10], [50, 30, 7, 5]];
    for (const [sw, sh, dw, dh] of sizes) {
      const src = Uint8Array.from({ length: sw * sh }, (_, i) => (i * 2654435761) >>> 24);
      const out = new Float32Array(dw * dh);
      resamplePlane(src, 0, sw, sw, sh, dw, dh, out);
      const ref = plainArea(src, sw, sh, dw, dh);
      for (let i = 0; i < out.length; i++) expect(Math.abs(out[i]! - ref[i]!), `${sw}x${sh}->${dw}x${dh} at ${i}`).toBeLessThan(1e-3);
    }
  });
});
