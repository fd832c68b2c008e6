/**
 * A tiny static file server on 127.0.0.1 (random port) for the built app, shared by the CLI and the
 * end-to-end tests. Besides the app folder it serves registered input files at
 * `/__input/<n>/<name>`, with HTTP Range support, so the page can read a local video same-origin.
 */
import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, basename } from 'node:path';

/** MIME types of the files the app ships. */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.avi': 'video/x-msvideo',
};

/**
 * Starts the server.
 * @param {{ root: string, isolate?: boolean }} options `root`: the folder to serve (the built app);
 *   `isolate`: send COOP/COEP headers so the page is cross-origin isolated (threads for wasm).
 * @returns {Promise<import('./server.d.mts').StaticServer>}
 */
export async function startServer({ root, isolate = false }) {
  const rootDir = resolve(root);
  /** @type {Map<string, string>} */
  const inputs = new Map();
  let counter = 0;

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err));
    }
  });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (isolate) {
      headers['cross-origin-opener-policy'] = 'same-origin';
      headers['cross-origin-embedder-policy'] = 'require-corp';
      headers['cross-origin-resource-policy'] = 'same-origin';
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers);
      res.end();
      return;
    }
    let path;
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400, headers);
      res.end();
      return;
    }
    if (pathname.startsWith('/__input/')) {
      path = inputs.get(pathname);
    } else {
      const rel = normalize(pathname === '/' ? '/index.html' : pathname);
      const full = join(rootDir, rel);
      if (full === rootDir || full.startsWith(rootDir + sep)) path = full;
    }
    let stat;
    try {
      stat = path ? statSync(path) : undefined;
    } catch {
      stat = undefined;
    }
    if (!path || !stat || !stat.isFile()) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    sendFile(req, res, path, stat.size, headers);
  }

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;

  return {
    origin,
    url: `${origin}/`,
    addInput(file) {
      counter += 1;
      const path = `/__input/${counter}/${basename(file)}`;
      inputs.set(path, resolve(file));
      return `${origin}/__input/${counter}/${encodeURIComponent(basename(file))}`;
    },
    close() {
      return new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok(undefined));
      });
    },
  };
}

/**
 * Sends one file, honouring a single `Range: bytes=a-b` request.
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 * @param {number} size
 * @param {Record<string, string>} headers
 */
function sendFile(req, res, path, size, headers) {
  const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(path).toLowerCase())] ?? 'application/octet-stream';
  const base = { ...headers, 'content-type': type, 'accept-ranges': 'bytes' };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && size > 0) {
    let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
    let end = range[1] === '' || range[2] === '' ? size - 1 : Number(range[2]);
    start = Math.max(0, start);
    end = Math.min(size - 1, end);
    if (start > end || start >= size) {
      res.writeHead(416, { ...base, 'content-range': `bytes */${size}` });
      res.end();
      return;
    }
    res.writeHead(206, { ...base, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': end - start + 1 });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(path, { start, end }).pipe(res);
    return;
  }
  res.writeHead(200, { ...base, 'content-length': size });
  if (req.method === 'HEAD' || size === 0) return void res.end();
  createReadStream(path).pipe(res);
}
