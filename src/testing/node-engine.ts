/**
 * The whole analysis pipeline in Node: a file decoded by the ffmpeg CLI, the experts' built models
 * run in this thread, and the same stages and report as in the browser. For tests and the benchmark.
 */
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { EpPreference } from '../api/options.ts';
import { EXPERTS } from '../experts/registry.ts';
import { analyzeSource } from '../pipeline/analyze-source.ts';
import { availableExperts } from '../pipeline/plan.ts';
import { runProbe } from '../pipeline/probe.ts';
import type { RouteContext } from '../router/types.ts';
import type { Report, Tier } from '../report/types.ts';
import { openFfmpegFrameSource } from './ffmpeg-frame-source.ts';
import { NodeExecutor } from './node-executor.ts';

let executor: NodeExecutor | undefined;

/** Options of a Node analysis. */
export interface NodeAnalyzeOptions {
  tier?: Tier;
  router?: 'fast' | 'vlm';
  /** Time budget in ms; picks the tier when given (see `budgetMs` of `analyzeVideo`). */
  budgetMs?: number;
  /** `uniform`: routing factors off (the ablation baseline). */
  routing?: 'content' | 'uniform';
  signal?: AbortSignal;
}

/** Runs only the probe stage on a file: the route context the router would receive (for fitting the content classifier). */
export async function probeFileInNode(path: string): Promise<RouteContext> {
  executor ??= new NodeExecutor();
  const source = openFfmpegFrameSource(path);
  try {
    const catalogue = availableExperts(1, source.info, EXPERTS, 'wasm');
    const probe = await runProbe(source, catalogue, executor, 'file:///models/', 'wasm', new AbortController().signal);
    return { video: source.info, probe, catalogue, budget: { tier: 1 } };
  } finally {
    source.dispose();
  }
}

/** Analyzes a video file on disk and resolves to the same report the page would give. */
export async function analyzeFileInNode(path: string, options: NodeAnalyzeOptions = {}): Promise<Report> {
  executor ??= new NodeExecutor();
  const source = openFfmpegFrameSource(path);
  try {
    return await analyzeSource(
      source,
      { name: basename(path), bytes: statSync(path).size },
      { tier: options.tier ?? 1, router: options.router ?? 'fast', modelBaseUrl: 'file:///models/', ep: 'wasm' as EpPreference, externalExperts: [], budgetMs: options.budgetMs, routing: options.routing },
      () => undefined,
      options.signal ?? new AbortController().signal,
      { executor },
    );
  } finally {
    source.dispose();
  }
}
