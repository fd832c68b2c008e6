/**
 * Launches the system's Chromium headless through playwright-core and opens the built app in a page
 * that may only talk to its own origin. Shared by the CLI and the end-to-end tests.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Chromium flags for these machines: WebGPU when possible, and no background network traffic. */
export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1, EXCLUDE localhost',
];

/** Where Chromium is: $QROUTER_CHROMIUM, $CHROME_PATH, then the usual system paths. */
export function findChromium() {
  const candidates = [
    process.env.QROUTER_CHROMIUM,
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter(Boolean);
  return /** @type {string | undefined} */ (candidates.find((p) => existsSync(/** @type {string} */ (p))));
}

/**
 * Launches headless Chromium.
 * @param {{ headless?: boolean }} [options]
 * @returns {Promise<import('playwright-core').Browser>}
 */
export async function launchBrowser(options = {}) {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      'Chromium was not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set QROUTER_CHROMIUM to its path.',
    );
  }
  return chromium.launch({ executablePath, headless: options.headless ?? true, args: CHROMIUM_ARGS });
}

/**
 * Opens the app at `url` in a new page. Every request to a host other than the page's origin is
 * aborted and recorded in `blocked` (defence in depth: the analyzer must never upload anything).
 * @param {import('playwright-core').Browser} browser
 * @param {string} url the app's URL on the local server
 * @param {{ viewport?: { width: number, height: number } }} [options]
 */
export async function openApp(browser, url, options = {}) {
  const origin = new URL(url).origin;
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 900 } });
  /** @type {string[]} */
  const blocked = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (isAllowed(target, origin)) return route.continue();
    blocked.push(target);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => typeof (/** @type {any} */ (window)).qrouter?.analyzeVideo === 'function', null, {
    timeout: 30_000,
  });
  return { context, page, blocked };
}

/**
 * True when a request stays on the page's origin (or is a blob:/data: URL the page made itself).
 * @param {string} target
 * @param {string} origin
 */
export function isAllowed(target, origin) {
  if (target.startsWith('blob:') || target.startsWith('data:')) return true;
  try {
    return new URL(target).origin === origin;
  } catch {
    return false;
  }
}
