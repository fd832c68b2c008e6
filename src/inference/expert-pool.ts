/**
 * Loads expert models from the model base URL (checked against the manifest's sha256 and cached, see
 * model-store.ts) and keeps one session per expert for the life of the worker, so repeated analyses
 * reuse them.
 */
import type { ExpertMeta } from '../experts/types.ts';
import { fetchVerifiedModel } from './model-store.ts';
import { createSession, type ExecutionProvider, type ModelSession } from './ort.ts';

const sessions = new Map<string, Promise<ModelSession>>();

/** The model file's URL: `modelBaseUrl` is the folder that holds the .onnx files. */
export function modelUrl(meta: ExpertMeta, modelBaseUrl: string): string {
  const file = meta.model.replace(/^models\//, '');
  return new URL(file, modelBaseUrl.endsWith('/') ? modelBaseUrl : `${modelBaseUrl}/`).href;
}

/** Returns the session of an expert, loading the model on first use. */
export function sessionFor(meta: ExpertMeta, modelBaseUrl: string, ep: ExecutionProvider): Promise<ModelSession> {
  const url = modelUrl(meta, modelBaseUrl);
  const key = `${ep}|${url}`;
  let s = sessions.get(key);
  if (!s) {
    s = load(meta, url, ep);
    sessions.set(key, s);
    s.catch(() => sessions.delete(key));
  }
  return s;
}

async function load(meta: ExpertMeta, url: string, ep: ExecutionProvider): Promise<ModelSession> {
  const cut = url.lastIndexOf('/') + 1;
  const bytes = await fetchVerifiedModel(url.slice(0, cut), url.slice(cut), meta.label);
  return createSession(meta.id, bytes, ep);
}
