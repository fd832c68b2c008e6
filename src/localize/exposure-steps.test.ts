import { describe, expect, it } from 'vitest';
import flicker from '../experts/flicker/meta.json' with { type: 'json' };
import overexposure from '../experts/overexposure/meta.json' with { type: 'json' };
import underexposure from '../experts/underexposure/meta.json' with { type: 'json' };
import type { ExpertMeta } from '../experts/types.ts';
import { ExpertResults } from '../pipeline/expert-results.ts';
import { LumaTrack, type TrackFrame } from '../pipeline/luma-track.ts';
import { exposureSpans, exposureSteps } from './exposure-steps.ts';
import { localizeEvents, withSpans } from './localize.ts';

const FPS = 25;
const N = 150;
const W = 96;
const H = 54;
const frameS = 1 / FPS;

/** A textured picture (a lit gradient with a pattern of objects): `seed` moves its layout, `shift` pans it. */
function picture(seed: number, shift = 0): Float32Array {
  const out = new Float32Array(W * H);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const u = x + shift;
      out[y * W + x] = 60 + 90 * (u / W) + 50 * Math.sin((u * (0.21 + 0.05 * seed)) + y * 0.13 * (1 + seed)) * Math.cos(y * 0.09 + seed);
    }
  return out;
}

/** A track of N frames whose luma is `frame(i)` clipped to 0..255. */
function trackOf(frame: (i: number) => Float32Array): TrackFrame[] {
  const t = new LumaTrack();
  for (let i = 0; i < N; i++) {
    const data = frame(i).map((v) => Math.min(255, Math.max(0, v)));
    t.add(i * frameS, { width: W, height: H, channels: 1, data });
  }
  return t.frames;
}

/** The scene panning slowly (one pixel every 5 frames) under gain `a(i)` and offset `b(i)`. */
const scene = (a: (i: number) => number, b: (i: number) => number = () => 0) => trackOf((i) => picture(0, Math.floor(i / 5)).map((v) => a(i) * v + b(i)));
const within = (i: number, s: number, e: number) => i >= Math.round(s * FPS) && i < Math.round(e * FPS);
const show = (spans: { type: string; startS: number; endS: number }[]) => spans.map((s) => `${s.type}@${s.startS.toFixed(2)}-${s.endS.toFixed(2)}`).join(' ');

describe('exposureSpans', () => {
  it('finds a gain held from 2 s to 4 s as underexposure over exactly that span', () => {
    const spans = exposureSpans(scene((i) => (within(i, 2, 4) ? 0.45 : 1)), frameS);
    expect(show(spans)).toBe('underexposure@2.00-4.00');
  });

  it('finds a darkening with crushed shadows (gain and negative offset, as ffmpeg eq) and a brightening with clipped highlights', () => {
    expect(show(exposureSpans(scene((i) => (within(i, 2.4, 4.4) ? 0.8 : 1), (i) => (within(i, 2.4, 4.4) ? -50 : 0)), frameS))).toBe('underexposure@2.40-4.40');
    expect(show(exposureSpans(scene((i) => (within(i, 2, 4) ? 1.5 : 1), (i) => (within(i, 2, 4) ? 20 : 0)), frameS))).toBe('overexposure@2.00-4.00');
  });

  it('leaves out a fade to black and back, a slow drift of the gain, and a step that never comes back', () => {
    // Fade out over 0.6 s, black-ish hold, fade in over 0.6 s.
    const fade = (i: number) => Math.max(0.05, Math.min(1, Math.abs(i - 75) / 15 - 1));
    expect(show(exposureSpans(scene(fade), frameS))).toBe('');
    // A quick fade: the gain falls to 0.2 over three frames, holds 2 s and rises as quickly; each
    // frame's change is as large as its neighbours', so none stands alone.
    const quick = (i: number) => (i < 50 || i >= 103 ? 1 : i < 53 ? 1 - (0.8 * (i - 49)) / 3 : i < 100 ? 0.2 : 0.2 + (0.8 * (i - 99)) / 3);
    expect(show(exposureSpans(scene(quick), frameS))).toBe('');
    // Auto exposure: the gain falls to 0.45 over 1.5 s and comes back as slowly.
    const drift = (i: number) => 1 - 0.55 * Math.min(1, Math.max(0, 1 - Math.abs(i - 75) / 40) * 1.5);
    expect(show(exposureSpans(scene(drift), frameS))).toBe('');
    // Lights switched off at 3 s for good: nothing to compare the dark side with.
    expect(show(exposureSpans(scene((i) => (i >= 75 ? 0.45 : 1)), frameS))).toBe('');
  });

  it('leaves out cuts to a darker shot and back: the layout changes', () => {
    // Another shot: its light falls from the other side, its objects lie elsewhere.
    const other = picture(3);
    const mirrored = other.map((_, k) => other[Math.floor(k / W) * W + (W - 1 - (k % W))]!);
    const track = trackOf((i) => (within(i, 2, 4) ? mirrored.map((v) => 0.45 * v) : picture(0)));
    expect(exposureSteps(track, frameS)).toEqual([]);
    expect(show(exposureSpans(track, frameS))).toBe('');
  });

  it('leaves out flicker (the level alternates, no change stands alone) and a black segment (no layout)', () => {
    const pump = scene((i) => (within(i, 2, 3.5) && Math.floor(i / 2) % 2 === 0 ? 0.45 : 1));
    expect(show(exposureSpans(pump, frameS))).toBe('');
    const black = scene((i) => (within(i, 2, 4) ? 0 : 1));
    expect(show(exposureSpans(black, frameS))).toBe('');
  });

  it('leaves out a dip shorter than half a second (a flash) and steps inside spans another cause explains', () => {
    expect(show(exposureSpans(scene((i) => (within(i, 2, 2.4) ? 0.45 : 1)), frameS))).toBe('');
    const held = scene((i) => (within(i, 2, 4) ? 0.45 : 1));
    expect(show(exposureSpans(held, frameS, [{ startS: 1.9, endS: 2.2 }]))).toBe('');
  });
});

/** Results of a spatial expert with `value` on 12 analysis frames. */
function analysis(meta: unknown, value: number): ExpertResults {
  const r = new ExpertResults(meta as ExpertMeta);
  for (let i = 0; i < 12; i++) r.add((i + 0.5) * 0.5, value, new Float32Array(1), 1, 1, true);
  return r;
}

describe('localizeEvents with a luma track', () => {
  const held = scene((i) => (within(i, 2, 4) ? 0.45 : 1));

  it('reports the held gain as an underexposure event when the underexposure expert reads nothing', () => {
    const results = [analysis(underexposure, 0.2), analysis(overexposure, 0.1)];
    expect(show(localizeEvents(results, FPS, 0.5))).toBe('');
    expect(show(localizeEvents(results, FPS, 0.5, { track: held }))).toBe('underexposure@2.00-4.00');
  });

  it('joins it with the expert’s own event (one cause, one event) and follows the route’s trust in the type', () => {
    const flagged = new ExpertResults(underexposure as unknown as ExpertMeta);
    for (let i = 0; i < 12; i++) flagged.add((i + 0.5) * 0.5, i >= 5 && i < 8 ? 0.6 : 0.2, new Float32Array(1), 1, 1, true);
    expect(show(localizeEvents([flagged], FPS, 0.5, { track: held }))).toBe('underexposure@2.00-4.00');
    expect(show(localizeEvents([flagged], FPS, 0.5, { track: held, reportable: (id) => id !== 'underexposure' }))).toBe('');
  });

  it('leaves the span to flicker when flicker’s events cover its steps', () => {
    const pumping = new ExpertResults(flicker as unknown as ExpertMeta);
    for (let i = 0; i < N; i++) pumping.add(i * frameS, (i >= 45 && i < 56) || (i >= 95 && i < 106) ? 3 : 0, new Float32Array(1), 1, 1, false);
    const ev = localizeEvents([pumping, analysis(underexposure, 0.2)], FPS, 0.5, { track: held });
    expect(ev.map((e) => e.type)).toEqual(['flicker', 'flicker']);
  });
});

describe('withSpans', () => {
  it('folds a span into the overlapping events of its type, regional ones included, and adds it where none overlaps', () => {
    const region = { x: 0.1, y: 0.2, w: 0.3, h: 0.4 };
    const expert = { type: 'overexposure' as const, startS: 2.76, endS: 4.53, severity: 0.4, confidence: 0.7, region };
    const other = { type: 'blur' as const, startS: 3, endS: 4, severity: 0.5, confidence: 0.6 };
    const span = { type: 'overexposure' as const, startS: 2.52, endS: 4.52, severity: 0.35, confidence: 0.95 };
    const out = withSpans([expert, other], [span]);
    expect(out.filter((e) => e.type === 'overexposure')).toEqual([{ ...expert, startS: 2.52, endS: 4.53, severity: 0.4, confidence: 0.95 }]);
    expect(out).toContainEqual(other);
    expect(withSpans([other], [span])).toEqual([other, span]);
  });
});
