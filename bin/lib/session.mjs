/**
 * One CLI session: the static server for the built app, headless Chromium and the app page, with
 * the start-up time measured on its own. Closing it stops everything it started.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';
import { launchBrowser, openApp } from './browser.mjs';

/** The package root (the folder that holds bin/ and dist/). */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built app folder: $QROUTER_APP_DIR, or dist/ in the package. */
export function appDir() {
  return resolve(process.env.QROUTER_APP_DIR ?? join(PACKAGE_ROOT, 'dist'));
}

/** Thrown when the app has not been built yet. */
export class AppMissingError extends Error {}

/**
 * Starts the server, the browser and the page.
 * @param {{ isolate?: boolean, headed?: boolean }} options
 */
export async function openSession(options) {
  const root = appDir();
  if (!existsSync(join(root, 'index.html'))) {
    throw new AppMissingError(`The app is not built (${join(root, 'index.html')} is missing). Run "npm run build" first.`);
  }
  const t0 = performance.now();
  const server = await startServer({ root, isolate: options.isolate });
  let browser;
  try {
    browser = await launchBrowser({ headless: !options.headed });
    const launchMs = performance.now() - t0;
    const { page, blocked } = await openApp(browser, server.url);
    const startupMs = performance.now() - t0;
    /** Browser messages worth showing: uncaught page errors only. */
    page.on('pageerror', (err) => {
      if (process.env.QROUTER_DEBUG) process.stderr.write(`page error: ${err.message}\n`);
    });
    if (process.env.QROUTER_DEBUG) page.on('console', (m) => process.stderr.write(`console: ${m.text()}\n`));
    const b = browser;
    return {
      server,
      page,
      blocked,
      launchMs,
      startupMs,
      async close() {
        await b.close().catch(() => {});
        await server.close();
      },
    };
  } catch (err) {
    await browser?.close().catch(() => {});
    await server.close();
    throw err;
  }
}
