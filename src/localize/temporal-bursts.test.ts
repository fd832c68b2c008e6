import { describe, expect, it } from 'vitest';
import black from '../experts/black/meta.json' with { type: 'json' };
import flickerMeta from '../experts/flicker/meta.json' with { type: 'json' };
import freeze from '../experts/freeze/meta.json' with { type: 'json' };
import stutter from '../experts/stutter/meta.json' with { type: 'json' };
import type { ExpertMeta } from '../experts/types.ts';
import { ExpertResults } from '../pipeline/expert-results.ts';
import { localizeEvents } from './localize.ts';
import { ruleOf } from './event-rules.ts';
import { BURST_SHARE, burstHolds, burstRhythm, burstRuns, burstsOf } from './temporal-bursts.ts';

const FPS = 25;
const frameS = 1 / FPS;
const empty = new Float32Array(1);

/**
 * A glance-like temporal stream: `bursts` runs of four consecutive frames, one second apart, with the
 * frame at index `i` of burst `b` flagged (2, past every rhythm expert's threshold) where `bad(b, i)`.
 */
function glance(meta: unknown, bursts: number, bad: (b: number, i: number) => boolean): ExpertResults {
  const r = new ExpertResults(meta as ExpertMeta);
  for (let b = 0; b < bursts; b++) for (let i = 0; i < 4; i++) r.add(0.68 + b + i * frameS, bad(b, i) ? 2 : 0, empty, 1, 1, false);
  return r;
}

/** An every-frame stream over `seconds`, flagged where `bad(frame)`. */
function full(meta: unknown, bad: (i: number) => boolean, seconds = 6): ExpertResults {
  const r = new ExpertResults(meta as ExpertMeta);
  for (let i = 0; i < seconds * FPS; i++) r.add(i * frameS, bad(i) ? 1 : 0, empty, 1, 1, false);
  return r;
}

describe('bursts of a sparse stream', () => {
  it('splits the stream where frames are more than one and a half intervals apart', () => {
    const bursts = burstsOf(glance(stutter, 3, (b, i) => b === 1 && i === 2), frameS);
    expect(bursts.map((b) => [b.frames.length, b.marks])).toEqual([[4, 0], [4, 1], [4, 0]]);
    expect(bursts[1]!.startS).toBeCloseTo(1.68);
    expect(bursts[1]!.endS).toBeCloseTo(1.68 + 4 * frameS);
  });

  it('makes an every-frame stream one burst', () => {
    expect(burstsOf(full(stutter, (i) => i % 25 === 3), frameS)).toHaveLength(1);
  });
});

describe('stutter seen across bursts (glance tier)', () => {
  it('is one event spanning the bursts when a doubled frame shows in every burst', () => {
    // One or two marks per burst: the every-frame rule (three marks within 0.5 s) never fires here.
    const res = glance(stutter, 6, (b, i) => i === 0 || (b % 2 === 0 && i === 2));
    const ev = localizeEvents([res], FPS, 1.5);
    expect(ev).toHaveLength(1);
    expect(ev[0]!.type).toBe('stutter');
    expect(ev[0]!.startS).toBeCloseTo(0.68);
    expect(ev[0]!.endS).toBeCloseTo(5.68 + 4 * frameS, 2);
  });

  it('carries a lower confidence than the same marks close together on an every-frame stream', () => {
    const sampled = localizeEvents([glance(stutter, 6, (_b, i) => i === 1)], FPS, 1.5)[0]!;
    const dense = localizeEvents([full(stutter, (i) => i >= 25 && i < 50 && i % 4 === 1)], FPS, 1.5)[0]!;
    expect(dense.type).toBe('stutter');
    expect(sampled.confidence).toBeLessThan(dense.confidence);
  });

  it('is no event when only one burst of six shows marks, however many', () => {
    expect(localizeEvents([glance(stutter, 6, (b, i) => b === 3 && i < 2)], FPS, 1.5)).toEqual([]);
  });

  it('needs marks in at least two thirds of the bursts', () => {
    const rule = ruleOf('stutter');
    const half = glance(stutter, 6, (b, i) => b < 3 && i === 1);
    const most = glance(stutter, 6, (b, i) => b < 4 && i === 1);
    expect(3 / 6).toBeLessThan(BURST_SHARE);
    expect(burstRhythm(half, frameS, rule)).toBeUndefined();
    const found = burstRhythm(most, frameS, rule)!;
    expect(found.share).toBeCloseTo(4 / 6);
    // The event ends with the last burst that showed the rhythm.
    expect(found.event.endS).toBeCloseTo(3.68 + 4 * frameS);
  });

  it('needs three bursts: two far-apart bursts with a mark each are not a rhythm', () => {
    expect(burstRhythm(glance(stutter, 2, (_b, i) => i === 1), frameS, ruleOf('stutter'))).toBeUndefined();
  });

  it('leaves an every-frame stream to the run logic: lone doubled frames a second apart stay no event', () => {
    expect(localizeEvents([full(stutter, (i) => i % 25 === 7)], FPS, 0.5)).toEqual([]);
  });

  it('never applies to a type that one mark already reports (a freeze is one held picture)', () => {
    expect(burstRhythm(glance(freeze, 6, (_b, i) => i === 1), frameS, ruleOf('freeze'))).toBeUndefined();
  });

  it('is one event over a run of consecutive marked bursts, reaching halfway to the unmarked ones', () => {
    // Bursts 1 to 3 (1.68, 2.68, 3.68 s) hold a stutter: two marks each; bursts 0, 4 and 5 are clean.
    const ev = localizeEvents([glance(stutter, 6, (b, i) => b >= 1 && b <= 3 && (i === 1 || i === 2))], FPS, 1.5);
    expect(ev).toHaveLength(1);
    const burstEnd = (b: number) => 0.68 + b + 4 * frameS;
    expect(ev[0]!.startS).toBeCloseTo((burstEnd(0) + 1.68) / 2, 2);
    expect(ev[0]!.endS).toBeCloseTo((burstEnd(3) + 4.68) / 2, 2);
  });

  it('does not join marked bursts with a clean burst between them', () => {
    expect(localizeEvents([glance(stutter, 6, (b, i) => (b === 1 || b === 3) && i === 1)], FPS, 1.5)).toEqual([]);
  });

  it('takes one burst with the rule’s marks as an event only when its last frame is marked (the run went on)', () => {
    const rule = ruleOf('flicker');
    const cut = burstRuns(glance(flickerMeta, 6, (b) => b === 2), frameS, rule);
    expect(cut).toHaveLength(1);
    expect(cut[0]!.share).toBeCloseTo(1 / 3);
    // Three marks that stop before the burst ends: as short as a full stream would drop.
    expect(burstRuns(glance(flickerMeta, 6, (b, i) => b === 2 && i < 3), frameS, rule)).toEqual([]);
  });
});

describe('holds seen across bursts (glance tier)', () => {
  const burstEnd = (b: number) => 0.68 + b + 4 * frameS;
  const show = (ev: { type: string; startS: number; endS: number }[]) => ev.map((e) => `${e.type}@${e.startS.toFixed(2)}-${e.endS.toFixed(2)}`).join(' ');

  it('reports a burst held from its first frame to its last, reaching halfway to the bursts around it', () => {
    // A one-second black segment holds burst 2 (2.68 s): four black frames, 0.16 s, under the 0.2 s
    // an every-frame stream asks for, because the burst ended, not the black.
    const ev = localizeEvents([glance(black, 6, (b) => b === 2)], FPS, 1.5);
    expect(show(ev)).toBe(`black@${((burstEnd(1) + 2.68) / 2).toFixed(2)}-${((burstEnd(2) + 3.68) / 2).toFixed(2)}`);
  });

  it('makes consecutive held bursts one hold, and starts it where the burst before shows it begin', () => {
    // A picture held from the last two frames of burst 1 through bursts 2 and 3.
    const holds = burstHolds(glance(freeze, 6, (b, i) => (b === 1 && i >= 2) || b === 2 || b === 3), frameS, ruleOf('freeze'));
    expect(holds).toHaveLength(1);
    expect(holds[0]!.startS).toBeCloseTo(1.68 + 2 * frameS);
    expect(holds[0]!.endS).toBeCloseTo((burstEnd(3) + 4.68) / 2);
  });

  it('leaves bursts held in part to the every-frame rules (the hold began and ended inside them)', () => {
    expect(burstHolds(glance(black, 6, (b, i) => b === 2 && (i === 1 || i === 2)), frameS, ruleOf('black'))).toEqual([]);
    expect(localizeEvents([glance(black, 6, (b, i) => b === 2 && i >= 1)], FPS, 1.5)).toEqual([]);
  });

  it('keeps the opening rule: a clip that opens on black held through its first burst only is an opening', () => {
    expect(localizeEvents([glance(black, 6, (b) => b === 0)], FPS, 1.5)).toEqual([]);
  });

  it('leaves an every-frame stream and rhythm types alone', () => {
    expect(burstHolds(full(black, (i) => i >= 50 && i < 54), frameS, ruleOf('black'))).toEqual([]);
    expect(burstHolds(glance(stutter, 6, (b) => b === 2), frameS, ruleOf('stutter'))).toEqual([]);
  });
});
