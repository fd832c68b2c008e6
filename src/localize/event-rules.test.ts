import { describe, expect, it } from 'vitest';
import black from '../experts/black/meta.json' with { type: 'json' };
import noise from '../experts/noise/meta.json' with { type: 'json' };
import interlacing from '../experts/interlacing/meta.json' with { type: 'json' };
import overexposure from '../experts/overexposure/meta.json' with { type: 'json' };
import sharpness from '../experts/sharpness/meta.json' with { type: 'json' };
import type { ExpertMeta } from '../experts/types.ts';
import { ExpertResults } from '../pipeline/expert-results.ts';
import { localizeEvents } from './localize.ts';

const FPS = 25;
const empty = new Float32Array(1);

/** A temporal series at 25 fps over `seconds`, flagged (1) where `bad(frame index)`. */
function temporal(meta: unknown, bad: (i: number) => boolean, seconds = 10): ExpertResults {
  const r = new ExpertResults(meta as ExpertMeta);
  for (let i = 0; i < seconds * FPS; i++) r.add(i / FPS, bad(i) ? 1 : 0, empty, 1, 1, false);
  return r;
}

/** An analysis-stream expert with the given raw value at each time. */
function spatial(meta: unknown, at: [number, number][]): ExpertResults {
  const r = new ExpertResults(meta as ExpertMeta);
  for (const [t, v] of at) r.add(t, v, empty, 1, 1, true);
  return r;
}
const show = (ev: { type: string; startS: number; endS: number }[]) => ev.map((e) => `${e.type}@${e.startS}-${e.endS}`).join(' ');

describe('black events', () => {
  it('needs 0.2 s mid-clip: one or two black frames are no event, half a second is', () => {
    expect(localizeEvents([temporal(black, (i) => i === 81 || i === 82)], FPS, 0.5)).toEqual([]);
    expect(localizeEvents([temporal(black, (i) => i === 152)], FPS, 0.5)).toEqual([]);
    expect(show(localizeEvents([temporal(black, (i) => i >= 100 && i < 113)], FPS, 0.5))).toBe('black@4-4.52');
  });

  it('takes a clip that opens on black for under 2 s as its opening, not a defect', () => {
    expect(localizeEvents([temporal(black, (i) => i < 19)], FPS, 0.5)).toEqual([]);
    expect(localizeEvents([temporal(black, (i) => i < 45)], FPS, 0.5)).toEqual([]);
  });

  it('reports an opening on black of 2 s or more, and black that starts after the first frame', () => {
    expect(show(localizeEvents([temporal(black, (i) => i < 60)], FPS, 0.5))).toBe('black@0-2.4');
    expect(show(localizeEvents([temporal(black, (i) => i >= 2 && i < 20)], FPS, 0.5))).toBe('black@0.08-0.8');
  });

  it('lets an opening on black still explain the blur of the analysis frames inside it', () => {
    const blur = spatial(sharpness, [[0.2, 1], [0.6, 1], [2, 0], [3, 0]]);
    expect(localizeEvents([temporal(black, (i) => i < 25), blur], FPS, 1)).toEqual([]);
  });
});

describe('spatial events (analysis frames)', () => {
  it('keep one event across one unflagged analysis frame (one cause, one event)', () => {
    // Analysis frames every 0.5 s; the frame at 3.0 s dips below the threshold.
    const at: [number, number][] = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5].map((t) => [t, t >= 2 && t <= 4.5 && t !== 3 ? 12 : 2]);
    const ev = localizeEvents([spatial(noise, at)], FPS, 0.5);
    expect(show(ev)).toBe('noise@2-4.75');
  });

  it('join neighbours whose times land on decoded frames slightly more than an analysis gap apart', () => {
    // 10 fps source, analysis gap 0.133 s: decoded neighbours can be 0.2 s apart.
    const at: [number, number][] = [0.1, 0.2, 0.4, 0.5, 0.6, 0.8, 0.9, 1.0].map((t) => [t, 9]);
    const ev = localizeEvents([spatial(noise, at)], 10, 1.6 / 12);
    expect(ev.map((e) => e.type)).toEqual(['noise']);
  });

  it('need two flagged analysis frames: one sample among clean neighbours is content', () => {
    const at: [number, number][] = [0.5, 1, 1.5, 2, 2.5, 3, 3.5].map((t) => [t, t === 2 ? 30 : 0.5]);
    expect(localizeEvents([spatial(noise, at)], FPS, 0.5)).toEqual([]);
  });

  it('need half a second when analysis frames are dense: two frames 0.1 s apart are a blip', () => {
    const at: [number, number][] = Array.from({ length: 40 }, (_, i) => [0.1 * i, i === 20 || i === 21 ? 30 : 0.5]);
    expect(localizeEvents([spatial(noise, at)], FPS, 0.1)).toEqual([]);
    const long: [number, number][] = Array.from({ length: 40 }, (_, i) => [0.1 * i, i >= 20 && i < 26 ? 30 : 0.5]);
    expect(show(localizeEvents([spatial(noise, long)], FPS, 0.1))).toBe('noise@2-2.55');
  });

  it('count one flagged frame where analysis frames are sparse (it is all a short defect can show)', () => {
    const at: [number, number][] = [1.5, 4.5, 7.5, 10.5].map((t) => [t, t === 4.5 ? 30 : 0.5]);
    expect(localizeEvents([spatial(noise, at)], FPS, 3).map((e) => e.type)).toEqual(['noise']);
  });

  it('need most frames inside their span flagged: a value that wanders about the threshold is content', () => {
    // Dense frames (0.22 s): flagged at 0.44 and 1.21 s only, joined across three unflagged frames.
    const times = Array.from({ length: 20 }, (_, i) => Math.round(0.22 * i * 100) / 100);
    const wandering: [number, number][] = times.map((t) => [t, t === 0.44 || t === 1.1 || t === 2.2 || t === 2.86 ? 12 : 2]);
    expect(localizeEvents([spatial(noise, wandering)], FPS, 0.22)).toEqual([]);
    // Three of four flagged (one dip) is a steady defect.
    const steady: [number, number][] = times.map((t) => [t, t >= 0.44 && t <= 1.32 && t !== 0.88 ? 12 : 2]);
    expect(show(localizeEvents([spatial(noise, steady)], FPS, 0.22))).toBe('noise@0.44-1.43');
  });

  it('let interlacing come and go with motion inside one event', () => {
    const times = Array.from({ length: 20 }, (_, i) => Math.round(0.22 * i * 100) / 100);
    const at: [number, number][] = times.map((t) => [t, t === 0.44 || t === 1.1 || t === 1.76 ? 3 : 0.1]);
    const r = new ExpertResults(interlacing as unknown as ExpertMeta);
    for (const [t, v] of at) r.add(t, v, new Float32Array(11 * 4).fill(v), 11, 4, true);
    expect(localizeEvents([r], FPS, 0.22).map((e) => e.type)).toEqual(['interlacing']);
  });

  it('keep two events apart when the artifact is gone for longer than a second and two analysis frames', () => {
    const at: [number, number][] = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5].map((t) => [t, t <= 1.5 || t >= 4 ? 12 : 2]);
    const ev = localizeEvents([spatial(noise, at)], FPS, 0.5);
    expect(ev.map((e) => e.type)).toEqual(['noise', 'noise']);
  });
});

describe('overexposure evidence', () => {
  /** Overexposure frames every 0.5 s from 1 to 3 s with a 4×4 map from `cell(index)`. */
  function over(cell: (i: number) => number): ExpertResults {
    const r = new ExpertResults(overexposure as unknown as ExpertMeta);
    for (let t = 0; t <= 5; t += 0.5) {
      const map = Float32Array.from({ length: 16 }, (_, i) => (t >= 1 && t <= 3 ? cell(i) : 0.15));
      r.add(t, map.reduce((a, b) => a + b, 0) / 16, map, 4, 4, true);
    }
    return r;
  }

  it('takes a picture whose every patch reads the same lifted level as the scene (haze), not clipping', () => {
    expect(localizeEvents([over(() => 0.55)], FPS, 0.5)).toEqual([]);
  });

  it('reports clipped plateaus that stand out in part of the picture', () => {
    const ev = localizeEvents([over((i) => (i < 6 ? 1.1 : 0.2))], FPS, 0.5);
    expect(ev.map((e) => e.type)).toEqual(['overexposure']);
    expect(ev[0]!.startS).toBe(1);
  });
});

describe('interlacing needs rows for two woven fields', () => {
  /** Interlacing frames every 0.5 s over 4 s, all flagged, with a map of `ph` patch rows. */
  function combed(ph: number): ExpertResults {
    const r = new ExpertResults(interlacing as unknown as ExpertMeta);
    const pw = 8;
    for (let t = 0; t <= 4; t += 0.5) r.add(t, 2, new Float32Array(ph * pw).fill(2), ph, pw, true);
    return r;
  }

  it('takes combing on frames under 288 rows (GIF dither, single-line sprite art) as content', () => {
    // 8 patch rows of 32 = 256 rows (the GIF portrait), 6 = 192 (a 210-row game).
    expect(localizeEvents([combed(8)], FPS, 0.5)).toEqual([]);
    expect(localizeEvents([combed(6)], FPS, 0.5)).toEqual([]);
  });

  it('reports it from 288 rows on (a 360-row clip, a 576i frame)', () => {
    expect(show(localizeEvents([combed(11)], FPS, 0.5))).toBe('interlacing@0-4.25');
    expect(localizeEvents([combed(18)], FPS, 0.5).map((e) => e.type)).toEqual(['interlacing']);
  });
});
