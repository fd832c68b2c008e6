import { describe, expect, it } from 'vitest';
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import { planeNeeds, toAnalysisFrame } from '../pipeline/analysis-frame.ts';
import { BatchDispatcher, MAKE_HERE_WHEN_QUEUED, type ActiveExpert } from '../pipeline/batches.ts';
import { ExpertResults } from '../pipeline/expert-results.ts';
import { metaOf, sessionOf } from '../testing/expert-harness.ts';
import { seededRandom } from '../util/seeded-random.ts';
import { LocalExecutor, type ExpertExecutor } from './executor.ts';
import { planeKind, rawJobs, stackJobs } from './raw-batch.ts';

/** A 720p I420 frame: gradients, a few hard edges and seeded noise, so every expert sees something. */
function frame(seed: number): YuvPlanes {
  const w = 1280;
  const h = 720;
  const rand = seededRandom(seed);
  const data = new Uint8Array((w * h * 3) / 2);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) data[y * w + x] = Math.max(16, Math.min(235, Math.round((x / w) * 200 + (y % 90 < 45 ? 10 : 0) + (x > 600 && x < 700 ? 30 : 0) + rand() * 12)));
  for (let i = w * h; i < data.length; i++) data[i] = 110 + Math.round(rand() * 30);
  const cw = w / 2;
  const ch = h / 2;
  return { fullRange: false, width: w, height: h, data, y: { offset: 0, stride: w }, u: { offset: w * h, stride: cw, width: cw, height: ch }, v: { offset: w * h + cw * ch, stride: cw, width: cw, height: ch } };
}

const SIZE = { width: 960, height: 540 };
const ROWS = { width: 960, height: 720 };
// One expert per plane kind: full-range luma, rows, YUV, RGB; banding on every second frame.
const IDS: [string, number][] = [['overexposure', 1], ['interlacing', 1], ['noise', 1], ['colourfulness', 1], ['banding', 2]];

function experts(): ActiveExpert[] {
  return IDS.map(([id, stride]) => ({ meta: metaOf(id), stride, results: new ExpertResults(metaOf(id)) }));
}

async function executor(): Promise<LocalExecutor> {
  const ex = new LocalExecutor((meta) => sessionOf(meta.id));
  await ex.load(IDS.map(([id]) => metaOf(id)), '', 'wasm');
  return ex;
}

function outputsOf(active: ActiveExpert[]) {
  return active.map((e) => e.results.frames.map((f) => ({ tS: f.tS, raw: f.raw, map: Array.from(f.map ?? []) })));
}

describe('spatial batches as pixels', () => {
  it('give every expert the same outputs, to the bit, as planes made by the caller', { timeout: 60_000 }, async () => {
    const pixels = [frame(1), frame(2), frame(3)];
    const ex = await executor();
    const needs = planeNeeds(IDS.map(([id]) => metaOf(id)));

    const made = experts();
    const before = new BatchDispatcher(ex);
    await before.spatial(pixels.slice(0, 2).map((p, i) => toAnalysisFrame(p, i, i / 4, SIZE, ROWS, needs)), made);
    await before.spatial([toAnalysisFrame(pixels[2]!, 2, 0.5, SIZE, ROWS, needs)], made);
    await before.drain();

    // Made in the executor (the inference worker's path), and by the dispatcher for an executor without runRaw.
    const inWorker = experts();
    const raw = new BatchDispatcher(ex);
    const plain: ExpertExecutor = { load: (...a) => ex.load(...a), run: (...a) => ex.run(...a) };
    const byCaller = experts();
    const fallback = new BatchDispatcher(plain);
    for (const [d, active] of [[raw, inWorker], [fallback, byCaller]] as const) {
      await d.spatialPixels(pixels.slice(0, 2).map((p, i) => ({ index: i, tS: i / 4, pixels: { ...p, data: p.data.slice() }, needs })), active, SIZE, ROWS);
      await d.spatialPixels([{ index: 2, tS: 0.5, pixels: { ...pixels[2]!, data: pixels[2]!.data.slice() }, needs }], active, SIZE, ROWS);
      await d.drain();
    }
    const expected = outputsOf(made);
    // Frames per expert: 3, except banding on frames 0 and 2.
    expect(expected.map((e) => e.length)).toEqual([3, 3, 3, 3, 2]);
    expect(expected.flat().every((f) => Number.isFinite(f.raw) && f.map.length > 0)).toBe(true);
    expect(outputsOf(inWorker)).toEqual(expected);
    expect(outputsOf(byCaller)).toEqual(expected);
  });

  it('hand the executor pixels, not planes, when it can make them', async () => {
    const seen: string[] = [];
    const ex = await executor();
    const spy: ExpertExecutor = {
      load: (...a) => ex.load(...a),
      run: (jobs, first) => (seen.push('run'), ex.run(jobs, first)),
      runRaw: (batch, first) => (seen.push(`runRaw ${batch.frames.length} frames, ${batch.jobs.length} jobs`), ex.runRaw(batch, first)),
    };
    const d = new BatchDispatcher(spy);
    const p = frame(4);
    const active = experts();
    await d.spatialPixels([{ index: 1, tS: 0, pixels: p, needs: planeNeeds(IDS.map(([id]) => metaOf(id))) }], active, SIZE, ROWS);
    await d.drain();
    // Frame 1 is skipped by banding's stride of 2: one frame, four jobs.
    expect(seen).toEqual(['runRaw 1 frames, 4 jobs']);
    expect(active[4]!.results.frames).toHaveLength(0);
    expect(active[0]!.results.frames).toHaveLength(1);
  });

  it('make the planes in the dispatcher once the executor has batches queued', async () => {
    const seen: string[] = [];
    const ex = await executor();
    const held: (() => void)[] = [];
    // Each batch is held until released, so the dispatcher sees them in flight.
    const hold = <T>(p: Promise<T>) => new Promise<T>((resolve) => held.push(() => resolve(p)));
    const spy: ExpertExecutor = {
      load: (...a) => ex.load(...a),
      run: (jobs, first) => (seen.push('run'), hold(ex.run(jobs, first))),
      runRaw: (batch, first) => (seen.push('runRaw'), hold(ex.runRaw(batch, first))),
    };
    const d = new BatchDispatcher(spy, MAKE_HERE_WHEN_QUEUED + 2);
    const needs = planeNeeds(IDS.map(([id]) => metaOf(id)));
    const active = experts();
    for (let i = 0; i <= MAKE_HERE_WHEN_QUEUED; i++) await d.spatialPixels([{ index: 2 * i, tS: i, pixels: frame(10 + i), needs }], active, SIZE, ROWS);
    expect(seen).toEqual([...Array<string>(MAKE_HERE_WHEN_QUEUED).fill('runRaw'), 'run']);
    held.forEach((release) => release());
    await d.drain();
    expect(active[0]!.results.frames.map((f) => f.tS)).toEqual(Array.from({ length: MAKE_HERE_WHEN_QUEUED + 1 }, (_, i) => i));
  });

  it('make the planes read on every frame straight into the stacked tensors, with the same values', () => {
    const pixels = [frame(5), frame(6), frame(7)];
    const needs = planeNeeds(IDS.map(([id]) => metaOf(id)));
    // Every expert on frames 0-2, banding on 0 and 2 only (a stack of part of the batch).
    const jobs = IDS.map(([id, stride]) => ({ id, kind: planeKind(metaOf(id)), pick: [0, 1, 2].filter((i) => i % stride === 0) }));
    const made = stackJobs(pixels.map((p, i) => toAnalysisFrame(p, i, i, SIZE, ROWS, needs)), jobs);
    const inPlace = rawJobs({ frames: pixels.map((p, i) => ({ index: i, tS: i, pixels: p, needs })), size: SIZE, rowsSize: ROWS, jobs });
    expect(inPlace.map((j) => j.x.dims)).toEqual(made.map((j) => j.x.dims));
    inPlace.forEach((j, k) => expect(Buffer.from(j.x.data.buffer).equals(Buffer.from(made[k]!.x.data.buffer))).toBe(true));
    // Banding's luma of frames 0 and 2 is its own tensor; the others read the whole batch.
    expect(inPlace[4]!.x.dims[0]).toBe(2);
    expect(inPlace[0]!.x.data.length).toBe(3 * SIZE.width * SIZE.height);
  });
});
