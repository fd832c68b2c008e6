import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Keyframe, RouteContext } from '../types.ts';
import { contentFeatures, FEATURE_NAMES, FEATURES } from './features.ts';
import { pictureStats } from './picture-stats.ts';

const IMAGES = resolve(import.meta.dirname, '../../../../shared/data/images');

/** A slide: white background, a dark title bar and rows of 2-px "letters" in dark blue. */
function slide(w = 256, h = 144): Keyframe {
  const rgb = new Uint8Array(w * h * 3).fill(255);
  const put = (x: number, y: number, c: [number, number, number]) => rgb.set(c, 3 * (y * w + x));
  for (let y = 0; y < 20; y++) for (let x = 0; x < w; x++) put(x, y, [20, 40, 120]);
  for (let row = 0; row < 8; row++) {
    const y0 = 30 + row * 13;
    for (let x = 16; x < w - 16; x += 5) {
      if ((x * 7 + row * 3) % 11 < 2) continue; // word gaps
      for (let y = y0; y < y0 + 8; y++) { put(x, y, [10, 20, 90]); put(x + 1, y, [10, 20, 90]); }
      for (let xx = x; xx < x + 4; xx++) put(xx, y0 + ((x + row) % 3) * 3, [10, 20, 90]);
    }
  }
  return { tS: 0, width: w, height: h, rgb };
}

/** A photo scaled to 256 px wide as RGB, through ffmpeg. */
function photo(file: string): Keyframe {
  const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  const [w0, h0] = probe.trim().split(',').map(Number);
  const h = 2 * Math.round((256 * h0!) / w0! / 2);
  const rgb = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-vf', `scale=256:${h}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
  return { tS: 0, width: 256, height: h, rgb: new Uint8Array(rgb) };
}

function ctxOf(keyframes: Keyframe[], adjacentDiffs: number[] = [], distantDiffs: number[] = []): RouteContext {
  const { width, height } = keyframes[0]!;
  return {
    video: { container: 'mp4', codec: 'avc1', width: width * 5, height: height * 5, durationS: 8, fps: 30, frameCount: 240, decoder: 'webcodecs' },
    probe: { keyframes, experts: [], motion: { adjacentDiffs, distantDiffs }, ms: 0 },
    catalogue: [],
    budget: { tier: 1 },
  };
}

describe('content features', () => {
  it('documents every feature in one line with words for high and low', () => {
    expect(new Set(FEATURE_NAMES).size).toBe(FEATURES.length);
    for (const f of FEATURES) {
      expect(f.doc.length).toBeGreaterThan(10);
      expect(f.doc).not.toContain('\n');
      expect(f.high).not.toBe(f.low);
    }
  });

  it('reads a flat two-colour slide with text-like strokes as screen-like', () => {
    const s = pictureStats(slide());
    expect(s.flatShare).toBeGreaterThan(0.6);
    expect(s.paletteTop).toBeGreaterThan(0.95);
    expect(s.strokeShare).toBeGreaterThan(0.05);
    expect(s.edgeAxis).toBeGreaterThan(0.8);
    expect(s.grain).toBeLessThan(2);
  });

  it('reports motion, repeats and missing evidence as documented', () => {
    const kf = slide();
    const held = contentFeatures(ctxOf([kf, kf], [0, 0, 0.1, 0], [12, 0]));
    const at = (v: Float64Array, name: string) => v[FEATURE_NAMES.indexOf(name)]!;
    expect(at(held, 'repeatShare')).toBe(1);
    expect(at(held, 'motionAdj')).toBeCloseTo(Math.log1p(0.025), 6);
    expect(at(held, 'motionRatio')).toBeLessThan(0);
    const moving = contentFeatures(ctxOf([kf], [8, 9, 10], [10, 11]));
    expect(at(moving, 'repeatShare')).toBe(0);
    expect(at(moving, 'motionRatio')).toBeGreaterThan(at(held, 'motionRatio'));
    // No probe expert ran: those features are NaN (the classifier reads them as average).
    expect(Number.isNaN(at(moving, 'probe.noise'))).toBe(true);
    expect(at(moving, 'logFps')).toBeCloseTo(Math.log2(30), 6);
  });

  it('reads a held overlay across the keyframes, and leaves it out with fewer than three', () => {
    const at = (v: Float64Array, name: string) => v[FEATURE_NAMES.indexOf(name)]!;
    // The slide's title bar and text stay put while the lower half changes from keyframe to keyframe.
    const kfs = [0, 1, 2, 3].map((k) => {
      const kf = slide();
      for (let i = 3 * 256 * 80; i < kf.rgb.length; i++) kf.rgb[i] = (i * (k + 3)) % 251;
      return kf;
    });
    const v = contentFeatures(ctxOf(kfs));
    expect(at(v, 'heldDetail')).toBeGreaterThan(0.2);
    expect(at(v, 'movedShare')).toBeGreaterThan(0.2);
    expect(at(v, 'heldAndMoved')).toBeCloseTo(Math.sqrt(at(v, 'heldDetail') ** 2 * at(v, 'movedShare') ** 2), 9);
    expect(Number.isNaN(at(contentFeatures(ctxOf(kfs.slice(0, 2))), 'heldDetail'))).toBe(true);
  });

  describe.skipIf(!existsSync(IMAGES))('on real photos from ../shared/data/images', () => {
    it('does not read a noisy natural photo as screen-like', () => {
      const s = pictureStats(photo(resolve(IMAGES, 'baboon.jpg')));
      const slideStats = pictureStats(slide());
      expect(s.flatShare).toBeLessThan(0.15);
      expect(s.paletteTop).toBeLessThan(0.3);
      expect(s.grain).toBeGreaterThan(1.5);
      expect(s.edgeAxis).toBeLessThan(slideStats.edgeAxis - 0.3);
      expect(s.paletteLog).toBeGreaterThan(slideStats.paletteLog + 0.2);
    });

    it('sees a colourful photo as more colourful than a grey one', () => {
      const fruit = pictureStats(photo(resolve(IMAGES, 'fruits.jpg')));
      const camera = pictureStats(photo(resolve(IMAGES, 'camera.png')));
      expect(fruit.colourfulness).toBeGreaterThan(camera.colourfulness + 0.2);
      expect(camera.neutralShare).toBeGreaterThan(0.95);
    });
  });
});
