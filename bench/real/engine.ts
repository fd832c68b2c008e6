/**
 * The engine the real-footage benchmark measures, behind one call: `analyze(file, tier)` → the
 * engine's own Report. Two paths: the built app in headless Chromium (`bench/lib/app.ts`: WebCodecs,
 * workers) and the real pipeline in Node (`src/testing/node-engine.ts`: the in-thread executor on
 * frames decoded by the ffmpeg CLI). The page is the default for bulk runs: on this 2-core machine it
 * took 13 s warm where the Node path took 35 s for the same 6-s 360p clip at tier 1 (back to back,
 * load average 28); the cross-check compares the two. Results are cached per clip, tier, path and a
 * hash of what that path runs (`src/`, and `dist/` for the page), so an unchanged engine is not rerun.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

/** Opens the requested path ('auto': the page). */
export async function openEngine(want: EnginePath | 'auto' = 'auto'): Promise<Engine> {
  const path: EnginePath = want === 'auto' ? 'page' : want;
  if (path === 'node') {
    // Imported by path so this file compiles before the module exists.
    const mod = (await import(pathToFileURL(NODE_ENGINE).href)) as {
      analyzeFileInNode(file: string, o: { tier: Tier }): Promise<Report>;
      closeNodeEngine?: () => Promise<void>;
    };
    return { path, analyze: (file, tier) => mod.analyzeFileInNode(file, { tier }), close: async () => mod.closeNodeEngine?.() };
  }
  const { openBenchApp, analyzeTimed } = await import('../lib/app.ts');
  const app = await openBenchApp(privateApp());
  return { path, analyze: async (file, tier) => (await analyzeTimed(app, file, tier, 300_000)).report, close: () => app.close() };
}

/**
 * The app the page path serves: a private build of the current tree (bench/out/real-app/<hash>/, by
 * `vite build --outDir`), made once per engine hash. dist/ is not served because builds started
 * elsewhere replace it while a run is going (a page then loads chunks that are gone).
 */
function privateApp(): string {
  const root = join(OUT, 'real-app');
  const dir = join(root, engineHash('page'));
  if (!existsSync(join(dir, 'index.html'))) {
    // Built aside and renamed into place, so two runs never write one folder; builds unused for an
    // hour are removed.
    mkdirSync(root, { recursive: true });
    for (const old of readdirSync(root)) if (Date.now() - statSync(join(root, old)).mtimeMs > 3600_000) rmSync(join(root, old), { recursive: true, force: true });
    const tmp = `${dir}.tmp-${process.pid}`;
    execFileSync('npx', ['--no-install', 'vite', 'build', '--outDir', tmp, '--emptyOutDir', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
    if (existsSync(join(dir, 'index.html'))) rmSync(tmp, { recursive: true, force: true });
    else renameSync(tmp, dir);
  }
  return dir;
}

let srcHashMemo: string | undefined;

/** Hash of every non-test file under src/ (what the Node path runs). */
export function srcHash(): string {
  return (srcHashMemo ??= treeHash('src'));
}

let pageHashMemo: string | undefined;
/** Hash of what the page path is built from: src/, workers/, index.html and the built models. */
function pageHash(): string {
  return (pageHashMemo ??= createHash('sha1').update(['src', 'workers', 'public/models'].map(treeHash).join() + readFileSync(join(ROOT, 'index.html'), 'utf8')).digest('hex').slice(0, 12));
}

function treeHash(top: string): string {
  const h = createHash('sha1');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!/\.test\.ts$/.test(name)) h.update(relative(ROOT, p)).update(readFileSync(p));
    }
  };
  walk(join(ROOT, top));
  return h.digest('hex').slice(0, 12);
}

/** The hash that keys an engine path's cached results. */
export function engineHash(path: EnginePath): string {
  return path === 'page' ? `p${pageHash()}` : srcHash();
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
 * the engine's hash. Failures are returned as `error` and not cached (a crash may be the machine's).
 */
export async function analyzeCached(engine: Engine, file: string, tier: Tier): Promise<CachedResult> {
  const dir = join(OUT, 'real-cache');
  const key = `${fileHash(file)}-t${tier}-${engine.path}-${engineHash(engine.path)}`;
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
  if (result.error) return { ...result, cached: false };
  mkdirSync(dir, { recursive: true });
  writeFileSync(at, JSON.stringify(result) + '\n');
  return { ...result, cached: false };
}
