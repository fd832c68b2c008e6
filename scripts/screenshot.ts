/**
 * Takes docs/screenshot.png: the app after analysing a fixture (default e2e/fixtures/clean.mp4),
 * in headless Chromium at a fixed viewport. Needs `npm run build` and the fixtures first.
 * Usage: node --import tsx scripts/screenshot.ts [video] [out.png]
 */
import { resolve } from 'node:path';
import { startServer } from '../bin/lib/server.mjs';
import { launchBrowser, openApp } from '../bin/lib/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const video = resolve(process.argv[2] ?? `${root}/e2e/fixtures/clean.mp4`);
const out = resolve(process.argv[3] ?? `${root}/docs/screenshot.png`);

const server = await startServer({ root: `${root}/dist` });
const browser = await launchBrowser();
try {
  const { page } = await openApp(browser, server.url, { viewport: { width: 1180, height: 900 } });
  await page.setInputFiles('#file-input', video);
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state ?? ''), null, { timeout: 300_000 });
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'done') throw new Error(`analysis ended in state ${state}`);
  await page.waitForTimeout(300);
  await page.screenshot({ path: out, fullPage: true });
  console.log(`screenshot written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
