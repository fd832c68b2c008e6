/**
 * The app end to end: pick the clean, compressed and blurred fixtures through the UI, check each
 * report against qrouter.report/1, the score ordering, rising progress, the rendered result panel,
 * and that no request leaves the page's origin.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeViaUi, fixture, foreign, openAppSession, type AppSession, type UiOutcome } from './helpers.ts';
import { validateReport } from '../src/report/validate.ts';

describe('app: analysing fixtures through the UI', () => {
  let app: AppSession;
  const outcomes = new Map<string, UiOutcome>();

  before(async () => {
    for (const f of ['clean.mp4', 'compressed.mp4', 'blurred.mp4']) fixture(f);
    app = await openAppSession();
  });
  after(async () => {
    await app?.close();
  });

  it('loads the page with the analyzer element, its file input and the automation hooks', async () => {
    const { page } = app;
    assert.equal(await page.evaluate(() => typeof window.qrouter?.analyzeVideo), 'function');
    assert.equal(await page.evaluate(() => document.body.dataset.state), 'idle');
    assert.equal(await page.locator('#file-input').count(), 1);
    assert.equal(await page.locator('#tier').inputValue(), '1');
    // Styles live in the shadow root only (an adopted stylesheet, CSP-safe): nothing leaks either way.
    assert.equal(await page.evaluate(() => document.querySelector('qrouter-analyzer')?.shadowRoot?.adoptedStyleSheets.length), 1);
    assert.equal(await page.evaluate(() => document.querySelectorAll('head style').length), 1);
  });

  for (const name of ['clean.mp4', 'compressed.mp4', 'blurred.mp4']) {
    it(`analyses ${name} to a valid qrouter.report/1 with rising progress`, async () => {
      const before = app.requests.length;
      const out = await analyzeViaUi(app.page, fixture(name));
      outcomes.set(name, out);
      assert.equal(out.state, 'done', `state ${out.state}: ${out.error?.code} ${out.error?.message}`);
      assert.ok(out.report, 'window.__qrouterLastReport is set');
      assert.deepEqual(validateReport(out.report), []);
      assert.equal(out.report.input.name, name);
      assert.equal(out.report.input.width, 640);
      assert.equal(out.report.input.height, 360);
      assert.ok(Math.abs(out.report.input.durationS - 4) < 0.2, `durationS ${out.report.input.durationS}`);
      assert.equal(out.report.tier, 1);
      assert.ok(out.report.experts.length > 0, 'at least one expert');
      assert.ok(out.report.timeline.length > 0, 'a timeline');

      assert.ok(out.progress.length >= 2, `progress events: ${out.progress.length}`);
      for (let i = 1; i < out.progress.length; i++) {
        const [a, b] = [out.progress[i - 1]!, out.progress[i]!];
        assert.ok(b.progress >= a.progress, `progress fell from ${a.progress} (${a.stage}) to ${b.progress} (${b.stage}) at event ${i}`);
      }
      for (const e of out.progress) assert.ok(e.progress >= 0 && e.progress <= 1, `progress ${e.progress} in 0..1`);
      assert.deepEqual(foreign(app.requests.slice(before), app.server.origin), [], 'requests left the origin');
    });
  }

  it('scores the clean clip at least 10 points above the compressed and the blurred ones', () => {
    const score = (n: string): number => {
      const r = outcomes.get(n)?.report;
      assert.ok(r, `${n} was analysed`);
      return r.score;
    };
    const clean = score('clean.mp4');
    assert.ok(clean - score('compressed.mp4') >= 10, `clean ${clean} vs compressed ${score('compressed.mp4')}`);
    assert.ok(clean - score('blurred.mp4') >= 10, `clean ${clean} vs blurred ${score('blurred.mp4')}`);
  });

  it('shows the result panel for the last report', async () => {
    const { page } = app;
    const report = outcomes.get('blurred.mp4')?.report;
    assert.ok(report);
    assert.equal((await page.locator('#score').textContent())?.startsWith(String(Math.round(report.score))), true);
    assert.equal((await page.locator('#label').textContent())?.toLowerCase(), report.label);
    assert.equal(await page.locator('[data-expert]').count(), report.experts.length);
    assert.equal(await page.locator('#timeline svg polyline').count(), 1);
    assert.equal(await page.locator('#artifacts tbody tr').count(), report.artifacts.length);
    assert.ok(await page.locator('#download').isEnabled());
    const download = page.waitForEvent('download');
    await page.click('#download');
    const file = await download;
    assert.equal(file.suggestedFilename(), 'blurred.qrouter.json');
  });

  it('made no request to any host but the page origin', () => {
    assert.deepEqual(foreign(app.requests, app.server.origin), []);
    assert.deepEqual(app.blocked, []);
    assert.deepEqual(app.pageErrors, []);
  });
});
