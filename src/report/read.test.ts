import { describe, expect, it } from 'vitest';
import { readReport } from './read.ts';

/** A report as schema 1 wrote it, with a VLM fallback folded into the rationale. */
const v1 = {
  schema: 'qrouter.report/1',
  input: { name: 'clip.mp4', bytes: 123, container: 'mp4', codec: 'avc1.640028', width: 640, height: 360, durationS: 4, fps: 30, frameCount: 120, decoder: 'webcodecs' },
  tier: 1,
  score: 72.4,
  label: 'good',
  confidence: 0.8,
  route: {
    router: 'fast',
    contentType: 'still-or-slideshow',
    experts: [{ id: 'sharpness', weight: 1 }],
    rationale: 'VLM router unavailable: no vision-language model is loaded in this page; used the fast router. Content looks like a slideshow.',
  },
  experts: [{ id: 'sharpness', score: 64, raw: 0.41, unit: 'ratio' }],
  artifacts: [],
  timeline: [{ tS: 0, score: 70.1 }],
  timings: { decodeMs: 1, expertsMs: 2, routeMs: 0, totalMs: 4, framesAnalyzed: 10 },
  backend: { ep: 'wasm', adapter: '' },
};

describe('readReport', () => {
  it('upgrades a qrouter.report/1 document, recovering the fallback from its rationale', () => {
    const r = readReport(v1);
    expect(r.schema).toBe('qrouter.report/2');
    expect(r.route).toMatchObject({ requested: 'vlm', router: 'fast', contentType: 'still-slideshow', fallbackReason: 'no vision-language model is loaded in this page' });
    expect(r.route.rationale).toBe('Content looks like a slideshow.');
    expect(r.warnings).toHaveLength(1);
    expect(r.timings.probeMs).toBe(0);
    expect(r.score).toBe(72.4);
  });

  it('passes a current report through and rejects what is not a report', () => {
    const current = readReport(v1);
    expect(readReport(JSON.parse(JSON.stringify(current)))).toEqual(current);
    expect(() => readReport({ schema: 'qrouter.report/9' })).toThrow(/not a valid Q-Router report/);
  });
});
