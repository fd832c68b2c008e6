import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, type Keyframe, type RouteContext } from '../types.ts';
import { classifyWith, type ContentModel } from './classify.ts';
import { CRUSHED_SHARE, sceneLuma } from './scene-luma.ts';

/** A keyframe of grey textured around `level` (0..255); `crushed` of its pixels at 0. */
function keyframe(tS: number, level: number, crushed = 0): Keyframe {
  const width = 64, height = 36;
  const rgb = new Uint8Array(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const v = i / (width * height) < crushed ? 0 : Math.max(0, Math.min(255, level + ((i * 37) % 21) - 10));
    rgb.fill(v, i * 3, i * 3 + 3);
  }
  return { tS, width, height, rgb };
}

/** A route context of these keyframes and nothing else. */
function context(keyframes: Keyframe[]): RouteContext {
  return {
    video: { container: 'mp4', codec: 'h264', width: 1280, height: 720, durationS: 6, fps: 25, frameCount: 150, decoder: 'webcodecs' },
    probe: { keyframes, experts: [], motion: { adjacentDiffs: [], distantDiffs: [] }, ms: 0 },
    catalogue: [],
    budget: { tier: 1 },
  };
}

/** A model shell that calls everything natural camera, with the shipped kind of luma cut. */
const shell: ContentModel = {
  features: [], classes: [...CONTENT_TYPES], mean: [], std: [], weights: CONTENT_TYPES.map(() => []),
  bias: CONTENT_TYPES.map((t) => (t === 'natural-camera' ? 2 : 0)), temperature: 1, lowLightLuma: 0.32,
};

describe('sceneLuma (the light a clip was shot in)', () => {
  it('leaves out keyframes crushed into black', () => {
    const stats = [{ lumaMean: 0.59, blackClip: 0 }, { lumaMean: 0.02, blackClip: 0.8 }, { lumaMean: 0.3, blackClip: 0 }];
    expect(sceneLuma(stats)).toBeCloseTo(0.445, 6);
  });

  it('keeps a keyframe with some black in it (a night street, letterbox bars)', () => {
    expect(sceneLuma([{ lumaMean: 0.2, blackClip: CRUSHED_SHARE - 0.01 }, { lumaMean: 0.4, blackClip: 0 }])).toBeCloseTo(0.3, 6);
  });

  it('keeps every keyframe when all are crushed (a night scene that dark throughout), NaN for none', () => {
    expect(sceneLuma([{ lumaMean: 0.02, blackClip: 0.6 }, { lumaMean: 0.04, blackClip: 0.55 }])).toBeCloseTo(0.03, 6);
    expect(sceneLuma([])).toBeNaN();
  });
});

describe('the low-light stage reads the scene luma', () => {
  it('does not call a lit clip with one keyframe pushed into black low light', () => {
    // Lit 150 and 76 of 255, one keyframe 80 % black: plain mean 0.30, under the cut.
    const c = classifyWith(shell, context([keyframe(0, 150), keyframe(2.5, 12, 0.8), keyframe(4, 76)]));
    expect(c.contentType).toBe('natural-camera');
  });

  it('still calls a clip dark in every keyframe low light', () => {
    expect(classifyWith(shell, context([keyframe(0, 50), keyframe(2.5, 12, 0.8), keyframe(4, 60)])).contentType).toBe('low-light');
    expect(classifyWith(shell, context([keyframe(0, 8, 0.7), keyframe(2.5, 6, 0.8)])).contentType).toBe('low-light');
  });
});
