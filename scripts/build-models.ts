/**
 * Generates every expert model into public/models/ from the graph code in src/experts/<id>/model.ts,
 * and writes public/models/manifest.json with each file's sha256 and size. Deterministic: the same
 * source gives the same bytes.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, existsSync, writeFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const expertsDir = join(root, 'src/experts');
const outDir = join(root, 'public/models');

interface ManifestEntry {
  id: string;
  file: string;
  sha256: string;
  bytes: number;
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const entries: ManifestEntry[] = [];
  for (const id of readdirSync(expertsDir).sort()) {
    const modelFile = join(expertsDir, id, 'model.ts');
    if (!existsSync(modelFile)) continue;
    const meta = JSON.parse(readFileSync(join(expertsDir, id, 'meta.json'), 'utf8')) as { id: string; model: string };
    if (meta.id !== id) throw new Error(`src/experts/${id}/meta.json has id "${meta.id}"`);
    const mod = (await import(pathToFileURL(modelFile).href)) as { buildModel(): Uint8Array | Promise<Uint8Array> };
    const bytes = await mod.buildModel();
    const file = meta.model.replace(/^models\//, '');
    writeFileSync(join(outDir, file), bytes);
    entries.push({ id, file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
  }
  // Models that are not quality experts (not in the catalogue), listed in the manifest all the same.
  for (const extra of [{ id: 'fullref', module: 'src/compare/model.ts', file: 'fullref.onnx' }]) {
    const bytes = await ((await import(pathToFileURL(join(root, extra.module)).href)) as { buildModel(): Uint8Array }).buildModel();
    writeFileSync(join(outDir, extra.file), bytes);
    entries.push({ id: extra.id, file: extra.file, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length });
  }
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify({ models: entries }, null, 2) + '\n');
  console.log(`built ${entries.length} models into public/models/`);
}

await main();
