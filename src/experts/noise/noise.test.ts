import { describe, expect, it } from 'vitest';
import { regionOf } from '../../localize/regions.ts';
import { ExpertResults } from '../../pipeline/expert-results.ts';
import { noiseReadings } from '../../../bench/calibrate/noise-readings.ts';
import { metaOf, planeFrom, rng, runOn, type Plane } from '../../testing/expert-harness.ts';

function gaussian(seed: number): () => number {
  const r = rng(seed);
  return () => Math.sqrt(-2 * Math.log(Math.max(r(), 1e-12))) * Math.cos(2 * Math.PI * r());
}

function withNoise(p: Plane, sigma: number, seed = 1): Plane {
  const n = gaussian(seed);
  return planeFrom(p.width, p.height, (x, y) => Math.min(255, Math.max(0, p.data[y * p.width + x]! + sigma * n())));
}

/**
 * The expert's `yuv` plane: luma on top, then half-size Cb (left) and Cr (right) below; chroma is
 * neutral (128) unless given as functions of the half-size position.
 */
function yuv(luma: Plane, cb: (x: number, y: number) => number = () => 128, cr: (x: number, y: number) => number = () => 128): Plane {
  const { width: w, height: h } = luma;
  const cw = Math.floor(w / 2);
  return planeFrom(w, h + Math.floor(h / 2), (x, y) => {
    if (y < h) return luma.data[y * w + x]!;
    const cy = y - h;
    return x < cw ? cb(x, cy) : x < 2 * cw ? cr(x - cw, cy) : 128;
  });
}

/** Runs the expert on luma planes (neutral chroma). */
function runLuma(planes: Plane[]) {
  return runOn('noise', planes.map((p) => yuv(p)));
}

/** Half flat sky-like gradient, half strong wavy texture. */
function scene(): Plane {
  return planeFrom(256, 192, (x, y) => (x < 128 ? 90 + 0.3 * y : 110 + 60 * Math.sin(x * 0.31 + 2 * Math.sin(y * 0.17)) * Math.cos(y * 0.23 + Math.sin(x * 0.05))));
}

describe('noise expert', () => {
  it('reads zero on a flat image and about σ on flat noise', async () => {
    const flat = planeFrom(192, 192, () => 120);
    const out = await runLuma([flat, withNoise(flat, 5), withNoise(flat, 10), withNoise(flat, 20)]);
    const s = Array.from(out.score);
    expect(s[0]!).toBeLessThan(0.1);
    expect(s[1]!).toBeGreaterThan(3.5);
    expect(s[1]!).toBeLessThan(6.5);
    expect(s[2]!).toBeGreaterThan(7.5);
    expect(s[2]!).toBeLessThan(12.5);
    expect(s[3]!).toBeGreaterThan(15);
    expect(s[3]!).toBeLessThan(25);
  });

  it('does not take texture for noise, but sees noise added to a textured scene', async () => {
    const clean = scene();
    const out = await runLuma([clean, withNoise(clean, 8)]);
    expect(out.score[0]!).toBeLessThan(1);
    expect(out.score[1]!).toBeGreaterThan(5);
    // The map is per 32-px patch: 6 × 8.
    expect(out.ph).toBe(6);
    expect(out.pw).toBe(8);
  });

  it('ignores areas clipped to white', async () => {
    const out = await runLuma([planeFrom(128, 128, () => 255)]);
    expect(out.score[0]!).toBe(0);
    expect(Math.max(...out.map)).toBe(0);
  });

  it('reads a clean frame textured all over as clean', async () => {
    // Wavy texture over the whole frame, no flat area anywhere.
    const waves = planeFrom(320, 192, (x, y) => 110 + 60 * Math.sin(x * 0.31 + 2 * Math.sin(y * 0.17)) * Math.cos(y * 0.23 + Math.sin(x * 0.05)));
    const out = await runLuma([waves]);
    expect(out.score[0]!).toBeLessThan(metaOf('noise').threshold!);
  });

  it('flags noise over a third of an otherwise clean frame, with a region on the noisy part', async () => {
    const clean = scene();
    const r = gaussian(3);
    // σ 16 over the left third only (x < 96 of 256), the rest clean.
    const part = planeFrom(256, 192, (x, y) => Math.min(255, Math.max(0, clean.data[y * 256 + x]! + (x < 96 ? 16 * r() : 0))));
    const [outClean, outPart] = await Promise.all([runLuma([clean]), runLuma([part])]);
    const meta = metaOf('noise');
    expect(outClean.score[0]!).toBeLessThan(meta.threshold!);
    expect(outPart.score[0]!).toBeGreaterThan(meta.threshold!);
    const res = new ExpertResults(meta);
    res.add(0, outPart.score[0]!, outPart.map, outPart.ph, outPart.pw, true);
    const region = regionOf(res, res.frames);
    expect(region).toBeDefined();
    // The box lies on the noisy left third (patches are 32 px: 3 of 8 columns).
    expect(region!.x).toBe(0);
    expect(region!.x + region!.w).toBeLessThanOrEqual(0.375 + 1e-6);
    expect(region!.w).toBeGreaterThanOrEqual(0.25);
  });

  it('reads chroma speckle that outlived an encode, but not coloured edges', async () => {
    // Luma smoothed flat by the encoder (a soft gradient); independent speckle in Cb and Cr (σ 3).
    const luma = planeFrom(256, 192, (x, y) => 100 + 0.2 * x + 0.1 * y);
    const nb = gaussian(5);
    const nr = gaussian(6);
    const speckled = yuv(luma, () => 128 + 3 * nb(), () => 128 + 3 * nr());
    // Palette art: saturated stripes whose Cb and Cr change together at every edge, luma flat.
    const stripe = (x: number, y: number) => ((Math.floor(x / 3) + Math.floor(y / 5)) % 2 ? 60 : 0);
    const striped = yuv(luma, (x, y) => 98 + stripe(x, y), (x, y) => 158 - stripe(x, y));
    const out = await runOn('noise', [yuv(luma), speckled, striped]);
    const t = metaOf('noise').threshold!;
    expect(out.score[0]!).toBeLessThan(1);
    expect(out.score[1]!).toBeGreaterThan(t);
    expect(out.score[2]!).toBeLessThan(t / 2);
  });

  it('reads colour blotches left by a capped encode as the prototype does, held under the threshold', async () => {
    // Cb and Cr hold independent blotches of 4×4 chroma pixels (what an encoder short of bits leaves
    // of colour grain), weak and strong; a smooth chroma ramp as the clean case. Luma is flat over the
    // top quarter (the blocks read) and textured below.
    const luma = planeFrom(256, 192, (x, y) => (y < 48 ? 100 : Math.round(100 + 30 * Math.sin(x * 1.3) * Math.cos(y * 0.9))));
    const blotches = (seed: number, amp: number) => {
      const n = gaussian(seed);
      const cells = Array.from({ length: 48 * 64 }, () => amp * n());
      return (x: number, y: number) => Math.round(128 + cells[Math.floor(y / 4) * 64 + Math.floor(x / 4)]!);
    };
    const ramp = (x: number, y: number) => 110 + 0.3 * x + 0.2 * y;
    const frames = [yuv(luma, ramp, (x) => 140 - 0.2 * x), yuv(luma, blotches(7, 1.5), blotches(8, 1.5)), yuv(luma, blotches(9, 3), blotches(10, 3))];
    const out = await runOn('noise', frames);
    const t = metaOf('noise').threshold!;
    // The same frames as 4:2:0 planes for the prototype (bench/calibrate/noise-readings.ts).
    const proto = frames.map((f) => {
      const w = 256, h = 192, cw = 128, ch = 96;
      const buf = new Uint8Array(w * h + 2 * cw * ch);
      buf.set(f.data.subarray(0, w * h).map((v) => Math.round(v)));
      for (let y = 0; y < ch; y++) for (let x = 0; x < cw; x++) {
        buf[w * h + y * cw + x] = Math.round(f.data[(h + y) * w + x]!);
        buf[w * h + cw * ch + y * cw + x] = Math.round(f.data[(h + y) * w + cw + x]!);
      }
      return Math.min(5.9, 12 * Math.max(0, noiseReadings(buf, w, h).cMidFlatHiD! - 0.1));
    });
    // The smooth ramp reads under the expert's floor (1.5: no defect) and no blotches.
    expect(proto[0]!).toBe(0);
    expect(out.score[0]!).toBeLessThan(1.5);
    expect(out.score[1]!).toBeGreaterThan(1.5);
    expect(out.score[1]!).toBeLessThan(out.score[2]!);
    expect(out.score[2]!).toBeLessThan(t);
    for (const i of [1, 2]) expect(out.score[i]!).toBeCloseTo(proto[i]!, 2);
  });
});
