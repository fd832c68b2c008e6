import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metaOf, planeFrom, rng, runOn, type Plane } from '../../testing/expert-harness.ts';
import { readPlanes } from '../../testing/media.ts';
import { textureField } from '../../testing/temporal-fixtures.ts';

const THRESHOLD = metaOf('interlacing').threshold!;
// The shared photos beside the checkout (CI has them there too).
const IMAGES = resolve(import.meta.dirname, '../../../../shared/data/images');

const W = 128;
const H = 96;
const field = textureField(300, 300, 13);
/** A bright textured object whose left edge is at `edge` on the row, over a darker textured background. */
const scene = (x: number, y: number, edge: number) => (x >= edge ? 150 + 0.5 * (field(x, y) - 128) : 60 + 0.3 * (field(x + 50, y) - 128));

describe('interlacing expert', () => {
  it('finds combing on a moving edge woven from two fields', async () => {
    const woven = planeFrom(W, H, (x, y) => scene(x, y, y % 2 ? 60 : 52));
    const out = await runOn('interlacing', [woven]);
    expect(out.score[0]!).toBeGreaterThan(3);
    // The combing sits in the patch column that holds the edge.
    expect(out.ph).toBe(3);
    expect(out.pw).toBe(4);
    const row = Array.from(out.map.slice(4, 8));
    expect(row.indexOf(Math.max(...row))).toBe(1);
  });

  it('grows with the distance the edge moved between fields', async () => {
    const scores: number[] = [];
    for (const shift of [0, 2, 4, 8]) {
      const woven = planeFrom(W, H, (x, y) => scene(x, y, y % 2 ? 52 + shift : 52));
      scores.push((await runOn('interlacing', [woven])).score[0]!);
    }
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeGreaterThan(scores[i - 1]!);
    expect(scores[0]!).toBeLessThan(0.3);
  });

  it('does not call a progressive moving edge or static 1-px horizontal stripes combing', async () => {
    const blurredEdge = planeFrom(W, H, (x, y) => {
      let s = 0;
      for (let k = 0; k < 8; k++) s += scene(x, y, 52 + k);
      return s / 8;
    });
    const stripes = planeFrom(W, H, (x, y) => scene(x, y, 52) + (y % 2 ? 25 : -25));
    const thinLines = planeFrom(W, H, (x, y) => scene(x, y, 52) + (y % 12 === 0 ? 80 : 0));
    const out = await runOn('interlacing', [blurredEdge, stripes, thinLines]);
    for (const s of out.score) expect(s).toBeLessThan(0.5);
  });

  it('does not call strong additive noise on progressive content combing', async () => {
    const noisy = (sigma: number, seed: number) => {
      const r = rng(seed);
      // Box-Muller Gaussian noise on the textured scene, clamped to the code range.
      return planeFrom(W, H, (x, y) => {
        const n = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
        return Math.max(0, Math.min(255, scene(x, y, 52) + sigma * n));
      });
    };
    const out = await runOn('interlacing', [noisy(15, 3), noisy(30, 4)]);
    for (const s of out.score) expect(s).toBeLessThan(THRESHOLD);
  });

  it('does not call fractal or pseudo-random binary texture combing', async () => {
    const r = rng(11);
    const binary = planeFrom(W, H, () => (r() < 0.5 ? 40 : 210));
    // Escape-time Mandelbrot detail at a scale where it changes from pixel to pixel.
    const mandelbrot = planeFrom(W, H, (x, y) => {
      const cr = -0.7453 + (x - W / 2) * 0.0004;
      const ci = 0.1127 + (y - H / 2) * 0.0004;
      let zr = 0;
      let zi = 0;
      let i = 0;
      for (; i < 200 && zr * zr + zi * zi < 4; i++) [zr, zi] = [zr * zr - zi * zi + cr, 2 * zr * zi + ci];
      return (i * 37) % 256;
    });
    const out = await runOn('interlacing', [binary, mandelbrot]);
    for (const s of out.score) expect(s).toBeLessThan(THRESHOLD);
  });

  it('still finds combing under the noise', async () => {
    const r = rng(5);
    const woven = planeFrom(W, H, (x, y) => scene(x, y, y % 2 ? 60 : 52) + 15 * (r() + r() + r() - 1.5) * 2);
    expect((await runOn('interlacing', [woven])).score[0]!).toBeGreaterThan(THRESHOLD);
  });

  it('keeps photos with strong ffmpeg noise below the threshold', async () => {
    const files = readdirSync(IMAGES).filter((f) => /\.(png|jpg)$/.test(f)).slice(0, 12);
    for (const f of files) {
      const [p] = readPlanes(`${IMAGES}/${f}`, { filter: 'scale=trunc(iw/2)*2:trunc(ih/2)*2,noise=alls=40:allf=t' }) as [Plane];
      const out = await runOn('interlacing', [p]);
      expect(out.score[0]!, f).toBeLessThan(THRESHOLD);
    }
  }, 60_000);
});
