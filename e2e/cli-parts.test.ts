/**
 * The CLI's parts without a browser: argument parsing (usage errors) and the static server
 * (MIME types, Range requests, path traversal, registered inputs, optional isolation headers).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, UsageError } from '../bin/lib/args.mjs';
import { startServer, type StaticServer } from '../bin/lib/server.mjs';
import { isAllowed } from '../bin/lib/browser.mjs';

describe('cli arguments', () => {
  it('parses analyze with every option', () => {
    const cmd = parseArgs(['analyze', 'a.mp4', '--tier', '2', '--json=-', '--router', 'vlm', '--timeout', '30', '-q']);
    assert.deepEqual(
      { ...cmd },
      { verb: 'analyze', target: 'a.mp4', tier: 2, router: 'vlm', json: '-', out: undefined, budgetMs: undefined, timeoutMs: 30_000, shard: undefined, recursive: false, isolate: false, headed: false, quiet: true, question: undefined },
    );
  });

  it('has defaults: tier 1, fast router, 10 minute timeout', () => {
    const cmd = parseArgs(['analyze', 'a.mp4']);
    assert.equal('tier' in cmd && cmd.tier, 1);
    assert.equal('router' in cmd && cmd.router, 'fast');
    assert.equal('timeoutMs' in cmd && cmd.timeoutMs, 600_000);
  });

  it('parses batch with a shard', () => {
    const cmd = parseArgs(['batch', 'dir', '--out', 'r.csv', '--shard', '1/4']);
    assert.equal(cmd.verb, 'batch');
    assert.deepEqual('shard' in cmd && cmd.shard, { index: 1, count: 4 });
  });

  it('recognises help and version', () => {
    assert.deepEqual(parseArgs(['--help']), { verb: 'help' });
    assert.deepEqual(parseArgs(['analyze', '-h']), { verb: 'help' });
    assert.deepEqual(parseArgs(['--version']), { verb: 'version' });
  });

  for (const argv of [
    [],
    ['analyze'],
    ['batch'],
    ['scan', 'a.mp4'],
    ['analyze', 'a.mp4', '--tier', '3'],
    ['analyze', 'a.mp4', '--router', 'gpt'],
    ['analyze', 'a.mp4', '--json'],
    ['analyze', 'a.mp4', '--nope'],
    ['analyze', 'a.mp4', 'b.mp4'],
    ['analyze', 'a.mp4', '--out', 'x.csv'],
    ['batch', 'dir', '--json', '-'],
    ['batch', 'dir', '--shard', '4/4'],
    ['analyze', 'a.mp4', '--timeout', '-1'],
  ]) {
    it(`rejects: qrouter ${argv.join(' ')}`, () => {
      assert.throws(() => parseArgs(argv), UsageError);
    });
  }
});

describe('static server', () => {
  let dir: string;
  let server: StaticServer;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qrouter-srv-'));
    mkdirSync(join(dir, 'app', 'models'), { recursive: true });
    writeFileSync(join(dir, 'app', 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(dir, 'app', 'models', 'm.onnx'), Buffer.from([1, 2, 3]));
    writeFileSync(join(dir, 'app', 'a.wasm'), Buffer.from([0, 97, 115, 109]));
    writeFileSync(join(dir, 'secret.txt'), 'outside the root');
    writeFileSync(join(dir, 'clip one.mp4'), Buffer.from('0123456789'));
    server = await startServer({ root: join(dir, 'app') });
  });
  after(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the index, models and wasm with the right types on 127.0.0.1', async () => {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    const index = await fetch(server.url);
    assert.equal(index.status, 200);
    assert.match(index.headers.get('content-type') ?? '', /text\/html/);
    assert.equal((await fetch(`${server.origin}/a.wasm`)).headers.get('content-type'), 'application/wasm');
    const model = await fetch(`${server.origin}/models/m.onnx`);
    assert.deepEqual([...new Uint8Array(await model.arrayBuffer())], [1, 2, 3]);
    assert.equal(index.headers.get('cross-origin-embedder-policy'), null);
  });

  it('refuses paths outside the root and unknown files', async () => {
    assert.equal((await fetch(`${server.origin}/../secret.txt`)).status, 404);
    assert.equal((await fetch(`${server.origin}/%2e%2e/secret.txt`)).status, 404);
    assert.equal((await fetch(`${server.origin}/nope.js`)).status, 404);
    assert.equal((await fetch(`${server.origin}/__input/1/secret.txt`)).status, 404);
  });

  it('serves a registered input, whole and by byte range', async () => {
    const url = server.addInput(join(dir, 'clip one.mp4'));
    assert.ok(url.startsWith(`${server.origin}/__input/`));
    assert.ok(url.endsWith('/clip%20one.mp4'));
    const whole = await fetch(url);
    assert.equal(whole.headers.get('content-type'), 'video/mp4');
    assert.equal(await whole.text(), '0123456789');
    const part = await fetch(url, { headers: { range: 'bytes=2-4' } });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), 'bytes 2-4/10');
    assert.equal(await part.text(), '234');
    const tail = await fetch(url, { headers: { range: 'bytes=-3' } });
    assert.equal(await tail.text(), '789');
    assert.equal((await fetch(url, { headers: { range: 'bytes=20-' } })).status, 416);
  });

  it('sends COOP/COEP when asked to isolate', async () => {
    const isolated = await startServer({ root: join(dir, 'app'), isolate: true });
    try {
      const res = await fetch(isolated.url);
      assert.equal(res.headers.get('cross-origin-opener-policy'), 'same-origin');
      assert.equal(res.headers.get('cross-origin-embedder-policy'), 'require-corp');
    } finally {
      await isolated.close();
    }
  });

  it('the page guard allows only the origin, blob: and data:', () => {
    assert.equal(isAllowed(`${server.origin}/x.js`, server.origin), true);
    assert.equal(isAllowed('blob:http://127.0.0.1:1/abc', server.origin), true);
    assert.equal(isAllowed('https://cdn.jsdelivr.net/npm/x', server.origin), false);
    assert.equal(isAllowed('http://127.0.0.1:1/x', server.origin), false);
  });
});
