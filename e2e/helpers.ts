/**
 * Shared set-up of the end-to-end tests: fixtures, the built app on the CLI's static server, the
 * system's Chromium, and a way to analyse a file through the UI's file input and read the outcome.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type StaticServer } from '../bin/lib/server.mjs';
import { launchBrowser, openApp } from '../bin/lib/browser.mjs';
import type { Report } from '../src/report/types.ts';
import type { ProgressEvent } from '../src/api/options.ts';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');
/** The fixture folder (made by scripts/make-fixtures.sh). */
export const FIXTURES = join(ROOT, 'e2e', 'fixtures');

/** Path of a fixture; makes the fixtures first when any is missing. */
export function fixture(name: string): string {
  const path = join(FIXTURES, name);
  if (!existsSync(path)) execFileSync('bash', [join(ROOT, 'scripts', 'make-fixtures.sh')], { stdio: 'inherit' });
  if (!existsSync(path)) throw new Error(`fixture ${name} could not be made`);
  return path;
}

/** Fails early with a clear message when the app has not been built. */
export function requireBuiltApp(): string {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run "npm run build" before the e2e tests.');
  return dist;
}

/** A running app: server, browser, and one page with request logging. */
export interface AppSession {
  server: StaticServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Every URL the page (and its workers) requested. */
  requests: string[];
  /** Requests the guard aborted because they left the origin. */
  blocked: string[];
  /** Uncaught page errors. */
  pageErrors: string[];
  close(): Promise<void>;
}

/** Serves dist/, launches Chromium and opens the app. */
export async function openAppSession(): Promise<AppSession> {
  const server = await startServer({ root: requireBuiltApp() });
  const browser = await launchBrowser();
  try {
    const requests: string[] = [];
    const pageErrors: string[] = [];
    const { context, page, blocked } = await openApp(browser, server.url);
    // tsx compiles test code with esbuild's keepNames, which calls __name() inside page functions.
    await page.evaluate('globalThis.__name = (f) => f');
    context.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => pageErrors.push(e.message));
    return {
      server,
      browser,
      context,
      page,
      requests,
      blocked,
      pageErrors,
      async close() {
        await browser.close();
        await server.close();
      },
    };
  } catch (err) {
    await browser.close();
    await server.close();
    throw err;
  }
}

/** What one run through the UI ended with. */
export interface UiOutcome {
  state: string;
  report?: Report;
  error?: { code: string; message: string };
  progress: ProgressEvent[];
  /** The text of the notice area (error sentence) inside the element. */
  notice: string;
}

/** Starts recording the element's `progress` events into `window.__e2eProgress`. */
export async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __e2eProgress: unknown[]; __e2eHooked?: boolean };
    w.__e2eProgress = [];
    if (w.__e2eHooked) return;
    w.__e2eHooked = true;
    document.querySelector('qrouter-analyzer')!.addEventListener('progress', (e) => {
      w.__e2eProgress.push((e as unknown as CustomEvent).detail);
    });
  });
}

/** Picks `file` with the UI's file input (no waiting). */
export async function pickFile(page: Page, file: string, tier?: 0 | 1 | 2): Promise<void> {
  if (tier !== undefined) await page.selectOption('#tier', String(tier));
  await recordProgress(page);
  await page.evaluate(() => {
    document.body.dataset.state = 'idle';
  });
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction(() => document.body.dataset.state !== 'idle');
}

/** Waits until the run has ended and reads its outcome. */
export async function waitForOutcome(page: Page, timeoutMs = 120_000): Promise<UiOutcome> {
  await page.waitForFunction(() => ['done', 'error', 'cancelled'].includes(document.body.dataset.state ?? ''), null, {
    timeout: timeoutMs,
  });
  return page.evaluate(() => {
    const w = window as unknown as { __qrouterLastReport?: unknown; __qrouterLastError?: unknown; __e2eProgress: unknown[] };
    const notice = document.querySelector('qrouter-analyzer')?.shadowRoot?.querySelector('#notice');
    return {
      state: document.body.dataset.state ?? '',
      report: w.__qrouterLastReport,
      error: w.__qrouterLastError,
      progress: w.__e2eProgress,
      notice: notice && !(notice as HTMLElement).hidden ? (notice.textContent ?? '') : '',
    } as UiOutcome;
  });
}

/** Analyses `file` through the UI and returns the outcome. */
export async function analyzeViaUi(page: Page, file: string, tier?: 0 | 1 | 2): Promise<UiOutcome> {
  await pickFile(page, file, tier);
  return waitForOutcome(page);
}

/** URLs in `urls` that are not on `origin` (blob: and data: URLs are local). */
export function foreign(urls: string[], origin: string): string[] {
  return urls.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
}
