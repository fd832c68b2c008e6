import { describe, expect, it } from 'vitest';
import { isReport, validateReport } from './validate.ts';
import type { Report } from './types.ts';

function sample(): Report {
  return {
    schema: 'qrouter.report/2',
    input: { name: 'clip.mp4', bytes: 123, container: 'mp4', codec: 'avc1.640028', width: 1920, height: 1080, durationS: 8, fps: 29.97, frameCount: 240, decoder: 'webcodecs' },
    tier: 1,
    score: 72.4,
    label: 'good',
    confidence: 0.8,
    route: {
      requested: 'fast',
      router: 'fast',
      contentType: 'natural-camera',
      contentConfidence: 0.9,
      experts: [{ id: 'sharpness', weight: 0.3, frames: 12 }],
      rationale: 'Camera footage.',
      reasons: ['camera footage'],
    },
    experts: [{ id: 'sharpness', score: 64, raw: 0.41, unit: 'ratio' }],
    artifacts: [
      { type: 'blur', startS: 2, endS: 3.5, severity: 0.7, confidence: 0.9, region: { x: 0.1, y: 0.2, w: 0.3, h: 0.3 } },
      { type: 'freeze', startS: 4, endS: 5, severity: 1, confidence: 1 },
    ],
    timeline: [{ tS: 0, score: 70.1 }],
    timings: { decodeMs: 1, expertsMs: 2, routeMs: 0, probeMs: 1, totalMs: 4, framesAnalyzed: 10 },
    backend: { ep: 'wasm', adapter: '' },
    warnings: [],
  };
}

describe('validateReport', () => {
  it('requires a fallback reason when the requested router was not the one used', () => {
    const r = sample();
    r.route.requested = 'vlm';
    expect(validateReport(r)).toEqual(['report.route.fallbackReason: is missing although the requested router was not used']);
    r.route.fallbackReason = 'no model loaded';
    expect(validateReport(r)).toEqual([]);
  });

  it('accepts the README example', () => {
    expect(validateReport(sample())).toEqual([]);
    expect(isReport(sample())).toBe(true);
  });

  it('rejects a non-object', () => {
    expect(validateReport(null)).toEqual(['report: must be an object']);
    expect(isReport([])).toBe(false);
  });

  it('names missing and unknown fields', () => {
    const r = sample() as unknown as Record<string, unknown>;
    delete r.timeline;
    r.extra = 1;
    expect(validateReport(r)).toEqual(['report.timeline: is missing', 'report.extra: is not in the schema']);
  });

  it('checks ranges and vocabularies', () => {
    const r = sample() as unknown as { score: number; label: string; artifacts: { type: string; endS: number }[]; backend: { ep: string } };
    r.score = 101;
    r.label = 'great';
    r.artifacts[0]!.type = 'smear';
    r.artifacts[1]!.endS = 3;
    r.backend.ep = 'cuda';
    const errors = validateReport(r);
    expect(errors).toContain('report.score: must be within 0..100 (got 101)');
    expect(errors.some((e) => e.startsWith('report.label: must be one of'))).toBe(true);
    expect(errors.some((e) => e.startsWith('report.artifacts[0].type'))).toBe(true);
    expect(errors).toContain('report.artifacts[1]: endS is before startS');
    expect(errors.some((e) => e.startsWith('report.backend.ep'))).toBe(true);
  });

  it('checks regions stay inside the frame', () => {
    const r = sample();
    r.artifacts[0]!.region = { x: 0.8, y: 0, w: 0.5, h: 0.2 };
    expect(validateReport(r)).toEqual(['report.artifacts[0].region: x + w exceeds 1']);
  });

  it('rejects NaN and non-integers where integers are required', () => {
    const r = sample();
    r.confidence = Number.NaN;
    r.input.width = 10.5;
    const errors = validateReport(r);
    expect(errors).toContain('report.confidence: must be a finite number (got null)');
    expect(errors).toContain('report.input.width: must be an integer (got 10.5)');
  });
});
