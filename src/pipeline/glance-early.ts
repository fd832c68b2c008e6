/**
 * Tier 0's early start, in the analysis worker: while the probe is still decoding, the spatial
 * artifact experts already run on each glance point's first frame, so the inference worker works
 * during the probe's decode instead of waiting for the route. After the route, the run keeps what the
 * plan would have computed anyway (the same expert on the same frame at the same size) and runs only
 * the rest. A guess the route overturns costs inference time, never a different result: outputs of an
 * expert the route leaves out, or of a frame its stride skips, are dropped.
 *
 * Which experts start early is read from metadata: the spatial experts with an artifact type (their
 * events need their frames at every tier, and the route kept them on every real clip measured), each on
 * the frames it would get at full weight (the smallest stride any route gives it).
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import type { VideoInfo } from '../decode/frame-source.ts';
import type { Tier } from '../report/types.ts';
import { planeNeeds, toAnalysisFrame } from './analysis-frame.ts';
import { BatchDispatcher, type ActiveExpert } from './batches.ts';
import { ExpertResults } from './expert-results.ts';
import { makePlan, type AnalysisPlan } from './plan.ts';

/**
 * Most early frames waiting for the inference worker: one more is converted and queued only when
 * fewer wait, so the early start never holds more than a few analysis frames in memory (a frame it
 * skips is run after the route, as without the early start).
 */
export const EARLY_MAX_WAITING = 2;

/** The experts that start before the route: spatial experts with an artifact type. */
export function earlyExperts(catalogue: readonly ExpertMeta[]): ExpertMeta[] {
  return catalogue.filter((m) => m.kind === 'spatial' && m.inputs.stream === 'analysis' && m.artifact !== undefined);
}

/** Tier 0's early start of the spatial artifact experts; see the file's comment. */
export class EarlyGlance {
  private readonly dispatcher: BatchDispatcher;
  private readonly loaded: Promise<Set<string>>;
  private plan?: AnalysisPlan;
  private experts: ActiveExpert[] = [];
  /** Index → time of every frame queued early. */
  private readonly queued = new Map<number, number>();
  private chain: Promise<void> = Promise.resolve();
  private waiting = 0;
  private broken = false;
  private readonly ep: 'webgpu' | 'wasm';

  constructor(
    private readonly catalogue: readonly ExpertMeta[],
    private readonly video: VideoInfo,
    executor: ExpertExecutor,
    load: { modelBaseUrl: string; ep: 'webgpu' | 'wasm' },
    private readonly signal: AbortSignal,
    private readonly tier: Tier = 0,
  ) {
    this.dispatcher = new BatchDispatcher(executor);
    this.ep = load.ep;
    const metas = earlyExperts(catalogue);
    this.loaded = metas.length
      ? executor.load(metas, load.modelBaseUrl, load.ep).then(
          ({ failed }) => new Set(failed),
          () => new Set(metas.map((m) => m.id)),
        )
      : Promise.resolve(new Set<string>());
  }

  /**
   * The probe read glance point `index` of `count` (its first frame, `pixels`, a copy the caller keeps
   * unchanged): converts it and queues the early experts that take it, unless too many frames wait.
   */
  offer(index: number, count: number, tS: number, pixels: YuvPlanes): void {
    if (this.broken || this.signal.aborted) return;
    if (!this.plan) {
      // The plan every expert would get at full weight; only the number of analysis times matters here.
      this.plan = makePlan(this.tier, this.video, earlyExperts(this.catalogue), this.ep, undefined, undefined, Array.from({ length: count }, (_, i) => i));
      this.experts = this.plan.experts.map((p) => ({ meta: p.meta, stride: p.stride, results: new ExpertResults(p.meta) }));
    }
    const taking = this.experts.filter((e) => index % e.stride === 0);
    if (!taking.length || this.waiting >= EARLY_MAX_WAITING) return;
    this.waiting++;
    this.queued.set(index, tS);
    const plan = this.plan;
    this.chain = this.chain.then(async () => {
      try {
        const failed = await this.loaded;
        const usable = taking.filter((e) => !failed.has(e.meta.id));
        if (this.broken || this.signal.aborted || !usable.length) return;
        const frame = toAnalysisFrame(pixels, index, tS, plan.analysisSize, plan.rowsSize, planeNeeds(usable.map((e) => e.meta)));
        await this.dispatcher.spatial([frame], usable);
      } catch {
        this.broken = true;
      } finally {
        this.waiting--;
      }
    });
  }

  /**
   * After the route: marks, for each planned spatial expert, the frames it will get from the early
   * start (`done`), so the run skips them. Call `finish` once the run has queued the rest.
   */
  adopt(planned: ActiveExpert[]): void {
    if (this.broken) return;
    for (const e of planned) {
      const early = this.experts.find((x) => x.meta.id === e.meta.id);
      if (!early) continue;
      const done = new Set<number>();
      for (const index of this.queued.keys()) if (index % e.stride === 0 && index % early.stride === 0) done.add(index);
      if (done.size) e.done = done;
    }
  }

  /**
   * Waits for the early batches and adds their outputs to the planned experts' results (after the
   * run's own: the caller puts each series back in time order). Returns the frames the early start failed to compute (the caller runs them), and its
   * inference time.
   */
  async finish(planned: ActiveExpert[]): Promise<{ missing: Map<number, ActiveExpert[]>; inferenceMs: number }> {
    await this.chain;
    let ok = !this.broken;
    await this.dispatcher.drain().catch(() => (ok = false));
    const missing = new Map<number, ActiveExpert[]>();
    for (const e of planned) {
      if (!e.done) continue;
      const early = this.experts.find((x) => x.meta.id === e.meta.id)!;
      const got = new Map(early.results.frames.map((f) => [f.tS, f]));
      for (const index of e.done) {
        const f = got.get(this.queued.get(index)!);
        if (ok && f?.map) e.results.add(f.tS, f.raw, f.map, early.results.ph, early.results.pw, true);
        else missing.set(index, [...(missing.get(index) ?? []), e]);
      }
    }
    return { missing, inferenceMs: this.dispatcher.inferenceMs };
  }
}
