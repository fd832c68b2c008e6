/**
 * Loads expert models from the model base URL and keeps one session per expert for the life of the
 * worker, so repeated analyses reuse them.
 */
import type { ExpertMeta } from '../experts/types.ts';
import { ModelLoadError } from '../errors.ts';
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
  let bytes: Uint8Array;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw new ModelLoadError(
      `The model of the "${meta.label}" expert could not be downloaded from ${url} (${err instanceof Error ? err.message : String(err)}). Check the model base URL and that the models folder is served.`,
    );
  }
  return createSession(meta.id, bytes, ep);
}
