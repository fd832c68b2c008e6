import { describe, expect, it } from 'vitest';
import blocking from '../experts/blocking/meta.json' with { type: 'json' };
import noise from '../experts/noise/meta.json' with { type: 'json' };
import type { ExpertMeta } from '../experts/types.ts';
import { ExpertResults } from '../pipeline/expert-results.ts';
import { localizeEvents } from './localize.ts';
import { regionalStepFrames } from './regional-steps.ts';

const PH = 8;
const PW = 10;
const STEP_S = 0.5;

/** A layout of the picture (fixed per shot): a different order of patch values for each shot id. */
function layout(shot: number, ph = PH, pw = PW): Float32Array {
  return Float32Array.from({ length: ph * pw }, (_, i) => ((i * (7 + 4 * shot) + 3 * shot) % 13) / 13);
}

interface Frame {
  /** Blocking over the patches where `inRegion(row, col)`, else the clean level. */
  region?: number;
  /** Reading of the rest of the frame (clean footage: 1-2). */
  rest?: number;
  shot?: number;
}

const left = (_r: number, c: number) => c < PW / 2;

/**
 * A blocking expert over analysis frames 0.5 s apart whose frame reading stays at `raw` (below the
 * threshold of 13, as a frame reading dilutes a regional defect), with a companion noise map that
 * follows each frame's shot.
 */
function run(frames: Frame[], inRegion = left, raw = 8, ph = PH, pw = PW): { block: ExpertResults; layoutRes: ExpertResults } {
  const block = new ExpertResults(blocking as unknown as ExpertMeta);
  const layoutRes = new ExpertResults(noise as unknown as ExpertMeta);
  frames.forEach((f, i) => {
    const shot = f.shot ?? 0;
    const texture = layout(shot, ph, pw);
    const map = Float32Array.from(texture, (t, k) => (f.region !== undefined && inRegion(Math.floor(k / pw), k % pw) ? f.region : (f.rest ?? 1)) + t);
    block.add(i * STEP_S, raw, map, ph, pw, true);
    layoutRes.add(i * STEP_S, 2, Float32Array.from(texture, (t) => 1 + t), ph, pw, true);
  });
  return { block, layoutRes };
}

const times = (s: Set<{ tS: number }>) => [...s].map((f) => f.tS).sort((a, b) => a - b);
const clean = (n: number, shot = 0): Frame[] => Array.from({ length: n }, () => ({ shot }));

describe('regional steps', () => {
  it('reports blocks over half the frame that the frame reading leaves under the threshold, with their region', () => {
    // The left half turns blocky (reads 20) from 2 s to 4.5 s; the frame reading stays at 8.
    const { block, layoutRes } = run([...clean(4), ...Array.from({ length: 5 }, () => ({ region: 20 })), ...clean(3)]);
    expect(times(regionalStepFrames(block, [layoutRes]))).toEqual([2, 2.5, 3, 3.5, 4]);
    const ev = localizeEvents([block, layoutRes], 30, STEP_S);
    expect(ev.map((e) => `${e.type}@${e.startS}-${e.endS}`)).toEqual(['blocking@2-4.25']);
    expect(ev[0]!.region).toEqual({ x: 0, y: 0, w: 0.5, h: 1 });
  });

  it('keeps the frames after the onset while the region reads halfway up the step', () => {
    const { block, layoutRes } = run([...clean(3), { region: 20 }, { region: 14 }, { region: 6 }, { region: 20 }, ...clean(2)]);
    // 14 is past halfway from the clean level (about 1.5) up the step; 6 is not, and the return to
    // 20 is no fresh onset (the shot read that high there before).
    expect(times(regionalStepFrames(block, [layoutRes]))).toEqual([1.5, 2]);
  });

  it('does not count a region that reads blocky from the start of its shot (content)', () => {
    const { block, layoutRes } = run(Array.from({ length: 10 }, () => ({ region: 20 })));
    expect(regionalStepFrames(block, [layoutRes]).size).toBe(0);
    expect(localizeEvents([block, layoutRes], 30, STEP_S)).toEqual([]);
  });

  it('does not count a region that comes back to what it read earlier in the shot', () => {
    // A strip of texture reads blocky, is flattened for 2 s (an exposure change), and comes back.
    const frames: Frame[] = [...Array.from({ length: 3 }, () => ({ region: 20 })), ...clean(4), ...Array.from({ length: 3 }, () => ({ region: 20 }))];
    const { block, layoutRes } = run(frames);
    expect(regionalStepFrames(block, [layoutRes]).size).toBe(0);
  });

  it('does not count a step that lifts the rest of the frame too', () => {
    // The whole picture changes (the end of an over-exposure): the rest rises by a third of the region's rise.
    const { block, layoutRes } = run([...clean(4), ...Array.from({ length: 4 }, () => ({ region: 20, rest: 7 }))]);
    expect(regionalStepFrames(block, [layoutRes]).size).toBe(0);
  });

  it('does not count a step across a cut', () => {
    const frames: Frame[] = [...clean(4, 0), ...Array.from({ length: 4 }, () => ({ region: 20, shot: 1 }))];
    const { block, layoutRes } = run(frames);
    expect(regionalStepFrames(block, [layoutRes]).size).toBe(0);
    // The same frames in one shot make a step.
    const one = run(frames.map((f) => ({ ...f, shot: 0 })));
    expect(regionalStepFrames(one.block, [one.layoutRes]).size).toBe(4);
  });

  it('needs a region of a tenth of the frame and a grid of 16 patches', () => {
    const corner = (r: number, c: number) => r < 2 && c < 3; // 6 of 80 patches
    const small = run([...clean(4), ...Array.from({ length: 4 }, () => ({ region: 20 }))], corner);
    expect(regionalStepFrames(small.block, [small.layoutRes]).size).toBe(0);
    const tiny = run([...clean(4), ...Array.from({ length: 4 }, () => ({ region: 20 }))], (_r, c) => c < 1, 8, 3, 2);
    expect(regionalStepFrames(tiny.block, [tiny.layoutRes]).size).toBe(0);
  });
});
