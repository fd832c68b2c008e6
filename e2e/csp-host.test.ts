/**
 * The widget in a real host page under a strict Content-Security-Policy. The host origin serves the
 * page and the library (dist-lib/) with `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`; a
 * second origin serves the models with CORS. The widget must render with its styles (computed-style
 * checks, light and dark), log no CSP violation, and analyse a clip in compact mode with a
 * `min-score` verdict, fetching its models from the other origin.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../bin/lib/browser.mjs';
import { fixture, ROOT } from './helpers.ts';

const CSP = "script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.onnx': 'application/octet-stream', '.map': 'application/json' };

type Served = string | { body: string; type: string } | undefined;

/** A static server over `files(path)` (a file path or a generated body), with extra headers; 127.0.0.1 on a random port. */
async function serve(files: (path: string) => Served, headers: Record<string, string>): Promise<{ server: Server; origin: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    hits.push(path);
    const file = files(path);
    if (typeof file === 'object') {
      res.writeHead(200, { ...headers, 'content-type': file.type });
      res.end(file.body);
      return;
    }
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { server, origin: `http://127.0.0.1:${port}`, hits };
}

const under = (root: string, rel: string) => {
  const p = normalize(join(root, rel));
  return p.startsWith(root) ? p : undefined;
};

describe('widget in a host page on another origin than the models, under a strict CSP', () => {
  let host: Awaited<ReturnType<typeof serve>>;
  let assets: Awaited<ReturnType<typeof serve>>;
  let browser: Browser;
  let page: Page;
  const violations: string[] = [];

  before(async () => {
    const lib = join(ROOT, 'dist-lib');
    const models = join(ROOT, 'public', 'models');
    if (!existsSync(join(lib, 'widget.js'))) throw new Error('dist-lib/ is missing: run "npm run build:lib" before this test.');
    if (!existsSync(join(models, 'manifest.json'))) throw new Error('public/models/ is missing: run "npm run models" before this test.');
    assets = await serve((p) => (p.startsWith('/models/') ? under(models, p.slice('/models/'.length)) : undefined), { 'access-control-allow-origin': '*' });
    const page_ = () => `<!doctype html><html><head><meta charset="utf-8"><title>Upload</title></head><body>
<form id="upload"><label>Your video</label>
<qrouter-analyzer id="compact" compact min-score="50" model-base-url="${assets.origin}/models/"></qrouter-analyzer></form>
<qrouter-analyzer id="full" model-base-url="${assets.origin}/models/"></qrouter-analyzer>
<script type="module" src="/host.js"></script><script type="module" src="/lib/widget.js"></script></body></html>`;
    const hostJs = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
document.getElementById('compact').addEventListener('verdict', (e) => { window.__verdict = e.detail; });`;
    host = await serve(
      (p) =>
        p === '/'
          ? { body: page_(), type: 'text/html' }
          : p === '/host.js'
            ? { body: hostJs, type: 'text/javascript' }
            : p.startsWith('/lib/')
              ? under(lib, p.slice('/lib/'.length))
              : undefined,
      { 'content-security-policy': CSP },
    );
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${host.origin}/`);
    await page.waitForFunction(() => !!customElements.get('qrouter-analyzer'));
  });
  after(async () => {
    await browser?.close();
    await new Promise((r) => host?.server.close(r));
    await new Promise((r) => assets?.server.close(r));
  });

  it('renders the widget with its styles: adopted stylesheet, no <style>, no style attributes', async () => {
    const s = await page.evaluate(() => {
      const el = document.getElementById('full')!;
      const root = el.shadowRoot!;
      const drop = root.querySelector('.drop')!;
      const cs = getComputedStyle(el);
      const ds = getComputedStyle(drop);
      return {
        adopted: root.adoptedStyleSheets.length,
        styleTags: root.querySelectorAll('style').length,
        styleAttrs: root.querySelectorAll('[style]').length,
        hostPadding: cs.paddingTop,
        hostBorder: cs.borderTopStyle,
        hostBg: cs.backgroundColor,
        dropBorder: ds.borderTopStyle,
        dropMinHeight: ds.minHeight,
        accent: cs.getPropertyValue('--qr-accent').trim(),
        compactPadding: getComputedStyle(document.getElementById('compact')!).paddingTop,
      };
    });
    assert.equal(s.adopted, 1);
    assert.equal(s.styleTags, 0);
    assert.equal(s.styleAttrs, 0);
    assert.equal(s.hostPadding, '20px');
    assert.equal(s.hostBorder, 'solid');
    assert.equal(s.hostBg, 'rgb(255, 255, 255)');
    assert.equal(s.dropBorder, 'dashed');
    assert.equal(s.dropMinHeight, '140px');
    assert.equal(s.accent, '#2f6fed');
    assert.equal(s.compactPadding, '10px');
  });

  it('follows a dark colour scheme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate(() => getComputedStyle(document.getElementById('full')!).backgroundColor);
    assert.equal(bg, 'rgb(21, 26, 33)');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('analyses in compact mode with models from the other origin and emits a pass/fail verdict', async () => {
    await page.setInputFiles('#compact #file-input', fixture('clean.mp4'));
    await page.waitForFunction(() => document.getElementById('compact')!.getAttribute('state') === 'running');
    assert.equal(await page.locator('#compact #tier').isDisabled(), true, 'the tier picker is locked during the run');
    await page.waitForFunction(() => ['done', 'error'].includes(document.getElementById('compact')!.getAttribute('state') ?? ''), null, { timeout: 180_000 });
    const r = await page.evaluate(() => ({
      state: document.getElementById('compact')!.getAttribute('state'),
      notice: document.getElementById('compact')!.shadowRoot!.querySelector('#notice')!.textContent,
      verdict: (window as unknown as { __verdict?: { pass: boolean; score: number; minScore: number; text: string } }).__verdict,
      shown: document.getElementById('compact')!.shadowRoot!.querySelector('#verdict')!.textContent,
      resultVisible: getComputedStyle(document.getElementById('compact')!.shadowRoot!.querySelector('#result')!).display,
    }));
    assert.equal(r.state, 'done', r.notice ?? '');
    assert.equal(await page.locator('#compact #tier').isDisabled(), false, 'unlocked after the run');
    assert.ok(r.verdict, 'a verdict event');
    assert.equal(r.verdict.minScore, 50);
    assert.equal(r.verdict.pass, r.verdict.score >= 50);
    assert.match(r.shown ?? '', /^clean\.mp4: \d+ \/ 100/);
    assert.equal(r.resultVisible, 'none', 'compact mode shows the verdict line, not the full panel');
    assert.ok(assets.hits.some((p) => p.endsWith('.onnx')), 'models came from the asset origin');
    assert.ok(!host.hits.some((p) => p.endsWith('.onnx')), 'no model from the host origin');
  });

  it('logged no CSP violation', async () => {
    const fromPage = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
    assert.deepEqual(fromPage, []);
    assert.deepEqual(violations, []);
  });

  it('has the policy in force (an inline style is refused), so the checks above mean something', async () => {
    const applied = await page.evaluate(async () => {
      const style = document.createElement('style');
      style.textContent = 'body { margin-left: 77px; }';
      document.head.append(style);
      await new Promise((r) => setTimeout(r, 100));
      return { margin: getComputedStyle(document.body).marginLeft, violations: (window as unknown as { __violations: string[] }).__violations.length };
    });
    assert.notEqual(applied.margin, '77px');
    assert.ok(applied.violations >= 1, 'the refused inline style was reported as a violation');
  });
});
