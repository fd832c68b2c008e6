import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXPERTS } from '../experts/registry.ts';
import { createVlmRouter, VlmRouteError } from '../router/vlm-router.ts';
import { CONTENT_TYPES, type Keyframe, type RouteContext } from '../router/types.ts';
import type { JsonSchema, VlmBackend, VlmPrompt } from './backend.ts';
import { encodePng } from './png.ts';
import { routeSchema } from './route-prompt.ts';
import { parseRouteAnswer } from './route-validate.ts';

function keyframe(tS: number, w = 16, h = 9): Keyframe {
  const rgb = new Uint8Array(w * h * 3);
  for (let i = 0; i < rgb.length; i++) rgb[i] = (i * 7 + Math.round(tS * 10)) & 0xff;
  return { tS, width: w, height: h, rgb };
}

function context(): RouteContext {
  return {
    video: { container: 'mp4', codec: 'avc1.64001e', width: 640, height: 360, durationS: 4, fps: 30, frameCount: 120, decoder: 'webcodecs' },
    probe: {
      keyframes: [0.3, 1, 1.7, 2.3, 3, 3.7].map((t) => keyframe(t)),
      experts: EXPERTS.slice(0, 2).map((meta) => ({ meta, values: [0.4, 0.5], raw: 0.45, quality: 61 })),
      motion: { adjacentDiffs: [1, 2], distantDiffs: [10, 12] },
      ms: 5,
    },
    catalogue: EXPERTS,
    budget: { tier: 1 },
  };
}

/** A backend that answers from a script and records what it was asked. */
function scripted(answer: (signal: AbortSignal) => Promise<string>) {
  const calls: { prompt: VlmPrompt; images: readonly string[]; schema: JsonSchema; signal: AbortSignal }[] = [];
  const backend: VlmBackend = {
    label: 'test model',
    routeJson: (prompt, images, schema, signal) => {
      calls.push({ prompt, images, schema, signal });
      return answer(signal);
    },
    describe: () => Promise.reject(new Error('not used')),
  };
  return { backend, calls };
}

const ids = EXPERTS.map((e) => e.id);
const valid = {
  contentType: 'animation',
  contentConfidence: 0.8,
  experts: [
    { id: ids[0], weight: 0.7, frames: 8 },
    { id: ids[1], weight: 0.2 },
  ],
  reasons: ['Flat colours and hard outlines: a cartoon.'],
};

describe('VLM routing answer validation', () => {
  it('accepts a valid answer, also inside a fenced block', () => {
    for (const text of [JSON.stringify(valid), `Here you go:\n\`\`\`json\n${JSON.stringify(valid)}\n\`\`\``]) {
      const r = parseRouteAnswer(text, context());
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.plan.contentType).toBe('animation');
        expect(r.plan.experts).toEqual([{ id: ids[0], weight: 0.7, frames: 8 }, { id: ids[1], weight: 0.2 }]);
      }
    }
  });

  it.each([
    ['malformed JSON', '{"contentType": "animation", "experts": [', /not JSON/],
    ['unknown content type', JSON.stringify({ ...valid, contentType: 'documentary' }), /content type "documentary"/],
    ['confidence out of range', JSON.stringify({ ...valid, contentConfidence: 1.4 }), /confidence 1.4/],
    ['unknown expert', JSON.stringify({ ...valid, experts: [{ id: 'vmaf', weight: 0.5 }] }), /"vmaf" is not in the catalogue/],
    ['weight above 1', JSON.stringify({ ...valid, experts: [{ id: ids[0], weight: 1.7 }] }), /weight 1.7 .* outside 0..1/],
    ['negative weight', JSON.stringify({ ...valid, experts: [{ id: ids[0], weight: -0.1 }] }), /outside 0..1/],
    ['duplicate expert', JSON.stringify({ ...valid, experts: [{ id: ids[0], weight: 0.5 }, { id: ids[0], weight: 0.4 }] }), /listed twice/],
    ['frames beyond the video', JSON.stringify({ ...valid, experts: [{ id: ids[0], weight: 0.5, frames: 500 }] }), /frames 500/],
    ['all weights zero', JSON.stringify({ ...valid, experts: [{ id: ids[0], weight: 0 }] }), /weight 0/],
    ['no reasons', JSON.stringify({ ...valid, reasons: [] }), /no reason/],
  ])('refuses %s', (_name, text, problem) => {
    const r = parseRouteAnswer(text, context());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(problem);
  });

  it('constrains the schema to the vocabulary and the catalogue', () => {
    const s = routeSchema(context()) as { properties: Record<string, any> };
    expect(s.properties.contentType.enum).toEqual([...CONTENT_TYPES]);
    expect(s.properties.experts.items.properties.id.enum).toEqual(ids);
    expect(s.properties.experts.items.properties.weight).toMatchObject({ minimum: 0, maximum: 1 });
  });
});

describe('VlmRouter', () => {
  it('turns a valid answer into a plan, showing the model PNG keyframes and the catalogue', async () => {
    const { backend, calls } = scripted(async () => JSON.stringify(valid));
    const plan = await createVlmRouter(backend).plan(context());
    expect(plan.contentType).toBe('animation');
    expect(plan.reasons.at(-1)).toMatch(/Planned by test model from 4 keyframes/);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.images).toHaveLength(4);
    for (const url of calls[0]!.images) expect(url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    for (const id of ids) expect(calls[0]!.prompt.user).toContain(`- ${id}:`);
  });

  it('rejects with the reason when no model is loaded', async () => {
    await expect(createVlmRouter(undefined).plan(context())).rejects.toMatchObject({ reason: 'unavailable', message: /no vision-language model is loaded/ });
  });

  it('rejects an out-of-range answer with a sentence naming the problem', async () => {
    const { backend } = scripted(async () => JSON.stringify({ ...valid, experts: [{ id: ids[0], weight: 3 }] }));
    await expect(createVlmRouter(backend).plan(context())).rejects.toMatchObject({ reason: 'invalid', message: /refused: weight 3/ });
  });

  it('times out a slow model and aborts its call', async () => {
    const { backend, calls } = scripted(
      (signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted by caller')), { once: true })),
    );
    const t0 = Date.now();
    const err = await createVlmRouter(backend, { timeoutMs: 120 }).plan(context()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(VlmRouteError);
    expect((err as VlmRouteError).message).toMatch(/did not answer within 0.1 s/);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(calls[0]!.signal.aborted).toBe(true);
  });

  it('passes the caller cancelling through, not as a model failure', async () => {
    const { backend } = scripted((signal) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true })));
    const controller = new AbortController();
    const run = createVlmRouter(backend).plan(context(), controller.signal);
    controller.abort(new Error('user cancelled'));
    await expect(run).rejects.toThrow('user cancelled');
  });

  it('wraps a failing backend', async () => {
    const { backend } = scripted(() => Promise.reject('Failed to fetch'));
    await expect(createVlmRouter(backend).plan(context())).rejects.toMatchObject({ reason: 'failed', message: 'test model failed: Failed to fetch' });
  });
});

describe('keyframe PNG', () => {
  it('holds the exact pixels', () => {
    const k = keyframe(1.5, 300, 250);
    const png = encodePng(k.rgb, k.width, k.height);
    const view = new DataView(png.buffer);
    expect(view.getUint32(16)).toBe(300);
    expect(view.getUint32(20)).toBe(250);
    const idatLen = view.getUint32(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLen));
    expect(raw.length).toBe((300 * 3 + 1) * 250);
    expect(raw.subarray(1 + 10 * 901, 901 + 10 * 901)).toEqual(Buffer.from(k.rgb.subarray(10 * 900, 11 * 900)));
  });
});
