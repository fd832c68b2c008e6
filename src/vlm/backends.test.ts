import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkVlmCapability, type GpuAdapterLike } from './capability.ts';
import { bitsPerWeight, parseModelRecord, type VlmModelRecord } from './model-record.ts';
import { normalizeEndpoint, OpenAiCompatibleBackend } from './openai-backend.ts';
import { exposeVlmBackend, vlmBackendFromPort } from './port.ts';
import type { VlmBackend } from './backend.ts';

const record: VlmModelRecord = {
  id: 'Phi-3.5-vision-instruct-q4f16_1-MLC',
  modelUrl: 'https://example.invalid/m/',
  modelLibUrl: 'https://example.invalid/m.wasm',
  sizeBytes: 2.3e9,
  sizeExact: false,
  vramMB: 4521.54,
  requiredFeatures: ['shader-f16'],
};

function adapter(over: { vendor?: string; architecture?: string; features?: string[] } = {}): GpuAdapterLike {
  return {
    features: new Set(over.features ?? ['shader-f16']),
    limits: { maxBufferSize: 2 ** 31, maxStorageBufferBindingSize: 2 ** 30 },
    info: { vendor: over.vendor ?? 'nvidia', architecture: over.architecture ?? 'ampere' },
  };
}
const env = (a: GpuAdapterLike | null, deviceMemoryGB?: number) => ({ gpu: { requestAdapter: async () => a }, deviceMemoryGB });

describe('VLM capability check', () => {
  it('passes a hardware adapter with the features the model needs', async () => {
    const r = await checkVlmCapability(record, env(adapter()));
    expect(r).toMatchObject({ ok: true, adapter: 'nvidia ampere' });
  });
  it.each([
    ['no WebGPU', {}, 'NO_WEBGPU', /no WebGPU/],
    ['no adapter', env(null), 'NO_ADAPTER', /no adapter/],
    ['SwiftShader', env(adapter({ vendor: 'google', architecture: 'swiftshader' })), 'SOFTWARE_ADAPTER', /software renderer \(google swiftshader\)/],
    ['no shader-f16', env(adapter({ features: [] })), 'MISSING_FEATURE', /lacks shader-f16/],
    ['too little memory', env(adapter(), 2), 'MEMORY', /about 4.4 GB .* reports 2 GB/],
  ])('refuses %s with a reason', async (_n, e, code, reason) => {
    const r = await checkVlmCapability(record, e);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe(code);
      expect(r.reason).toMatch(reason);
    }
  });
});

describe('model records', () => {
  it('reads a mirror record, resolving relative URLs and implying shader-f16 for f16 models', () => {
    const r = parseModelRecord(
      { schema: 'qrouter.vlm-model/1', id: 'Phi-3.5-vision-instruct-q4f16_1-MLC', modelUrl: 'phi/', modelLibUrl: 'libs/phi.wasm', sizeBytes: 123, vramMB: 4000 },
      'http://mirror.test/vlm/record.json',
    );
    expect(r.modelUrl).toBe('http://mirror.test/vlm/phi/');
    expect(r.modelLibUrl).toBe('http://mirror.test/vlm/libs/phi.wasm');
    expect(r.requiredFeatures).toEqual(['shader-f16']);
    expect(r.sizeExact).toBe(true);
  });
  it('refuses a record without a size', () => {
    expect(() => parseModelRecord({ schema: 'qrouter.vlm-model/1', id: 'x', modelUrl: 'a/', modelLibUrl: 'b.wasm', vramMB: 1 }, 'http://m.test/r.json')).toThrow(/sizeBytes/);
  });
  it('knows the bits per weight of WebLLM quantisations', () => {
    expect(bitsPerWeight('x-q4f16_1-MLC')).toBe(4.5);
    expect(bitsPerWeight('x-q4f32_1-MLC')).toBe(5);
  });
});

describe('OpenAI-compatible backend', () => {
  let server: Server;
  let base = '';
  const seen: { url: string; body: any }[] = [];
  let reply: (body: any) => { status: number; body: string; delayMs?: number } = () => ({ status: 200, body: '' });

  const readBody = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString()));
    req.on('end', () => resolve(s));
  });
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const body = JSON.parse((await readBody(req)) || '{}');
      seen.push({ url: req.url ?? '', body });
      const r = reply(body);
      setTimeout(() => {
        res.writeHead(r.status, { 'content-type': 'application/json' });
        res.end(r.body);
      }, r.delayMs ?? 0);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('posts chat completions with image data URLs and a json_schema response format', async () => {
    reply = () => ({ status: 200, body: JSON.stringify({ choices: [{ message: { content: '{"ok":true}' } }] }) });
    const b = new OpenAiCompatibleBackend({ baseUrl: base, model: 'qwen2-vl' });
    const text = await b.routeJson({ system: 'S', user: 'U' }, ['data:image/png;base64,AAAA'], { type: 'object' }, new AbortController().signal);
    expect(text).toBe('{"ok":true}');
    const last = seen.at(-1)!;
    expect(last.url).toBe('/v1/chat/completions');
    expect(last.body.model).toBe('qwen2-vl');
    expect(last.body.response_format).toEqual({ type: 'json_schema', json_schema: { name: 'route_plan', strict: true, schema: { type: 'object' } } });
    expect(last.body.messages[1].content[0]).toEqual({ type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } });
  });

  it('says which URL failed and how', async () => {
    reply = () => ({ status: 500, body: 'model not loaded' });
    const b = new OpenAiCompatibleBackend({ baseUrl: base });
    await expect(b.describe({ system: 'S', user: 'U' }, [], new AbortController().signal)).rejects.toThrow(/\/v1\/chat\/completions answered HTTP 500: model not loaded/);
  });

  it('refuses endpoints that are not plain http(s) URLs', () => {
    expect(() => normalizeEndpoint('file:///etc/passwd')).toThrow(/http or https/);
    expect(() => normalizeEndpoint('http://user:pw@127.0.0.1:8080/v1')).toThrow(/no user name/);
    expect(normalizeEndpoint('http://127.0.0.1:8080/v1/')).toBe('http://127.0.0.1:8080/v1');
  });

  it('crosses a MessagePort, and cancelling there aborts the request', async () => {
    reply = () => ({ status: 200, body: JSON.stringify({ choices: [{ message: { content: 'late' } }] }), delayMs: 3000 });
    let sawAbort = false;
    const inner = new OpenAiCompatibleBackend({ baseUrl: base });
    const watched: VlmBackend = {
      label: inner.label,
      routeJson: (p, i, s, signal) => {
        signal.addEventListener('abort', () => (sawAbort = true));
        return inner.routeJson(p, i, s, signal);
      },
      describe: (p, i, signal) => inner.describe(p, i, signal),
    };
    const served = exposeVlmBackend(watched);
    const remote = vlmBackendFromPort(served.handle);
    expect(remote.label).toBe(`the model at ${base.replace(/\/$/, '')}`);
    const controller = new AbortController();
    const run = remote.routeJson({ system: 'S', user: 'U' }, [], {}, controller.signal);
    setTimeout(() => controller.abort(), 100);
    await expect(run).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 200));
    expect(sawAbort).toBe(true);
    served.handle.port.close();
    served.close();
  });
});
