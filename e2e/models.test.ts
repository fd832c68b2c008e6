/**
 * Models you can trust and keep: a model whose bytes differ from the manifest's sha256 is refused
 * with MODEL_INTEGRITY, and once verified the models are kept in the Cache API, so an analysis in a
 * reloaded page (fresh workers, no sessions in memory) succeeds with the model folder unreachable.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeViaUi, fixture, openAppSession } from './helpers.ts';

const isModel = (url: string) => /\/models\/[^/]+\.onnx(\?|$)/.test(url);

describe('models: integrity and cache', () => {
  it('a tampered model is refused with MODEL_INTEGRITY', async () => {
    const app = await openAppSession();
    try {
      await app.context.route((url: URL) => isModel(url.href), async (route) => {
        const response = await route.fetch();
        const body = Buffer.from(await response.body());
        body[body.length >> 1] = body[body.length >> 1]! ^ 0x55; // one flipped byte in the middle
        await route.fulfill({ response, body });
      });
      const out = await analyzeViaUi(app.page, fixture('clean.mp4'), 0);
      assert.equal(out.state, 'error', `expected a refusal, got ${out.state}`);
      assert.equal(out.error?.code, 'MODEL_INTEGRITY', out.error?.message);
      assert.match(out.error!.message, /checksum|sha256/i);
      assert.ok(out.notice.length > 20, 'the page shows the sentence');
    } finally {
      // The inference worker goes on making sessions ahead while idle, so a model fetch can still be
      // in this route when the page closes.
      await app.context.unrouteAll({ behavior: 'ignoreErrors' });
      await app.close();
    }
  });

  it('a second analysis in a reloaded page needs no network for the models', async () => {
    const app = await openAppSession();
    try {
      const first = await analyzeViaUi(app.page, fixture('clean.mp4'), 0);
      assert.equal(first.state, 'done', `${first.error?.code}: ${first.error?.message}`);
      assert.ok(app.requests.some(isModel), 'the first analysis fetched the models');

      await app.page.reload({ waitUntil: 'load' });
      await app.page.waitForFunction(() => typeof (window as unknown as { qrouter?: { analyzeVideo?: unknown } }).qrouter?.analyzeVideo === 'function');
      await app.page.evaluate('globalThis.__name = (f) => f');
      const refused: string[] = [];
      await app.context.route(/\/models\//, (route) => {
        refused.push(route.request().url());
        return route.abort('internetdisconnected');
      });
      const mark = app.requests.length;
      const second = await analyzeViaUi(app.page, fixture('clean.mp4'), 0);
      assert.equal(second.state, 'done', `${second.error?.code}: ${second.error?.message}`);
      assert.equal(second.report!.score, first.report!.score, 'the same models give the same score');
      assert.deepEqual(app.requests.slice(mark).filter(isModel), [], 'no model was requested');
      console.log(`# second analysis: ${refused.length} request(s) to the model folder refused (the manifest check), models from the cache`);
    } finally {
      await app.close();
    }
  });
});
