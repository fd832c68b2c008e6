import { describe, expect, it } from 'vitest';
import black from '../experts/black/meta.json' with { type: 'json' };
import flicker from '../experts/flicker/meta.json' with { type: 'json' };
import freeze from '../experts/freeze/meta.json' with { type: 'json' };
import sharpness from '../experts/sharpness/meta.json' with { type: 'json' };
import stutter from '../experts/stutter/meta.json' with { type: 'json' };
import type { ExpertMeta } from '../experts/types.ts';
import { ExpertResults } from '../pipeline/expert-results.ts';
import { localizeEvents } from './localize.ts';
import { causalOrder } from './one-cause.ts';

const FPS = 30;
const N = 180;
const empty = new Float32Array(1);

/** Results of an expert with one value per frame at 30 fps, from `value(frame index)`. */
function series(meta: unknown, value: (i: number) => number, frames = N, step = 1 / FPS): ExpertResults {
  const r = new ExpertResults(meta as ExpertMeta);
  for (let i = 0; i < frames; i++) r.add(i * step, value(i), empty, 1, 1, false);
  return r;
}
const none = (meta: unknown) => series(meta, () => 0);
const within = (i: number, a: number, b: number) => i >= a * FPS && i < b * FPS;
const show = (ev: { type: string; startS: number; endS: number }[]) => ev.map((e) => `${e.type}@${e.startS}-${e.endS}`).join(' ');

describe('localizeEvents', () => {
  it('finds causes before what they explain', () => {
    expect(causalOrder(['stutter', 'freeze', 'flicker', 'black'])).toEqual(['black', 'flicker', 'freeze', 'stutter']);
  });

  it('gives a long hold one freeze, and the stutter marks of its first repeats to it', () => {
    // The picture is held from 2.0 s to 4.0 s: the stutter expert marks the first three repeats, the
    // freeze expert every frame from the fourth still on.
    const ev = localizeEvents([
      series(freeze, (i) => (i >= 63 && i < 120 ? 1 : 0)),
      series(stutter, (i) => (i >= 60 && i < 63 ? 1 : 0)),
      none(flicker),
      none(black),
    ], FPS, 0.5);
    expect(show(ev)).toBe('freeze@2-4');
  });

  it('calls short holds that repeat in a rhythm one stutter event, not a series of freezes', () => {
    // Holds of 8 frames (5 marked by the freeze expert) every 12 frames from 1 s to 4 s.
    const ev = localizeEvents([
      series(freeze, (i) => (within(i, 1, 4) && i % 12 >= 7 ? 1 : 0)),
      series(stutter, (i) => (within(i, 1, 4) && i % 12 >= 4 && i % 12 < 7 ? 1 : 0)),
    ], FPS, 0.5);
    expect(ev.map((e) => e.type), show(ev)).toEqual(['stutter']);
    expect(ev[0]!.startS).toBeLessThan(1.2);
    expect(ev[0]!.endS).toBeGreaterThan(3.9);
  });

  it('needs three stutter marks close together: a lone doubled frame is not an event', () => {
    const lone = localizeEvents([series(stutter, (i) => (i === 50 || i === 120 ? 1 : 0))], FPS, 0.5);
    expect(lone).toEqual([]);
    const rhythm = localizeEvents([series(stutter, (i) => (within(i, 1, 3) && i % 2 ? 1 : 0))], FPS, 0.5);
    expect(show(rhythm)).toMatch(/^stutter@1\.0\d*-3/);
  });

  it('keeps a flicker whose reversals dip below the threshold for a frame or two as one event', () => {
    const ev = localizeEvents([series(flicker, (i) => (within(i, 2, 3.5) ? (i % 5 === 0 ? 0.7 : 3) : 0))], FPS, 0.5);
    expect(ev.map((e) => e.type)).toEqual(['flicker']);
    expect(ev[0]!.endS - ev[0]!.startS).toBeGreaterThan(1.4);
  });

  it('lets a black segment explain blur on the analysis frames inside it, and motion marks at its edges', () => {
    const blurAt = [2.2, 2.6]; // analysis frames inside the black span
    const blur = new ExpertResults(sharpness as unknown as ExpertMeta);
    for (const t of [0.5, 1.5, ...blurAt, 3.5, 4.5]) blur.add(t, blurAt.includes(t) ? 1 : 0, empty, 1, 1, true);
    const ev = localizeEvents([
      series(black, (i) => (within(i, 2, 3) ? 1 : 0)),
      series(stutter, (i) => ([59, 60, 61, 89, 90, 91].includes(i) ? 1 : 0)),
      blur,
    ], FPS, 1);
    expect(show(ev)).toBe('black@2-3');
  });

  it('still reports blur outside the black segment', () => {
    const blur = new ExpertResults(sharpness as unknown as ExpertMeta);
    for (const t of [0.5, 1.5, 2.5, 3.5, 4.5, 5.5]) blur.add(t, t > 4 || (t > 2 && t < 3) ? 1 : 0, empty, 1, 1, true);
    const ev = localizeEvents([series(black, (i) => (within(i, 2, 3) ? 1 : 0)), blur], FPS, 1);
    expect(ev.map((e) => e.type).sort()).toEqual(['black', 'blur']);
    expect(ev.find((e) => e.type === 'blur')!.startS).toBeCloseTo(4.5, 3);
  });

  it('reports nothing for experts that may not report, yet lets them explain', () => {
    const blur = new ExpertResults(sharpness as unknown as ExpertMeta);
    blur.add(2.5, 1, empty, 1, 1, true);
    const ev = localizeEvents([series(black, (i) => (within(i, 2, 3) ? 1 : 0)), blur], FPS, 1, { reportable: (id) => id !== 'black' });
    expect(ev).toEqual([]);
  });
});
