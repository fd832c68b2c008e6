/**
 * Takes the README's screenshots: the app after analysing a fixture (default e2e/fixtures/regional.mp4,
 * which has a located artifact), paused in the middle of its first event so the overlay shows, at a
 * desktop and a phone width, in light and dark. Writes docs/screenshot-{desktop,phone}-{light,dark}.png
 * and docs/screenshot.png (desktop, light). Needs `npm run build` and the fixtures first.
 * Usage: node --import tsx scripts/screenshot.ts [video] [tier]
 */
import { resolve } from 'node:path';
import { startServer } from '../bin/lib/server.mjs';
import { launchBrowser, openApp } from '../bin/lib/browser.mjs';

const root = resolve(import.meta.dirname, '..');
const video = resolve(process.argv[2] ?? `${root}/e2e/fixtures/regional.mp4`);
const tier = process.argv[3] ?? '1';
const docs = `${root}/docs`;
const SIZES = { desktop: { width: 1180, height: 900 }, phone: { width: 390, height: 844 } } as const;

const server = await startServer({ root: `${root}/dist` });
const browser = await launchBrowser();
try {
  const { page } = await openApp(browser, server.url, { viewport: SIZES.desktop });
  await page.evaluate('globalThis.__name = (f) => f');
  await page.selectOption('#tier', tier);
  await page.setInputFiles('#file-input', video);
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state ?? ''), null, { timeout: 300_000 });
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'done') throw new Error(`analysis ended in state ${state}`);
  // Pause in the middle of the first event so its overlay is on the frame.
  await page.evaluate(async () => {
    const el = document.querySelector('qrouter-analyzer')!;
    const first = el.report?.artifacts[0];
    const viewer = el.viewer;
    if (!viewer) return;
    viewer.seek(first ? (first.startS + first.endS) / 2 : 0);
    await new Promise<void>((r) => viewer.video.addEventListener('seeked', () => r(), { once: true }));
  });
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, size] of Object.entries(SIZES)) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize(size);
      await page.waitForTimeout(400);
      const out = `${docs}/screenshot-${name}-${scheme}.png`;
      await page.screenshot({ path: out, fullPage: true });
      console.log(`screenshot written to ${out}`);
      if (name === 'desktop' && scheme === 'light') await page.screenshot({ path: `${docs}/screenshot.png`, fullPage: true });
    }
  }
} finally {
  await browser.close();
  await server.close();
}
