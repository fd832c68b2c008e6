/**
 * The engine the real-footage benchmark measures, behind one call: `analyze(file, tier)` → the
 * engine's own Report. Two paths: the real pipeline in Node (`src/testing/node-engine.ts`, the
 * in-thread executor on frames decoded by the ffmpeg CLI) for the bulk runs, and the built app in
 * headless Chromium (`bench/lib/app.ts`) for the cross-check. Results are cached per clip, tier,
 * path and a hash of `src/`, so rerunning after a change elsewhere (a refit reads the cache) is cheap.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report, Tier } from '../../src/report/types.ts';
import { OUT, ROOT } from './paths.ts';

/** Which engine path ran an analysis. */
export type EnginePath = 'node' | 'page';

/** An open engine. */
export interface Engine {
  path: EnginePath;
  analyze(file: string, tier: Tier): Promise<Report>;
  close(): Promise<void>;
}

const NODE_ENGINE = join(ROOT, 'src/testing/node-engine.ts');

/** True when the Node path of the pipeline exists in this checkout. */
export function nodeEngineAvailable(): boolean {
  return existsSync(NODE_ENGINE);
}

/** Opens the requested path ('auto': Node when available, else the page). */
export async function openEngine(want: EnginePath | 'auto' = 'auto'): Promise<Engine> {
  const path: EnginePath = want === 'auto' ? (nodeEngineAvailable() ? 'node' : 'page') : want;
  if (path === 'node') {
    // Imported by path so this file compiles before the module exists.
    const mod = (await import(pathToFileURL(NODE_ENGINE).href)) as {
      analyzeFileInNode(file: string, o: { tier: Tier }): Promise<Report>;
      closeNodeEngine?: () => Promise<void>;
    };
    return { path, analyze: (file, tier) => mod.analyzeFileInNode(file, { tier }), close: async () => mod.closeNodeEngine?.() };
  }
  const { openBenchApp, analyzeTimed } = await import('../lib/app.ts');
  const app = await openBenchApp();
  return { path, analyze: async (file, tier) => (await analyzeTimed(app, file, tier, 300_000)).report, close: () => app.close() };
}

let srcHashMemo: string | undefined;

/** Hash of every non-test file under src/ (what the engine is made of). */
export function srcHash(): string {
  if (srcHashMemo) return srcHashMemo;
  const h = createHash('sha1');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.test\.ts$/.test(name)) h.update(relative(ROOT, p)).update(readFileSync(p));
    }
  };
  walk(join(ROOT, 'src'));
  return (srcHashMemo = h.digest('hex').slice(0, 12));
}

const fileHashes = new Map<string, string>();
function fileHash(file: string): string {
  let h = fileHashes.get(file);
  if (!h) fileHashes.set(file, (h = createHash('sha1').update(readFileSync(file)).digest('hex').slice(0, 16)));
  return h;
}

/** A cached analysis: the report, or the error it ended with. */
export interface CachedResult {
  report?: Report;
  error?: string;
  ms: number;
  cached: boolean;
}

/**
 * Analyses with a cache in bench/out/real-cache/ keyed by the clip's bytes, the tier, the path and
 * the src/ hash. Failures are cached too (they are results), as `error`.
 */
export async function analyzeCached(engine: Engine, file: string, tier: Tier): Promise<CachedResult> {
  const dir = join(OUT, 'real-cache');
  const key = `${fileHash(file)}-t${tier}-${engine.path}-${srcHash()}`;
  const at = join(dir, `${key}.json`);
  if (existsSync(at)) return { ...(JSON.parse(readFileSync(at, 'utf8')) as Omit<CachedResult, 'cached'>), cached: true };
  const t0 = performance.now();
  let result: Omit<CachedResult, 'cached'>;
  try {
    result = { report: await engine.analyze(file, tier), ms: 0 };
  } catch (err) {
    result = { error: (err as Error).message?.slice(0, 300) ?? String(err), ms: 0 };
  }
  result.ms = Math.round(performance.now() - t0);
  mkdirSync(dir, { recursive: true });
  writeFileSync(at, JSON.stringify(result) + '\n');
  return { ...result, cached: false };
}
