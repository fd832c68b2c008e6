/**
 * The CLI summary lists each artifact event with its time span (`freeze 3.0–4.0 s`), in time order,
 * with its region when it has one, and caps a long list. Plain Node, no browser.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eventLines, formatSummary } from '../bin/lib/summary.mjs';

const report = {
  input: { name: 'clip.mp4', width: 640, height: 360, durationS: 4, fps: 30, codec: 'avc1', decoder: 'webcodecs' },
  score: 61.2,
  label: 'good',
  confidence: 0.8,
  route: { router: 'fast', contentType: 'natural-camera', experts: [{ id: 'freeze', weight: 1 }] },
  experts: [{ id: 'freeze', score: 40 }],
  artifacts: [
    { type: 'freeze', startS: 3, endS: 4, severity: 0.5, confidence: 0.9 },
    { type: 'interlacing', startS: 2.5, endS: 3.333, severity: 1, confidence: 0.9, region: { x: 0.45, y: 0.182, w: 0.35, h: 0.545 } },
  ],
  timings: { totalMs: 1000, framesAnalyzed: 120, decodeMs: 1, routeMs: 1, expertsMs: 1 },
  backend: { ep: 'wasm', adapter: '' },
};

describe('CLI summary', () => {
  it('lists events with their times in time order, regions included', () => {
    const text = formatSummary(report, { startupMs: 1, analysisMs: 2, totalMs: 3 });
    const lines = text.split('\n');
    const at = lines.indexOf('  artifacts 2');
    assert.ok(at > 0, text);
    assert.match(lines[at + 1]!, /^ {4}interlacing 2\.5–3\.3 s, severity 100%, region x 45% y 18% \(35% x 55%\)$/);
    assert.match(lines[at + 2]!, /^ {4}freeze +3\.0–4\.0 s, severity 50%$/);
  });

  it('says none when there is no event, and caps a long list', () => {
    assert.deepEqual(eventLines([]), ['  artifacts none']);
    const many = Array.from({ length: 11 }, (_, i) => ({ type: 'black', startS: i, endS: i + 0.5 }));
    const lines = eventLines(many);
    assert.equal(lines.length, 1 + 8 + 1);
    assert.equal(lines.at(-1), '    … and 3 more (see --json)');
  });
});
