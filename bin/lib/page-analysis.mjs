/**
 * Runs `window.qrouter.analyzeVideo` inside an opened app page, forwarding progress events to Node.
 * The outcome is plain data: a report, or the error's code and message (never a stack trace).
 */

/** @type {WeakMap<import('playwright-core').Page, { current: ((e: unknown) => void) | undefined }>} */
const sinks = new WeakMap();

/**
 * Makes `window.__qrouterNodeProgress` available in the page (once per page).
 * @param {import('playwright-core').Page} page
 */
async function progressSink(page) {
  let sink = sinks.get(page);
  if (!sink) {
    const created = { current: /** @type {((e: unknown) => void) | undefined} */ (undefined) };
    await page.exposeFunction('__qrouterNodeProgress', (/** @type {unknown} */ e) => created.current?.(e));
    sinks.set(page, created);
    sink = created;
  }
  return sink;
}

/**
 * Analyses the video at `inputUrl` (same-origin URL from the static server) in `page`.
 * @param {import('playwright-core').Page} page
 * @param {string} inputUrl
 * @param {{ tier?: 0|1|2, router?: 'fast'|'vlm', budgetMs?: number, onProgress?: (e: any) => void, timeoutMs?: number }} [options]
 * @returns {Promise<{ ok: true, report: any } | { ok: false, error: { code: string, message: string } }>}
 */
export async function analyzeInPage(page, inputUrl, options = {}) {
  const sink = await progressSink(page);
  sink.current = options.onProgress;
  try {
    return await page.evaluate(
      async ({ url, tier, router, budgetMs, timeoutMs }) => {
        const w = /** @type {any} */ (window);
        const controller = new AbortController();
        const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
        try {
          const report = await w.qrouter.analyzeVideo(new URL(url), {
            tier,
            router,
            ...(budgetMs ? { budgetMs } : {}),
            signal: controller.signal,
            onProgress: (/** @type {any} */ e) => {
              w.__qrouterNodeProgress({ stage: e.stage, progress: e.progress, message: e.message, framesDecoded: e.framesDecoded });
            },
          });
          return { ok: true, report: JSON.parse(JSON.stringify(report)) };
        } catch (err) {
          const e = /** @type {any} */ (err);
          const timedOut = controller.signal.aborted;
          return {
            ok: false,
            error: {
              code: timedOut ? 'TIMEOUT' : typeof e?.code === 'string' ? e.code : 'INTERNAL',
              message: timedOut
                ? `The analysis did not finish within ${Math.round(timeoutMs / 1000)} s and was stopped.`
                : typeof e?.message === 'string' && e.message
                  ? e.message
                  : String(e),
            },
          };
        } finally {
          clearTimeout(timer);
        }
      },
      { url: inputUrl, tier: options.tier ?? 1, router: options.router ?? 'fast', budgetMs: options.budgetMs ?? 0, timeoutMs: options.timeoutMs ?? 0 },
    );
  } finally {
    sink.current = undefined;
  }
}
