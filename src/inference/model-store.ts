/**
 * Model bytes you can trust and keep (inference worker): every model is checked against the sha256
 * that `public/models/manifest.json` lists for it (written by scripts/build-models.ts), and kept in
 * the Cache API once verified, so a second analysis, a restarted worker or an offline page loads it
 * without the network. The manifest is fetched fresh when the network answers and read from the
 * cache when it does not; a cached model is used only while its hash matches the manifest.
 */
import { ModelIntegrityError, ModelLoadError } from '../errors.ts';

/** Name of the Cache API store; bump the suffix if the stored layout ever changes. */
export const MODEL_CACHE = 'qrouter-models-v1';

/** One model of the manifest. */
export interface ManifestEntry {
  id: string;
  file: string;
  sha256: string;
  bytes: number;
}

const manifests = new Map<string, Promise<Map<string, ManifestEntry>>>();

/** The verified bytes of `file` in the folder `baseUrl`; the label names the model in messages. */
export async function fetchVerifiedModel(baseUrl: string, file: string, label: string): Promise<Uint8Array> {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const url = new URL(file, base).href;
  const entry = (await manifestOf(base)).get(file);
  if (!entry) {
    throw new ModelIntegrityError(`The model of the "${label}" expert (${file}) is not listed in ${base}manifest.json, so it cannot be verified and is refused. Rebuild the models (npm run models) or serve the matching manifest.`);
  }
  const cache = await openCache();
  const cached = await cache?.match(url).catch(() => undefined);
  if (cached) {
    const bytes = new Uint8Array(await cached.arrayBuffer());
    if ((await sha256Hex(bytes)) === entry.sha256) return bytes;
    await cache?.delete(url).catch(() => false);
  }
  const bytes = await download(url, `the model of the "${label}" expert`);
  const hash = await sha256Hex(bytes);
  if (hash !== entry.sha256) {
    throw new ModelIntegrityError(
      `The model of the "${label}" expert (${url}) does not match its checksum: sha256 ${hash.slice(0, 12)}…, expected ${entry.sha256.slice(0, 12)}…. It was altered or is from another build; it is refused. Serve the models and manifest of one build.`,
    );
  }
  await cache?.put(url, new Response(bytes.slice().buffer, { headers: { 'content-type': 'application/octet-stream' } })).catch(() => undefined);
  return bytes;
}

/** The manifest of a model folder, by file name: network first, then the cached copy. */
function manifestOf(base: string): Promise<Map<string, ManifestEntry>> {
  let m = manifests.get(base);
  if (!m) {
    m = loadManifest(base);
    manifests.set(base, m);
    m.catch(() => manifests.delete(base));
  }
  return m;
}

async function loadManifest(base: string): Promise<Map<string, ManifestEntry>> {
  const url = new URL('manifest.json', base).href;
  const cache = await openCache();
  let text: string;
  try {
    text = new TextDecoder().decode(await download(url, 'the model manifest'));
    await cache?.put(url, new Response(text, { headers: { 'content-type': 'application/json' } })).catch(() => undefined);
  } catch (err) {
    const cached = await cache?.match(url).catch(() => undefined);
    if (!cached) throw err;
    text = await cached.text();
  }
  let entries: ManifestEntry[];
  try {
    entries = (JSON.parse(text) as { models: ManifestEntry[] }).models;
    if (!Array.isArray(entries)) throw new Error('no "models" list');
  } catch (err) {
    throw new ModelLoadError(`The model manifest at ${url} is not valid JSON with a "models" list (${err instanceof Error ? err.message : String(err)}).`);
  }
  return new Map(entries.map((e) => [e.file, e]));
}

/** Fetches a URL's bytes; a network failure on another origin names CORS as the likely cause. */
async function download(url: string, what: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (err) {
    const cross = globalThis.location !== undefined && new URL(url).origin !== globalThis.location.origin;
    const why = err instanceof Error ? err.message : String(err);
    throw new ModelLoadError(
      cross
        ? `${capital(what)} could not be fetched from ${url} (${why}). It is on another origin, so the likely cause is CORS: that server must send Access-Control-Allow-Origin for this page (or serve the models from this page's origin).`
        : `${capital(what)} could not be fetched from ${url} (${why}). Check the network and that the models folder is served.`,
    );
  }
  if (!res.ok) throw new ModelLoadError(`${capital(what)} could not be downloaded from ${url} (HTTP ${res.status}). Check the model base URL and that the models folder is served.`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Hex sha256 of some bytes (Web Crypto). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes.slice().buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The model cache, or null where the Cache API is missing (Node, insecure contexts). */
async function openCache(): Promise<Cache | null> {
  try {
    return typeof caches === 'undefined' ? null : await caches.open(MODEL_CACHE);
  } catch {
    return null;
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
