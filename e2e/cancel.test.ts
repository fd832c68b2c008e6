/**
 * Cancelling: the Cancel button stops a run (state "cancelled", the page stays usable and the next
 * run succeeds), and an AbortSignal makes analyzeVideo reject with CANCELLED and go quiet.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeViaUi, fixture, openAppSession, pickFile, waitForOutcome, type AppSession } from './helpers.ts';
import { validateReport } from '../src/report/validate.ts';

describe('app: cancel', () => {
  let app: AppSession;

  before(async () => {
    fixture('bench720.mp4');
    app = await openAppSession();
  });
  after(async () => {
    await app?.close();
  });

  it('the Cancel button stops a running analysis', async () => {
    const { page } = app;
    await pickFile(page, fixture('bench720.mp4'), 2);
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'running');
    await page.waitForFunction(() => (window as unknown as { __e2eProgress: unknown[] }).__e2eProgress.length > 0, null, { timeout: 60_000 });
    const t0 = Date.now();
    await page.click('#cancel');
    const out = await waitForOutcome(page, 10_000);
    const ms = Date.now() - t0;
    assert.equal(out.state, 'cancelled');
    assert.equal(out.error?.code, 'CANCELLED', out.error?.message);
    assert.equal(out.report, undefined, 'no report for a cancelled run');
    assert.ok(ms < 3000, `cancelling took ${ms} ms`);
    assert.ok(await page.locator('#file-input').isEnabled(), 'the file input is usable again');
    assert.equal(await page.locator('#result').isVisible(), false, 'no result panel');
  });

  it('a new file analyses right after cancelling', async () => {
    const out = await analyzeViaUi(app.page, fixture('clean.mp4'), 0);
    assert.equal(out.state, 'done', `${out.error?.code} ${out.error?.message}`);
    assert.deepEqual(validateReport(out.report), []);
    assert.equal(out.report?.input.name, 'clean.mp4');
  });

  it('analyzeVideo rejects with CANCELLED soon after its signal fires, then sends no more progress', async () => {
    const url = app.server.addInput(fixture('bench720.mp4'));
    const result = await app.page.evaluate(async (href) => {
      const controller = new AbortController();
      let events = 0;
      let abortedAt = 0;
      const run = window.qrouter.analyzeVideo(new URL(href), {
        tier: 2,
        signal: controller.signal,
        onProgress: (e) => {
          events++;
          if (!abortedAt && e.progress > 0.02) {
            abortedAt = performance.now();
            controller.abort();
          }
        },
      });
      let outcome: { code: string; message: string; ms: number } = { code: 'RESOLVED', message: '', ms: 0 };
      try {
        await run;
      } catch (err) {
        const e = err as { code?: string; message?: string };
        outcome = { code: String(e.code), message: String(e.message), ms: performance.now() - abortedAt };
      }
      const eventsAtSettle = events;
      await new Promise((r) => setTimeout(r, 1500));
      return { ...outcome, aborted: abortedAt > 0, lateEvents: events - eventsAtSettle };
    }, url);
    assert.ok(result.aborted, 'progress passed 2% so the run was aborted');
    assert.equal(result.code, 'CANCELLED', result.message);
    assert.ok(result.ms < 2000, `rejected ${Math.round(result.ms)} ms after abort`);
    assert.equal(result.lateEvents, 0, 'no progress after the rejection');
  });
});
