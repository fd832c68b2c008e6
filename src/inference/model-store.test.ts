import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { fetchVerifiedModel, sha256Hex } from './model-store.ts';

const model = new Uint8Array([8, 1, 18, 4, 116, 101, 115, 116]);
const hex = createHash('sha256').update(model).digest('hex');

function serve(files: Record<string, Uint8Array | string>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const name = url.slice(url.lastIndexOf('/') + 1);
    const body = files[name];
    return body === undefined ? new Response('missing', { status: 404 }) : new Response(typeof body === 'string' ? body : body.slice().buffer);
  });
}

describe('model store', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hashes like node:crypto', async () => {
    expect(await sha256Hex(model)).toBe(hex);
  });

  it('returns a model whose sha256 matches the manifest', async () => {
    serve({ 'manifest.json': JSON.stringify({ models: [{ id: 'a', file: 'a.onnx', sha256: hex, bytes: model.length }] }), 'a.onnx': model });
    expect(Array.from(await fetchVerifiedModel('http://h/ok/', 'a.onnx', 'A'))).toEqual(Array.from(model));
  });

  it('refuses a tampered model with MODEL_INTEGRITY', async () => {
    const tampered = model.slice();
    tampered[3] = 0;
    serve({ 'manifest.json': JSON.stringify({ models: [{ id: 'a', file: 'a.onnx', sha256: hex, bytes: model.length }] }), 'a.onnx': tampered });
    await expect(fetchVerifiedModel('http://h/tampered/', 'a.onnx', 'A')).rejects.toMatchObject({ code: 'MODEL_INTEGRITY' });
  });

  it('refuses a model the manifest does not list', async () => {
    serve({ 'manifest.json': JSON.stringify({ models: [] }), 'b.onnx': model });
    await expect(fetchVerifiedModel('http://h/unlisted/', 'b.onnx', 'B')).rejects.toMatchObject({ code: 'MODEL_INTEGRITY' });
  });

  it('names CORS when a fetch from another origin fails', async () => {
    vi.stubGlobal('location', { origin: 'http://page.example', href: 'http://page.example/' });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(fetchVerifiedModel('http://cdn.example/models/', 'a.onnx', 'A')).rejects.toThrow(/CORS/);
  });
});
