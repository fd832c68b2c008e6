/**
 * The same bands read at every source size: a quantised sky made at 360, 540, 720 and 1080 rows and
 * read through the tier's analysis size (960x540 at most), and the flat blocks of a starved codec's
 * 8-px grid at 360p, 720p and 1080p. Area resampling split most one-pixel steps of a shrunk frame
 * into two smaller ones (the 720p sky read 2.1 against 4.0 at 540p); the sampled `yuv` plane keeps them.
 */
import { describe, expect, it } from 'vitest';
import { rng, runOn } from '../../testing/expert-harness.ts';
import { analysisPlaneOf, yuvFrame } from '../../testing/yuv-frame.ts';

/** Bands of 6 code values in a sky graded top to bottom and a little across. */
const sky = (u: number, v: number) => Math.floor((70 + 60 * v + 15 * u) / 6) * 6 + 3;

/** Reads a frame as the pipeline does: the plan's analysis size and its scale. */
async function read(frame: ReturnType<typeof yuvFrame>): Promise<number> {
  const plane = analysisPlaneOf('banding', frame);
  return (await runOn('banding', [plane], undefined, 1, frame.width / plane.width)).score[0]!;
}

describe('banding expert across source sizes', () => {
  it('reads the same banded sky alike when it is read smaller (720p, 1080p) as when made at the analysis size', { timeout: 60_000 }, async () => {
    const [at540, at720, at1080] = [await read(yuvFrame(960, 540, sky)), await read(yuvFrame(1280, 720, sky)), await read(yuvFrame(1920, 1080, sky))];
    expect(at540!).toBeGreaterThan(2.5);
    expect(Math.abs(at720! / at540! - 1)).toBeLessThan(0.05);
    expect(Math.abs(at1080! / at540! - 1)).toBeLessThan(0.05);
  });

  it('leaves the flat blocks of a codec 8-px grid to blocking at 360p, 720p and 1080p', { timeout: 60_000 }, async () => {
    for (const h of [360, 720, 1080]) {
      const w = (h * 16) / 9;
      const r = rng(5);
      const cols = w / 8;
      // Neighbouring blocks differ by 4–10 code values (a step that counts), up or down at random.
      const level = Array.from({ length: cols * Math.ceil(h / 8) }, () => 100 + (4 + Math.floor(7 * r())) * (r() < 0.5 ? -1 : 1));
      const score = await read(yuvFrame(w, h, (_u, _v, x, y) => level[Math.floor(y / 8) * cols + Math.floor(x / 8)]!));
      expect(score, `${h} rows`).toBeLessThan(0.5);
    }
  });
});
