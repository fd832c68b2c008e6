/**
 * Comparing two encodes through the UI: two files picked at once are analysed one after the other
 * and shown side by side on one time axis; clicking an event of either side seeks both players.
 * Two encodes of one source (CRF 18 and CRF 40) get PSNR and SSIM that agree with ffmpeg's filters.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURES, fixture, openAppSession, type AppSession } from './helpers.ts';
import { ffmpegFullRef, mean, spearman } from '../src/testing/ffmpeg-fullref.ts';
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

describe('compare: full-reference PSNR and SSIM between two encodes', () => {
  let app: AppSession;
  const a = () => genFixture('crf18.mp4');
  const b = () => genFixture('crf40.mp4');

  before(async () => {
    app = await openAppSession();
  });
  after(async () => {
    await app?.close();
  });

  it('can be cancelled and measured again', async () => {
    const { page } = app;
    await page.selectOption('#tier', '0');
    // Cancel the measurement as soon as the comparison shows.
    await page.evaluate(() => {
      const el = document.querySelector('qrouter-analyzer')!;
      el.addEventListener('compare', () => el.comparison!.fullRef.cancel(), { once: true });
    });
    await page.setInputFiles('#file-input', [a(), b()]);
    await page.locator('#fullref[data-state="cancelled"]').waitFor({ timeout: 240_000 });
    assert.match((await page.locator('#fullref-status').textContent()) ?? '', /cancelled/);
    await page.click('#fullref-again');
    assert.equal(await page.locator('#fullref').getAttribute('data-state'), 'measuring');
  });

  it('shows the mean PSNR and SSIM that ffmpeg measures on the same pair, and both curves', async () => {
    const { page } = app;
    await page.locator('#fullref[data-state]:not([data-state="measuring"])').waitFor({ timeout: 120_000 });
    assert.equal(await page.locator('#fullref').getAttribute('data-state'), 'done', (await page.locator('#fullref').textContent()) ?? '');
    const psnr = Number(await page.locator('#fullref-psnr').getAttribute('data-value'));
    const ssim = Number(await page.locator('#fullref-ssim').getAttribute('data-value'));
    const ref = ffmpegFullRef(a(), b());
    const ms = await page.evaluate(() => document.querySelector('qrouter-analyzer')!.comparison!.fullRef.result!.ms);
    console.log(`# page: PSNR-Y ${psnr.toFixed(4)} dB, SSIM-Y ${ssim.toFixed(6)} in ${ms.toFixed(0)} ms; ffmpeg: ${mean(ref.psnrY).toFixed(4)} dB, ${mean(ref.ssimY).toFixed(6)}`);
    assert.ok(Math.abs(psnr - mean(ref.psnrY)) < 0.1, `PSNR ${psnr} vs ffmpeg ${mean(ref.psnrY)}`);
    assert.ok(Math.abs(ssim - mean(ref.ssimY)) < 0.005, `SSIM ${ssim} vs ffmpeg ${mean(ref.ssimY)}`);
    const summary = (await page.locator('#fullref-summary').textContent()) ?? '';
    assert.match(summary, new RegExp(`PSNR ${psnr.toFixed(2)} dB`));
    assert.equal(await page.locator('#fullref-psnr-plot polyline').count(), 1);
    assert.equal(await page.locator('#fullref-ssim-plot polyline').count(), 1);
    const points = ((await page.locator('#fullref-ssim-plot polyline').getAttribute('points')) ?? '').trim().split(/\s+/);
    assert.equal(points.length, ref.ssimY.length, 'one point per frame pair');
  });

  it('lets the keyboard walk a curve frame by frame, seeking both players', async () => {
    const { page } = app;
    const plot = page.locator('#fullref-psnr-plot');
    assert.equal(await plot.getAttribute('role'), 'slider');
    await plot.focus();
    await page.keyboard.press('End');
    const last = Number(await plot.getAttribute('aria-valuemax'));
    assert.equal(Number(await plot.getAttribute('aria-valuenow')), last);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(Number(await plot.getAttribute('aria-valuenow')), last - 2);
    const frame = await page.evaluate((k) => document.querySelector('qrouter-analyzer')!.comparison!.fullRef.result!.frames[k]!, last - 2);
    assert.match((await plot.getAttribute('aria-valuetext')) ?? '', new RegExp(`frame ${last - 1} of ${last + 1}, ${frame.tS.toFixed(2)} s: ${frame.psnrY.toFixed(1)}`));
    await page.waitForFunction(() => document.querySelector('qrouter-analyzer')!.comparison!.viewers.every((v) => !v.video.seeking && v.video.readyState >= 2));
    const times = await page.evaluate(() => document.querySelector('qrouter-analyzer')!.comparison!.viewers.map((v) => v.video.currentTime));
    for (const t of times) assert.ok(Math.abs(t - frame.tS) <= 1 / 30 + 1e-3, `player at ${t} s, frame at ${frame.tS} s`);
  });

  it('exports the per-frame figures as CSV', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await page.click('#fullref-csv');
    const file = await download;
    assert.equal(file.suggestedFilename(), 'crf18-vs-crf40.fullref.csv');
    const chunks: Buffer[] = [];
    for await (const c of await file.createReadStream()) chunks.push(Buffer.from(c as Buffer));
    const lines = Buffer.concat(chunks).toString('utf8').trim().split('\n');
    assert.match(lines[0]!, /^frame,t_s,psnr_y,psnr_u,psnr_v,psnr_avg,ssim_y/);
    const ref = ffmpegFullRef(a(), b());
    assert.equal(lines.length - 1, ref.psnrY.length);
    const psnrY = lines.slice(1).map((l) => Number(l.split(',')[2]));
    assert.ok(spearman(psnrY, ref.psnrY) >= 0.95, 'per-frame PSNR ranks like ffmpeg');
  });

  it('says why there are no full-reference measures when the frame counts differ', async () => {
    const { page } = app;
    await page.setInputFiles('#file-input', [fixture('clean.mp4'), a()]);
    await page.locator('#fullref[data-state="unavailable"]').waitFor({ timeout: 240_000 });
    const why = (await page.locator('#fullref-status').textContent()) ?? '';
    assert.match(why, /same frame count: A has 120 frames .* B 60/);
    assert.equal(await page.locator('#fullref-psnr').count(), 0);
  });

  it('logged no page error', () => {
    assert.deepEqual(app.pageErrors, []);
  });
});

function genFixture(name: string): string {
  fixture('clean.mp4'); // makes every fixture when missing
  return join(FIXTURES, 'gen', name);
}
