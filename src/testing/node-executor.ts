/**
 * An expert executor for Node: the app's in-thread executor with sessions loaded from the built models
 * in `public/models/` on disk (made by `npm run models`), or built from the expert's `model.ts` when
 * they have not been built. One session per expert for the life of the process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExpertMeta } from '../experts/types.ts';
import { LocalExecutor } from '../inference/executor.ts';
import { createSession, type ModelSession } from '../inference/ort.ts';

const MODELS_DIR = resolve(import.meta.dirname, '../../public');
const EXPERTS_DIR = resolve(import.meta.dirname, '../experts');
const sessions = new Map<string, Promise<ModelSession>>();

async function modelBytes(meta: ExpertMeta): Promise<Uint8Array> {
  const built = join(MODELS_DIR, meta.model);
  if (existsSync(built)) return new Uint8Array(readFileSync(built));
  const mod = (await import(pathToFileURL(join(EXPERTS_DIR, meta.id, 'model.ts')).href)) as { buildModel(): Uint8Array | Promise<Uint8Array> };
  return mod.buildModel();
}

function diskSession(meta: ExpertMeta): Promise<ModelSession> {
  let s = sessions.get(meta.id);
  if (!s) {
    s = modelBytes(meta).then((bytes) => createSession(meta.id, bytes, 'wasm'));
    sessions.set(meta.id, s);
    s.catch(() => sessions.delete(meta.id));
  }
  return s;
}

/** Runs expert models from disk in the calling thread (wasm). */
export class NodeExecutor extends LocalExecutor {
  constructor() {
    super((meta) => diskSession(meta));
  }
}
