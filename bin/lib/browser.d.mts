/** Types of browser.mjs: Chromium launch and the guarded app page, shared by the CLI and e2e tests. */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Chromium flags used for every launch. */
export const CHROMIUM_ARGS: readonly string[];
/** The Chromium executable to use, if one is found. */
export function findChromium(): string | undefined;
/** Launches headless Chromium (the system's, through playwright-core). */
export function launchBrowser(options?: { headless?: boolean }): Promise<Browser>;
/** Opens the app; requests leaving the page's origin are aborted and listed in `blocked`. */
export function openApp(
  browser: Browser,
  url: string,
  options?: { viewport?: { width: number; height: number } },
): Promise<{ context: BrowserContext; page: Page; blocked: string[] }>;
/** True when `target` stays on `origin` (blob: and data: URLs included). */
export function isAllowed(target: string, origin: string): boolean;
