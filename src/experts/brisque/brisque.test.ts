import { describe, expect, it } from 'vitest';
import { createSession } from '../../inference/ort.ts';
import { metaOf, runOn, planeFrom, rng } from '../../testing/expert-harness.ts';
import { readPlanes } from '../../testing/media.ts';
import { opencvGray } from '../../testing/rgb-gray.ts';
import { buildModel } from './model.ts';
import reference from './reference-values.json' with { type: 'json' };

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url).pathname;
// The published value (opencv_contrib test_brisque.cpp) for rubberwhale1.png.
const PUBLISHED = 9.7544803619;

/** Runs the OpenCV-gray variant of the model on a fixture read as RGB. */
async function brisqueOf(session: Awaited<ReturnType<typeof createSession>>, name: string) {
  const gray = opencvGray(readPlanes(fixture(name), { planes: 'rgb' })[0]!);
  return session.run({ x: { data: gray.data, dims: [1, 1, gray.height, gray.width] } });
}

describe('brisque expert', () => {
  const session = createSession('brisque-gray', buildModel({ input: 'gray' }), 'wasm');

  it('matches the published OpenCV value on rubberwhale1.png within 0.01', async () => {
    const out = await brisqueOf(await session, 'rubberwhale1.png');
    expect(Math.abs(out.score!.data[0]! - PUBLISHED)).toBeLessThan(0.01);
    expect(out.map!.dims).toEqual([1, 4, 6]);
    expect(out.map!.data.every((v) => Number.isFinite(v) && v >= 0 && v <= 100)).toBe(true);
  });

  it('agrees with OpenCV on the other fixtures', async () => {
    for (const [name, ref] of Object.entries(reference.values)) {
      const out = await brisqueOf(await session, name);
      expect(Math.abs(out.score!.data[0]! - ref.brisque), name).toBeLessThan(0.05);
    }
  });

  it('takes video luma (limited range) in the shipped model, close to the gray result', async () => {
    // ffmpeg's gray is BT.601 limited-range Y, as the app's decoder planes are.
    const y = readPlanes(fixture('rubberwhale1.png'))[0]!;
    const out = await runOn('brisque', [y]);
    expect(Math.abs(out.score[0]! - PUBLISHED)).toBeLessThan(1);
    expect(metaOf('brisque').inputs.planes).toBe('luma');
  });

  it('rates added noise worse and runs batches of symbolic size', async () => {
    const r = rng(3);
    const y = readPlanes(fixture('rubberwhale1.png'), { filter: 'crop=384:288:0:0' })[0]!;
    const noisy = planeFrom(y.width, y.height, (x, yy) => Math.min(235, Math.max(16, y.data[yy * y.width + x]! + 40 * (r() - 0.5))));
    const out = await runOn('brisque', [y, noisy]);
    expect(out.score.length).toBe(2);
    expect(out.score[1]!).toBeGreaterThan(out.score[0]! + 5);
    expect([out.ph, out.pw]).toEqual([3, 4]);
  });
});
