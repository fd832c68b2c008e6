/**
 * The VLM paths in real Chromium, up to where model weights would be needed (none exist here):
 * - the WebLLM engine starts in its own worker, reads a self-hosted model record and weight list from
 *   a local server (progress events), fails on the missing model library, and an analysis that asked
 *   for the VLM router reports the fast router and why;
 * - a local OpenAI-compatible endpoint with scripted answers (valid, malformed JSON, out-of-range
 *   weights, slow) ends in a VLM route or a visible fallback each time;
 * - every request the page and its workers made went to the page's origin or to the URLs given.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../bin/lib/browser.mjs';
import { startServer, type StaticServer } from '../bin/lib/server.mjs';
import type { Report } from '../src/report/types.ts';
import { fixture, requireBuiltApp } from './helpers.ts';
import { MIRROR_MODEL_ID, MIRROR_WEIGHT_BYTES, startUserServer, type UserServer } from './vlm-server.ts';

let app: StaticServer;
let user: UserServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let clipUrl: string;
const requests: string[] = [];
const refused: string[] = [];

before(async () => {
  app = await startServer({ root: requireBuiltApp() });
  user = await startUserServer();
  browser = await launchBrowser();
  context = await browser.newContext();
  const allowed = [new URL(app.url).origin, user.origin];
  // Record everything; let through only the page's origin and the URLs the "user" configured.
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('blob:') || url.startsWith('data:') || allowed.includes(new URL(url).origin)) return route.continue();
    refused.push(url);
    return route.abort('blockedbyclient');
  });
  page = await context.newPage();
  await page.goto(app.url, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof (window as any).qrouter?.vlm?.VlmEngineHost === 'function', null, { timeout: 90_000 });
  await page.evaluate('globalThis.__name = (f) => f');
  clipUrl = app.addInput(fixture('clean.mp4'));
});

after(async () => {
  await browser?.close();
  await user?.close();
  await app?.close();
});

/** Analyses the clean fixture in the page at tier 0, with the local endpoint as VLM when `endpoint` is set. */
async function analyzeWithVlm(endpoint: string | undefined, timeoutMs = 2000): Promise<Report> {
  return page.evaluate(
    async ({ clip, endpoint, timeoutMs }) => {
      const q = (window as any).qrouter;
      const vlm = endpoint ? new q.vlm.OpenAiCompatibleBackend({ baseUrl: endpoint, timeoutMs }) : undefined;
      return JSON.parse(JSON.stringify(await q.analyzeVideo(new URL(clip), { tier: 0, router: 'vlm', vlm })));
    },
    { clip: clipUrl, endpoint, timeoutMs },
  );
}

describe('WebLLM engine, up to the missing model library', () => {
  it('checks the device, reads the mirror, starts its worker, fails on the library, and the report falls back visibly', async () => {
    const out = await page.evaluate(async (recordUrl) => {
      const q = (window as any).qrouter;
      const record = await q.vlm.readModelRecord(recordUrl);
      const host = new q.vlm.VlmEngineHost(record);
      const capability = await host.check();
      const events: any[] = [];
      let error: any;
      try {
        await host.load({ allowSoftwareAdapter: true, onProgress: (e: any) => events.push(e) });
      } catch (e: any) {
        error = { name: e.name, code: e.code, message: e.message };
      }
      return { record, capability, events, error, backend: host.backend === undefined };
    }, `${user.origin}/mirror/record.json`);

    assert.equal(out.record.id, MIRROR_MODEL_ID);
    assert.equal(out.record.modelLibUrl, `${user.origin}/mirror/libs/model-webgpu.wasm`);
    // The capability check refuses this machine's adapter with a reason (SwiftShader is software).
    assert.equal(out.capability.ok, false);
    assert.match(out.capability.reason, /software renderer|no adapter|no WebGPU/);
    assert.ok(out.error, 'loading must fail: the model library does not exist');
    assert.equal(out.backend, true);
    if (out.capability.code !== 'SOFTWARE_ADAPTER') {
      // Without any adapter the check stops it before a byte is fetched.
      assert.equal(out.error.code, 'CAPABILITY');
      return;
    }
    assert.deepEqual(out.events.slice(0, 2).map((e: any) => e.stage), ['check', 'manifest']);
    assert.equal(out.events[1].totalBytes, MIRROR_WEIGHT_BYTES);
    assert.equal(out.error.code, 'ENGINE');
    assert.match(out.error.message, new RegExp(`${MIRROR_MODEL_ID} could not be started: its model library at ${user.origin}/mirror/libs/model-webgpu.wasm is missing \\(HTTP 404\\)`));
    // The engine ran in its own worker: it fetched the config and asked for the library, which is missing.
    const paths = user.log.map((l) => l.path);
    assert.ok(paths.includes('/mirror/model/resolve/main/mlc-chat-config.json'), `fetched: ${paths.join(', ')}`);
    assert.ok(paths.includes('/mirror/libs/model-webgpu.wasm'), `fetched: ${paths.join(', ')}`);
    assert.ok(requests.some((u) => /vlm\.worker-[\w-]+\.js$/.test(u)), 'the VLM worker script was loaded');

    const report = await analyzeWithVlm(undefined);
    assert.equal(report.route.requested, 'vlm');
    assert.equal(report.route.router, 'fast');
    assert.match(report.route.fallbackReason ?? '', /no vision-language model is loaded/);
    assert.ok(report.warnings.length > 0);
  });
});

describe('WebLLM engine, cancelled', () => {
  it('stops a download when the user cancels', async () => {
    const out = await page.evaluate(async (recordUrl) => {
      const q = (window as any).qrouter;
      const host = new q.vlm.VlmEngineHost(await q.vlm.readModelRecord(recordUrl));
      const controller = new AbortController();
      const t0 = performance.now();
      setTimeout(() => controller.abort(), 300);
      try {
        await host.load({ allowSoftwareAdapter: true, signal: controller.signal });
        return { code: 'none', ms: performance.now() - t0 };
      } catch (e: any) {
        return { code: e.code, message: e.message, ms: performance.now() - t0 };
      }
    }, `${user.origin}/mirror/slow-record.json`);
    if (out.code === 'CAPABILITY') return; // no WebGPU adapter at all: nothing to cancel
    assert.equal(out.code, 'CANCELLED', out.message);
    assert.ok(out.ms < user.slowMs, `stopped after ${Math.round(out.ms)} ms`);
  });
});

describe('local OpenAI-compatible endpoint', () => {
  it('a valid answer becomes the route, planned from keyframe images', async () => {
    user.script = 'valid';
    const before = user.log.length;
    const report = await analyzeWithVlm(`${user.origin}/v1`);
    assert.equal(report.route.router, 'vlm', report.route.fallbackReason);
    assert.equal(report.route.contentType, 'screen-content');
    assert.equal(report.route.contentConfidence, 0.9);
    assert.match(report.route.rationale, /screen recording/);
    const call = user.log.slice(before).find((l) => l.path === '/v1/chat/completions');
    assert.ok(call, 'the endpoint was called');
    const images = call.body.messages[1].content.filter((c: any) => c.type === 'image_url');
    assert.ok(images.length >= 1 && images.every((c: any) => c.image_url.url.startsWith('data:image/png;base64,')));
    assert.equal(call.body.response_format.type, 'json_schema');
  });

  for (const [script, reason] of [
    ['malformed', /refused: the answer is not JSON/],
    ['out-of-range', /refused: weight 1.8 .* outside 0..1/],
    ['slow', /did not answer within 2 s/],
  ] as const) {
    it(`${script} answers fall back to the fast router, saying why`, async () => {
      user.script = script;
      const t0 = Date.now();
      const report = await analyzeWithVlm(`${user.origin}/v1`);
      assert.equal(report.route.requested, 'vlm');
      assert.equal(report.route.router, 'fast');
      assert.match(report.route.fallbackReason ?? '', reason);
      assert.ok(report.warnings.some((w) => /vlm|vision/i.test(w)), report.warnings.join(' | '));
      if (script === 'slow') assert.ok(Date.now() - t0 < user.slowMs + 20_000);
    });
  }

  it('asks questions about the report in the page', async () => {
    const answer = await page.evaluate(async (clip) => {
      const q = (window as any).qrouter;
      const report = await q.analyzeVideo(new URL(clip), { tier: 0 });
      return q.ask(report, 'How good is the overall quality?');
    }, clipUrl);
    assert.equal(answer.kind, 'overall');
    assert.equal(answer.answered, true);
    assert.match(answer.text, /^It scores \d+\/100/);
  });
});

describe('viewer', () => {
  it('answers questions in the question box and offers the model only after a device check', async () => {
    await page.setInputFiles('#file-input', fixture('clean.mp4'));
    await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state ?? ''), null, { timeout: 120_000 });
    await page.fill('#question', 'What is the main problem?');
    await page.click('#ask');
    await page.waitForFunction(() => (document.querySelector('qrouter-analyzer')?.shadowRoot?.querySelector('#answer')?.textContent ?? '') !== '');
    const answer = await page.locator('#answer').textContent();
    assert.match(answer ?? '', /^(No clear problem|[A-Z][a-z]+)/);
    assert.equal(await page.locator('#answer').getAttribute('data-by'), 'rules');

    const before = requests.length;
    await page.click('#vlm-panel summary');
    await page.click('#vlm-check');
    await page.waitForFunction(() => (document.querySelector('qrouter-analyzer')?.shadowRoot?.querySelector('#vlm-status')?.textContent ?? '') !== '', null, { timeout: 60_000 });
    const status = (await page.locator('#vlm-status').textContent()) ?? '';
    assert.match(status, /software renderer|no adapter|no WebGPU/);
    assert.equal(await page.locator('#vlm-download').isDisabled(), true);
    // Opening the panel and checking the device fetched nothing from the model's host.
    assert.deepEqual(requests.slice(before).filter((u) => !u.startsWith(new URL(app.url).origin)), []);
  });
});

describe('requests', () => {
  it('went only to the page origin and the URLs the user gave', () => {
    const allowed = [new URL(app.url).origin, user.origin];
    const foreign = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && !allowed.includes(new URL(u).origin));
    assert.deepEqual(foreign, []);
    assert.deepEqual(refused, []);
    assert.ok(requests.some((u) => u.startsWith(user.origin)), 'the user-given URLs were used');
  });
});
