import { describe, expect, it } from 'vitest';
import type { Report, ReportArtifact } from '../report/types.ts';
import type { VlmBackend } from '../vlm/backend.ts';
import { ask, parseQuestion } from './ask.ts';

/** A report with the given events and expert scores (only the fields the answerer reads). */
function report(name: string, score: number, artifacts: ReportArtifact[], experts: Record<string, number>, tier: 0 | 1 | 2 = 2): Report {
  return {
    schema: 'qrouter.report/2',
    input: { name, bytes: 1, container: 'mp4', codec: 'avc1', width: 640, height: 360, durationS: 20, fps: 30, frameCount: 600, decoder: 'webcodecs' },
    tier,
    score,
    label: score >= 80 ? 'good' : 'fair',
    confidence: 0.8,
    route: { requested: 'fast', router: 'fast', contentType: 'natural-camera', contentConfidence: 0.7, experts: [], rationale: '', reasons: [] },
    experts: Object.entries(experts).map(([id, s]) => ({ id, score: s, raw: 0, unit: '' })),
    artifacts,
    timeline: [],
    timings: { decodeMs: 0, expertsMs: 0, routeMs: 0, probeMs: 0, totalMs: 0, framesAnalyzed: 0 },
    backend: { ep: 'wasm', adapter: '' },
    warnings: [],
  } as unknown as Report;
}

const scores = { sharpness: 80, blocking: 85, noise: 70, freeze: 95, black: 99, flicker: 90, stutter: 96, interlacing: 97 };
const blurry = report('blur.mp4', 62, [
  { type: 'blur', startS: 8, endS: 10, severity: 0.7, confidence: 0.9, region: { x: 0.5, y: 0.13, w: 0.4, h: 0.53 } },
  { type: 'blur', startS: 10, endS: 12, severity: 0.6, confidence: 0.9, region: { x: 0.5, y: 0.13, w: 0.4, h: 0.53 } },
  { type: 'noise', startS: 1, endS: 1.5, severity: 0.2, confidence: 0.5 },
], scores);
const clean = report('clean.mp4', 88, [], scores);

describe('question forms', () => {
  it.each([
    ['Is there any blur in the video?', 'presence', 'blur'],
    ['Is the video pixelated?', 'presence', 'blocking'],
    ['Does the picture freeze?', 'presence', 'freeze'],
    ['When does the video stutter?', 'when', 'stutter'],
    ['At what time do black frames appear?', 'when', 'black'],
    ['Where is the noise?', 'where', 'noise'],
    ['How bad is the blocking?', 'severity', 'blocking'],
    ['What is the main problem?', 'main-problem', undefined],
    ['How good is the overall quality?', 'overall', undefined],
    ['Which clip is better?', 'compare', undefined],
    ['What colour is the car?', 'unknown', undefined],
  ])('%s', (q, kind, artifact) => {
    const p = parseQuestion(q, kind === 'compare');
    expect(p.kind).toBe(kind);
    expect(p.artifact).toBe(artifact);
  });
});

describe('ask (the project\'s own answerer)', () => {
  it('says yes with the joined span when there is an event', async () => {
    const a = await ask(blurry, 'Is there blur?');
    expect(a).toMatchObject({ answered: true, by: 'rules', value: { yes: true, spans: [{ startS: 8, endS: 12 }] } });
    expect(a.text).toMatch(/^Yes: blur at 8.0–12.0 s/);
  });
  it('says no on a clean report', async () => {
    expect((await ask(clean, 'Is the video blurry?')).value.yes).toBe(false);
  });
  it('says where, in words and fractions', async () => {
    const a = await ask(blurry, 'Where is the blur?');
    expect(a.value.regions).toHaveLength(1);
    expect(a.text).toMatch(/top right|right side/);
  });
  it('refuses to place regions at tier 1', async () => {
    const t1 = report('t1.mp4', 70, [{ type: 'blur', startS: 1, endS: 2, severity: 0.5, confidence: 1 }], scores, 1);
    const a = await ask(t1, 'Where is the blur?');
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/tier 2/);
  });
  it('names the main problem by impact, and none on a clean clip', async () => {
    expect((await ask(blurry, "What's the main problem?")).value.artifact).toBe('blur');
    expect((await ask(clean, 'What is the biggest problem?')).value.artifact).toBe('none');
  });
  it('grades severity', async () => {
    expect((await ask(blurry, 'How bad is the blur?')).value.level).toBe('strong');
    expect((await ask(clean, 'How noisy is it?')).value.level).toBe('slight');
  });
  it('compares two clips, also when asked which is worse', async () => {
    expect((await ask([blurry, clean], 'Which clip is better?')).value.better).toBe(1);
    const worse = await ask([blurry, clean], 'Which one is worse?');
    expect(worse.value.better).toBe(1);
    expect(worse.text).toMatch(/^blur.mp4 is worse/);
  });
  it('says when it cannot answer', async () => {
    const a = await ask(clean, 'What colour is the car?');
    expect(a.answered).toBe(false);
    expect(a.text).toMatch(/I can answer/);
    const missing = await ask(report('x.mp4', 80, [], { sharpness: 80 }), 'Is there banding?');
    expect(missing.answered).toBe(false);
    expect(missing.text).toMatch(/did not measure banding/);
  });
  it('lets a VLM write the answer, grounded on the report, and falls back when it fails', async () => {
    let seen = '';
    const vlm: VlmBackend = {
      label: 'test',
      routeJson: () => Promise.reject(new Error('unused')),
      describe: async (p, images) => {
        seen = p.user;
        expect(images).toHaveLength(0);
        return 'The right half goes soft between 8 and 12 seconds.';
      },
    };
    const a = await ask(blurry, 'Is there blur?', { vlm });
    expect(a).toMatchObject({ by: 'vlm', text: 'The right half goes soft between 8 and 12 seconds.', value: { yes: true } });
    expect(seen).toContain('Event: blur at 8.0–10.0 s');
    const failing: VlmBackend = { ...vlm, describe: () => Promise.reject(new Error('GPU lost')) };
    const b = await ask(blurry, 'Is there blur?', { vlm: failing });
    expect(b.by).toBe('rules');
    expect(b.text).toMatch(/could not answer: GPU lost/);
  });
});

describe('event explanations', () => {
  it('uses the project\'s own sentences without a model, most severe first', async () => {
    const { explainEvents } = await import('../vlm/explain.ts');
    const out = await explainEvents(blurry);
    expect(out.map((x) => x.index)).toEqual([0, 1, 2]);
    expect(out[0]).toMatchObject({ type: 'blur', by: 'rules' });
    expect(out[0]!.text).toMatch(/^Strong blur at 8.0–10.0 s, in the .* of the frame.*focus/);
  });
  it('lets the model write them, and keeps the project\'s sentence when it fails', async () => {
    const { explainEvents } = await import('../vlm/explain.ts');
    let calls = 0;
    const vlm: VlmBackend = {
      label: 'test',
      routeJson: () => Promise.reject(new Error('unused')),
      describe: async () => (++calls === 2 ? Promise.reject(new Error('busy')) : 'Model paragraph.'),
    };
    const out = await explainEvents(blurry, { vlm });
    expect(out.map((x) => x.by)).toEqual(['vlm', 'rules', 'vlm']);
    expect(out[1]!.text).toMatch(/could not explain it: busy/);
  });
});
