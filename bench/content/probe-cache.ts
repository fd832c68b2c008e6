/**
 * The route context of a clip on disk, through the engine's real probe stage (a seeking ffmpeg-CLI
 * frame source, the built expert models run in this thread), cached in `bench/out/content/probe/` so that refitting
 * the classifier does not decode every clip again. The cache key is the clip's size and mtime.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { EXPERTS } from '../../src/experts/registry.ts';
import { availableExperts } from '../../src/pipeline/plan.ts';
import { runProbe } from '../../src/pipeline/probe.ts';
import type { RouteContext } from '../../src/router/types.ts';
import { NodeExecutor } from '../../src/testing/node-executor.ts';
import { OUT_DIR } from './paths.ts';
import { openSeekingFrameSource } from './seek-source.ts';

const CACHE_DIR = join(OUT_DIR, 'content', 'probe');
/** Bump when the probe stage changes what it reads or measures. */
const PROBE_VERSION = 5;
let executor: NodeExecutor | undefined;

/** Probes `path` (or reads the cached probe) and returns its route context at tier 1. */
export async function probeClip(path: string, name: string): Promise<RouteContext> {
  const st = statSync(path);
  const file = join(CACHE_DIR, `${name.replace(/[^\w.-]+/g, '_')}.bin`);
  // The probe's version is part of the key: a changed probe (times, sizes) must not reuse old results.
  const key = `${PROBE_VERSION}:${st.size}:${Math.round(st.mtimeMs)}`;
  if (existsSync(file)) {
    const cached = deserialize(readFileSync(file)) as { key: string; ctx: RouteContext };
    if (cached.key === key) return cached.ctx;
  }
  executor ??= new NodeExecutor();
  const source = openSeekingFrameSource(path);
  try {
    const catalogue = availableExperts(1, source.info, EXPERTS, 'wasm');
    const probe = await runProbe(source, catalogue, executor, 'file:///models/', 'wasm', new AbortController().signal);
    // Expert metadata is kept by id only in the cache; the catalogue is reattached on load.
    const ctx: RouteContext = { video: source.info, probe, catalogue: [], budget: { tier: 1 } };
    mkdirSync(CACHE_DIR, { recursive: true });
    writeFileSync(file, serialize({ key, ctx }));
    return ctx;
  } finally {
    source.dispose();
  }
}
