import { describe, expect, it } from 'vitest';
import { ExpertResults } from '../pipeline/expert-results.ts';
import type { ExpertMeta } from '../experts/types.ts';
import { components, regionOf, salientPatches } from './regions.ts';

const meta = {
  id: 'probe', label: 'Probe', kind: 'spatial', artifact: 'blur', lowerIsBetter: true, range: [0, 1], unit: '', threshold: 0.6,
  pool: 'median', costPerFrameMs: 1, requires: [], model: '', inputs: { planes: 'luma', stream: 'analysis', patch: 32 }, description: '',
} satisfies ExpertMeta as ExpertMeta;

/** A ph×pw map with `inside` in the given patch box and `outside` elsewhere. */
function boxMap(ph: number, pw: number, box: { x0: number; y0: number; x1: number; y1: number }, inside: number, outside: number): Float32Array {
  const m = new Float32Array(ph * pw);
  for (let r = 0; r < ph; r++) for (let c = 0; c < pw; c++) m[r * pw + c] = c >= box.x0 && c <= box.x1 && r >= box.y0 && r <= box.y1 ? inside : outside;
  return m;
}

function resultsWith(maps: Float32Array[], ph: number, pw: number): ExpertResults {
  const res = new ExpertResults(meta);
  maps.forEach((m, i) => res.add(i * 0.5, 0.7, m, ph, pw, true));
  return res;
}

describe('regions', () => {
  it('boxes the connected area that stands out and ignores a lone speck', () => {
    const m = boxMap(12, 16, { x0: 4, y0: 3, x1: 11, y1: 8 }, 0.9, 0.3);
    m[0] = 0.95; // one speck in a corner: below the minimum area
    const res = resultsWith([m, m], 12, 16);
    expect(regionOf(res, res.frames)).toEqual({ x: 0.25, y: 0.25, w: 0.5, h: 0.5 });
  });

  it('gives no region when the whole frame shows the artifact', () => {
    const res = resultsWith([boxMap(9, 16, { x0: 0, y0: 0, x1: 3, y1: 3 }, 0.95, 0.7)], 9, 16);
    expect(regionOf(res, res.frames)).toBeUndefined();
  });

  it('needs contrast with the frame, not only the threshold', () => {
    // Patches just past the threshold beside a frame close to it do not make a region.
    const m = boxMap(8, 8, { x0: 0, y0: 0, x1: 3, y1: 3 }, 0.62, 0.58);
    expect(Array.from(salientPatches(m, 0.6, true)).every((v) => v === 0)).toBe(true);
  });

  it('keeps the stronger of two separate areas', () => {
    const m = new Float32Array(10 * 10).fill(0.2);
    for (const i of [11, 12, 21, 22]) m[i] = 0.7;
    for (const i of [66, 67, 68, 76, 77, 78, 86, 87, 88]) m[i] = 0.9;
    const comps = components(salientPatches(m, 0.6, true), 10, 10);
    expect(comps.map((c) => c.cells.length).sort()).toEqual([4, 9]);
    const res = resultsWith([m], 10, 10);
    expect(regionOf(res, res.frames)).toEqual({ x: 0.6, y: 0.6, w: 0.3, h: 0.3 });
  });

  it('finds a large region in a frame whose typical patch is past the threshold when a clean quarter is left', () => {
    // A 6×6 centre of a 10×10 map (36 %) strongly past 0.6, a border between threshold and centre
    // in parts (0.65) and clean elsewhere (0.45): the median is past the threshold.
    const m = boxMap(10, 10, { x0: 2, y0: 2, x1: 7, y1: 7 }, 0.95, 0.45);
    for (let c = 0; c < 10; c++) m[c] = m[90 + c] = 0.65;
    for (let r = 0; r < 10; r++) m[r * 10] = 0.65;
    const res = resultsWith([m], 10, 10);
    expect(regionOf(res, res.frames)).toEqual({ x: 0.2, y: 0.2, w: 0.6, h: 0.6 });
    // With no clean quarter left, the artifact is everywhere.
    const everywhere = resultsWith([boxMap(10, 10, { x0: 2, y0: 2, x1: 7, y1: 7 }, 0.95, 0.65)], 10, 10);
    expect(regionOf(everywhere, everywhere.frames)).toBeUndefined();
  });

  it('boxes two areas split by one weaker row as one region', () => {
    const m = new Float32Array(10 * 10).fill(0.2);
    for (let c = 1; c < 9; c++) for (const r of [1, 2, 3, 5, 6]) m[r * 10 + c] = 0.9;
    const res = resultsWith([m], 10, 10);
    expect(regionOf(res, res.frames)).toEqual({ x: 0.1, y: 0.1, w: 0.8, h: 0.6 });
  });
});
