/**
 * The expert pool as the benchmarks see it: every folder in src/experts with a meta.json and a
 * model.ts, its metadata, its model bytes built from source, and its post-processor when it has one.
 * Loaded directly (not through the app's registry, which needs the bundler).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PostProcessor } from '../../src/experts/post.ts';
import type { ExpertMeta } from '../../src/experts/types.ts';

/** Folder of the expert sources. */
export const EXPERTS_DIR = resolve(import.meta.dirname, '../../src/experts');

/** Metadata of every expert that has a model, sorted by id. */
export function listExperts(): ExpertMeta[] {
  return readdirSync(EXPERTS_DIR)
    .filter((id) => existsSync(join(EXPERTS_DIR, id, 'meta.json')) && existsSync(join(EXPERTS_DIR, id, 'model.ts')))
    .sort()
    .map((id) => JSON.parse(readFileSync(join(EXPERTS_DIR, id, 'meta.json'), 'utf8')) as ExpertMeta);
}

/** Builds an expert's ONNX model bytes from its model.ts. */
export async function buildModelBytes(id: string): Promise<Uint8Array> {
  const mod = (await import(pathToFileURL(join(EXPERTS_DIR, id, 'model.ts')).href)) as { buildModel(): Uint8Array | Promise<Uint8Array> };
  return mod.buildModel();
}

/** The expert's post-processor, when its folder has a post.ts. */
export async function loadPost(id: string): Promise<PostProcessor | undefined> {
  const file = join(EXPERTS_DIR, id, 'post.ts');
  if (!existsSync(file)) return undefined;
  return ((await import(pathToFileURL(file).href)) as { postprocess?: PostProcessor }).postprocess;
}
