/**
 * The built app in headless Chromium, for benchmarks: the CLI's static server and browser launcher,
 * one page, and typed calls to `window.qrouter.analyzeVideo` / `measureDecode` timed from the page.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer } from '../../bin/lib/server.mjs';
import { launchBrowser, openApp } from '../../bin/lib/browser.mjs';
import type { StaticServer } from '../../bin/lib/server.d.mts';
import type { Report, Tier } from '../../src/report/types.ts';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** An open app page with its server and browser. */
export interface BenchApp {
  server: StaticServer;
  browser: Browser;
  page: Page;
  /** Wall time from launch to a ready page, ms. */
  startupMs: number;
  close(): Promise<void>;
}

/** Result of one analysis timed inside the page. */
export interface TimedReport {
  report: Report;
  /** Wall time around `analyzeVideo` in the page (fetch of the file included), ms. */
  wallMs: number;
}

/** Result of a decode-only pass. */
export interface DecodeTiming {
  frames: number;
  ms: number;
  width: number;
  height: number;
}

/** Starts the static server on `appDir` (default dist/), Chromium and the app page. */
export async function openBenchApp(appDir = process.env.QROUTER_APP_DIR ?? join(ROOT, 'dist')): Promise<BenchApp> {
  if (!existsSync(join(appDir, 'index.html'))) throw new Error(`${appDir}/index.html is missing: run "npm run build" first`);
  const t0 = performance.now();
  const server = await startServer({ root: appDir });
  const browser = await launchBrowser({ headless: true });
  const { page } = await openApp(browser, server.url);
  const startupMs = performance.now() - t0;
  return {
    server,
    browser,
    page,
    startupMs,
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

const INPUT_ID = 'qrouter-bench-file';

/**
 * Puts `file` into a hidden `<input type=file>` of the page, so the page holds a disk-backed File (as
 * when a person picks one) rather than a copy of its bytes in memory.
 */
async function pickFile(app: BenchApp, file: string): Promise<void> {
  await app.page.evaluate((id) => {
    if (document.getElementById(id)) return;
    const input = document.createElement('input');
    input.type = 'file';
    input.id = id;
    input.style.display = 'none';
    document.body.append(input);
  }, INPUT_ID);
  await app.page.setInputFiles(`#${INPUT_ID}`, file);
}

/** Runs one analysis of `file` at `tier` in the page; `timeoutMs` aborts it (then it throws). */
export async function analyzeTimed(app: BenchApp, file: string, tier: Tier, timeoutMs = 0): Promise<TimedReport> {
  await pickFile(app, file);
  const out = await app.page.evaluate(
    async ({ id, tier, timeoutMs }) => {
      const q = (window as unknown as { qrouter: { analyzeVideo: (f: File, o: object) => Promise<unknown> } }).qrouter;
      const input = document.getElementById(id) as HTMLInputElement;
      const controller = new AbortController();
      const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
      const t0 = performance.now();
      try {
        const report = await q.analyzeVideo(input.files![0]!, { tier, signal: controller.signal });
        return { ok: true as const, report: JSON.parse(JSON.stringify(report)) as unknown, wallMs: performance.now() - t0 };
      } catch (err) {
        const e = err as { code?: string; message?: string };
        return { ok: false as const, error: `${controller.signal.aborted ? 'TIMEOUT' : (e.code ?? 'ERROR')}: ${e.message ?? String(err)}` };
      } finally {
        clearTimeout(timer);
      }
    },
    { id: INPUT_ID, tier, timeoutMs },
  );
  if (!out.ok) throw new Error(`analysis of ${file} at tier ${tier} failed: ${out.error}`);
  return { report: out.report as Report, wallMs: out.wallMs };
}

/** Decodes `file` without analysis in the same worker and decoder (`copy`: also copy pixels). */
export async function decodeTimed(app: BenchApp, file: string, copy = true): Promise<DecodeTiming> {
  await pickFile(app, file);
  return app.page.evaluate(
    async ({ id, copy }) => {
      const q = (window as unknown as { qrouter: { measureDecode?: (f: File, c: boolean) => Promise<DecodeTiming> } }).qrouter;
      if (!q.measureDecode) throw new Error('window.qrouter.measureDecode is missing: rebuild the app');
      return q.measureDecode((document.getElementById(id) as HTMLInputElement).files![0]!, copy);
    },
    { id: INPUT_ID, copy },
  );
}

/** The browser's version string as Chromium reports it. */
export function browserVersion(app: BenchApp): string {
  return app.browser.version();
}
