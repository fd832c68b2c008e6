import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ModelLoadError } from '../errors.ts';
import { buildExternalDemo } from '../../scripts/build-external-demo.ts';
import { loadExternalExpert, runExternalExpert, type ExternalExpertSpec } from './external.ts';
import { buildExternalInput, fragmentStarts, pickFrames, type RgbFrame } from './external-input.ts';

const spec: ExternalExpertSpec = {
  id: 'external-demo',
  label: 'External demo',
  url: 'models/external-demo.onnx',
  input: {
    frames: 4,
    size: 224,
    mean: [123.675, 116.28, 103.53],
    std: [58.395, 57.12, 57.375],
    layout: 'NCTHW',
    sampling: { kind: 'fragments', grid: 7, patch: 32, seed: 1 },
  },
  output: { name: 'score', shape: [1], lowerIsBetter: false, range: [0, 1] },
};

/** A planar RGB frame whose pixels encode their position, so samples can be traced back. */
function frame(w: number, h: number, f: (c: number, x: number, y: number) => number): RgbFrame {
  const data = new Float32Array(3 * w * h);
  for (let c = 0; c < 3; c++) for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data[c * w * h + y * w + x] = f(c, x, y);
  return { width: w, height: h, data };
}

const fakeFetch = (bytes: Uint8Array) => async () => ({ ok: true, status: 200, arrayBuffer: async () => Uint8Array.from(bytes).buffer });

describe('external experts', () => {
  it('picks frames uniformly and places fragments inside their cells', () => {
    expect(pickFrames(10, 4)).toEqual([1, 3, 6, 8]);
    expect(pickFrames(2, 4)).toEqual([0, 0, 1, 1]);
    const starts = fragmentStarts(960, 7, 32);
    starts.forEach((s, i) => {
      expect(s).toBeGreaterThanOrEqual(Math.floor((i * 960) / 7));
      expect(s + 32).toBeLessThanOrEqual(Math.ceil(((i + 1) * 960) / 7));
    });
  });

  it('builds a normalised NCTHW fragment mosaic at native resolution', () => {
    const frames = [0, 1, 2, 3].map((t) => frame(640, 360, (c, x, y) => (c === 0 ? x % 256 : c === 1 ? y % 256 : t)));
    const centred = { ...spec, input: { ...spec.input, sampling: { kind: 'fragments' as const, grid: 7, patch: 32 } } };
    const x = buildExternalInput(centred, frames);
    expect(x.dims).toEqual([1, 3, 4, 224, 224]);
    const xs = fragmentStarts(640, 7, 32);
    // Red carries the source column: within a fragment, columns are consecutive native pixels.
    const red = (col: number) => x.data[col]! * 58.395 + 123.675;
    expect(red(0)).toBeCloseTo(xs[0]! % 256, 3);
    expect(red(31) - red(0)).toBeCloseTo(31, 3);
    expect(red(32)).toBeCloseTo(xs[1]! % 256, 3);
    // Blue carries the frame index in the T axis.
    const blue = (t: number) => x.data[(2 * 4 + t) * 224 * 224]! * 57.375 + 103.53;
    expect([0, 1, 2, 3].map((t) => Math.round(blue(t)))).toEqual([0, 1, 2, 3]);
    const ntchw = buildExternalInput({ ...centred, input: { ...centred.input, layout: 'NTCHW' } }, frames);
    expect(ntchw.dims).toEqual([1, 4, 3, 224, 224]);
  });

  it('loads a model from a URL and gives one score per video', async () => {
    const expert = await loadExternalExpert(spec, fakeFetch(buildExternalDemo()));
    const flat = [frame(320, 240, () => 128)];
    const busy = [frame(320, 240, (c, x, y) => ((x >> 2) + (y >> 2)) % 2 ? 220 : 30)];
    const a = await runExternalExpert(expert, flat);
    const b = await runExternalExpert(expert, busy);
    expect(a.dims).toEqual([1]);
    expect(a.score).toBeLessThan(0.01); // float rounding in E[x²] − E[x]² only
    expect(b.score).toBeGreaterThan(1);
  });

  it('ships the generated demo model and reports failed downloads as ModelLoadError', async () => {
    const shipped = readFileSync(new URL('../../public/models/external-demo.onnx', import.meta.url));
    expect(Buffer.compare(shipped, Buffer.from(buildExternalDemo()))).toBe(0);
    const notFound = async () => ({ ok: false, status: 404, statusText: 'Not Found', arrayBuffer: async () => new ArrayBuffer(0) });
    await expect(loadExternalExpert(spec, notFound)).rejects.toBeInstanceOf(ModelLoadError);
    const offline = async () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(loadExternalExpert(spec, offline)).rejects.toThrow(/could not be downloaded/);
    await expect(loadExternalExpert(spec, fakeFetch(new Uint8Array([1, 2, 3])))).rejects.toBeInstanceOf(ModelLoadError);
  });
});
