/**
 * The "user's own" servers for the VLM end-to-end tests, on another port (so another origin) than the
 * app: a self-hosted model mirror whose model library is missing, and an OpenAI-compatible endpoint
 * whose answers are scripted per test (valid, malformed JSON, out-of-range weights, slow). Every
 * request is logged with its body.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the scripted endpoint answers the next routing requests. */
export type Script = 'valid' | 'malformed' | 'out-of-range' | 'slow';

/** Size of the mirror's one weight shard as its weight list states it. */
export const MIRROR_WEIGHT_BYTES = 123_456_789;
/** The mirror model's id (an f32 variant, so it needs no `shader-f16`). */
export const MIRROR_MODEL_ID = 'qrouter-e2e-vision-q4f32_1-MLC';

export interface UserServer {
  origin: string;
  script: Script;
  /** Delay of the `slow` script, in ms. */
  slowMs: number;
  log: { method: string; path: string; body?: any }[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = '';
    req.on('data', (c: Buffer) => (s += c.toString()));
    req.on('end', () => resolve(s));
  });
}

/** The answer a scripted model gives, built from the schema it was sent (its enums are the catalogue). */
function routeAnswer(script: Script, body: any): string {
  const schema = body?.response_format?.json_schema?.schema;
  const ids: string[] = schema?.properties?.experts?.items?.properties?.id?.enum ?? [];
  const plan = {
    contentType: 'screen-content',
    contentConfidence: 0.9,
    experts: ids.slice(0, 4).map((id, i) => ({ id, weight: i === 0 ? 0.8 : 0.4 })),
    reasons: ['Sharp text and flat areas: a screen recording.'],
  };
  if (script === 'malformed') return `Sure! Here is the plan: {"contentType": "screen-content", "experts": [{"id": "${ids[0]}", "weight": 0.8}`;
  if (script === 'out-of-range') return JSON.stringify({ ...plan, experts: [{ id: ids[0], weight: 1.8 }] });
  return JSON.stringify(plan);
}

/** Starts the mirror and the endpoint on 127.0.0.1 with a random port. */
export async function startUserServer(): Promise<UserServer> {
  const state: UserServer = { origin: '', script: 'valid', slowMs: 6000, log: [], close: async () => undefined };
  const json = (res: ServerResponse, status: number, value: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(JSON.stringify(value));
  };
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = req.method === 'POST' ? await readBody(req) : '';
    const body = raw ? (JSON.parse(raw) as unknown) : undefined;
    state.log.push({ method: req.method ?? '', path, body });
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, authorization' });
      res.end();
      return;
    }
    if (path === '/mirror/record.json') {
      json(res, 200, { schema: 'qrouter.vlm-model/1', id: MIRROR_MODEL_ID, modelUrl: 'model/', modelLibUrl: 'libs/model-webgpu.wasm', sizeBytes: MIRROR_WEIGHT_BYTES, vramMB: 512, requiredFeatures: [], contextWindow: 4096 });
    } else if (path === '/mirror/slow-record.json') {
      json(res, 200, { schema: 'qrouter.vlm-model/1', id: MIRROR_MODEL_ID, modelUrl: 'slow/', modelLibUrl: 'libs/model-webgpu.wasm', sizeBytes: MIRROR_WEIGHT_BYTES, vramMB: 512 });
    } else if (path === '/mirror/slow/resolve/main/tensor-cache.json') {
      // A weight list that takes long to arrive, so a download can be cancelled mid-way.
      setTimeout(() => json(res, 200, { records: [{ dataPath: 'params_shard_0.bin', nbytes: MIRROR_WEIGHT_BYTES }] }), state.slowMs);
    } else if (path === '/mirror/model/resolve/main/tensor-cache.json') {
      json(res, 200, { metadata: {}, records: [{ dataPath: 'params_shard_0.bin', format: 'raw-shard', nbytes: MIRROR_WEIGHT_BYTES, records: [] }] });
    } else if (path === '/mirror/model/resolve/main/mlc-chat-config.json') {
      json(res, 200, { model_type: 'phi3_v', conv_template: { name: 'phi-3-vision' }, context_window_size: 4096, tokenizer_files: ['tokenizer.json'] });
    } else if (path === '/v1/chat/completions' && req.method === 'POST') {
      const content = routeAnswer(state.script, body);
      const send = () => json(res, 200, { id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] });
      if (state.script === 'slow') setTimeout(send, state.slowMs);
      else send();
    } else {
      json(res, 404, { error: `no ${path} here` });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
