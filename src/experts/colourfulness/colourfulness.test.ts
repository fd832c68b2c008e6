import { describe, expect, it } from 'vitest';
import { runOn, type Plane } from '../../testing/expert-harness.ts';

const W = 64;
const H = 64;

/** An RGB image, planar [3,H,W], from a function giving [r,g,b]; passed as one "plane" of 3·W·H values. */
function rgb(f: (x: number, y: number) => [number, number, number]): Plane {
  const data = new Float32Array(3 * W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const [r, g, b] = f(x, y);
      data[y * W + x] = r;
      data[W * H + y * W + x] = g;
      data[2 * W * H + y * W + x] = b;
    }
  return { width: W, height: H, data };
}

/** Reference Hasler–Süsstrunk colourfulness in plain TS. */
function reference(p: Plane): number {
  const n = W * H;
  let srg = 0, syb = 0, srg2 = 0, syb2 = 0;
  for (let i = 0; i < n; i++) {
    const r = p.data[i]!, g = p.data[n + i]!, b = p.data[2 * n + i]!;
    const rg = r - g;
    const yb = 0.5 * (r + g) - b;
    srg += rg; syb += yb; srg2 += rg * rg; syb2 += yb * yb;
  }
  const mrg = srg / n, myb = syb / n;
  const sd = Math.sqrt(srg2 / n - mrg * mrg + (syb2 / n - myb * myb));
  return sd + 0.3 * Math.hypot(mrg, myb);
}

describe('colourfulness expert', () => {
  it('is zero for grey images and matches the reference formula on colour ones', async () => {
    const grey = rgb((x) => [x * 3, x * 3, x * 3]);
    const redBlue = rgb((x) => (x < 32 ? [255, 0, 0] : [0, 0, 255]));
    const pastel = rgb((x, y) => [150 + x, 140 + y, 160]);
    const out = await runOn('colourfulness', [grey, redBlue, pastel], undefined, 3);
    const s = Array.from(out.score);
    expect(s[0]!).toBeCloseTo(0, 2);
    expect(s[1]!).toBeCloseTo(reference(redBlue), 1);
    expect(s[2]!).toBeCloseTo(reference(pastel), 1);
    expect(s[1]!).toBeGreaterThan(100);
    expect(s[2]!).toBeLessThan(s[1]! / 3);
  });

  it('maps colourfulness per 32-px patch', async () => {
    const out = await runOn('colourfulness', [rgb((x) => (x < 32 ? [128, 128, 128] : [200, 40, 40]))], undefined, 3);
    expect(out.ph).toBe(2);
    expect(out.pw).toBe(2);
    expect(out.map[0]!).toBeCloseTo(0, 2);
    expect(out.map[1]!).toBeCloseTo(0.3 * Math.hypot(160, 0.5 * 240 - 40), 1);
  });
});
