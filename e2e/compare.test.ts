/**
 * Comparing two encodes through the UI: two files picked at once are analysed one after the other
 * and shown side by side on one time axis; clicking an event of either side seeks both players.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, openAppSession, type AppSession } from './helpers.ts';
import type { Report } from '../src/report/types.ts';

describe('compare: two encodes side by side', () => {
  let app: AppSession;
  let reports: { a: Report; b: Report };

  before(async () => {
    app = await openAppSession();
    const { page } = app;
    await page.evaluate(() => {
      document.querySelector('qrouter-analyzer')!.addEventListener('compare', (e) => {
        (window as unknown as { __compare: unknown }).__compare = (e as CustomEvent).detail;
      });
    });
    await page.setInputFiles('#file-input', [fixture('clean.mp4'), fixture('regional.mp4')]);
    await page.waitForFunction(() => !!(window as unknown as { __compare?: unknown }).__compare, null, { timeout: 240_000 });
    reports = await page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __compare: unknown }).__compare)));
  });
  after(async () => {
    await app?.close();
  });

  it('shows both scores, the difference and both curves on one axis', async () => {
    const { page } = app;
    assert.equal(reports.a.input.name, 'clean.mp4');
    assert.equal(reports.b.input.name, 'regional.mp4');
    const scores = await page.locator('#compare [data-score]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-score'))));
    assert.deepEqual(scores, [reports.a.score, reports.b.score]);
    const verdict = (await page.locator('#compare-verdict').textContent()) ?? '';
    const better = reports.b.score > reports.a.score ? 'B' : 'A';
    assert.ok(verdict.startsWith(`${better} scores`), verdict);
    assert.equal(await page.locator('#compare-timeline polyline').count(), 2);
    assert.equal(await page.locator('#result').isHidden(), true, 'the single-report panel is hidden');
  });

  it("clicking B's event seeks both players to its start", async () => {
    const { page } = app;
    const e = reports.b.artifacts[0];
    assert.ok(e, 'regional.mp4 has an event');
    await page.click(`#compare .ev[data-side="B"][data-type="${e.type}"]`);
    await page.waitForFunction(() => document.querySelector('qrouter-analyzer')!.comparison!.viewers.every((v) => !v.video.seeking && v.video.readyState >= 2));
    const times = await page.evaluate(() => document.querySelector('qrouter-analyzer')!.comparison!.viewers.map((v) => v.video.currentTime));
    assert.equal(times.length, 2);
    for (const t of times) assert.ok(Math.abs(t - e.startS) <= 1 / 30 + 1e-3, `player at ${t} s, event at ${e.startS} s`);
  });

  it('logged no page error', () => {
    assert.deepEqual(app.pageErrors, []);
  });
});
