/**
 * The early start, in the analysis worker: analysis frames the probe decodes before the route is known
 * (tier 0's glance points; at tiers 1 and 2 the analysis times inside a shared pass's probe span) go to
 * the spatial artifact experts at once, so the inference worker works during the probe's decode instead
 * of waiting for the route. After the route, the run keeps what its plan would have computed anyway
 * (the same expert on the same frame at the same size) and runs only the rest. A guess the route
 * overturns costs inference time, never a different result: outputs of an expert the route leaves
 * out, or of a frame its stride skips, are dropped.
 *
 * Which experts start early is read from metadata: the spatial experts with an artifact type (their
 * events need their frames at every tier, and the route kept them on every real clip measured), each on
 * the frames its fitted base weight gives it (the route's weight is that times a content factor, most
 * often 1: on 569 real-clip routes at tier 0 the median weight equalled the base weight for each of
 * them). A route that weighs an expert higher asks for more frames, which the run adds; a lower
 * weight leaves a few early outputs unused.
 */
import type { ExpertMeta } from '../experts/types.ts';
import { copyPlanes, type YuvPlanes } from '../frames/frame-pixels.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import type { VideoInfo } from '../decode/frame-source.ts';
import type { Tier } from '../report/types.ts';
import { planeNeeds, toAnalysisFrame } from './analysis-frame.ts';
import { BatchDispatcher, type ActiveExpert } from './batches.ts';
import { ExpertResults } from './expert-results.ts';
import { makePlan, type AnalysisPlan } from './plan.ts';
import { baseWeight } from '../fusion/weights.ts';

/**
 * Most early frames waiting to be handed to the inference worker: past it a frame is left to the run
 * (as without the early start), so a slow inference worker never gets a long queue of guesses.
 */
export const EARLY_MAX_WAITING = 2;

/** The experts that start before the route: spatial experts with an artifact type. */
export function earlyExperts(catalogue: readonly ExpertMeta[]): ExpertMeta[] {
  return catalogue.filter((m) => m.kind === 'spatial' && m.inputs.stream === 'analysis' && m.artifact !== undefined);
}

/** Where a stage hands analysis frames read before the route. */
export interface EarlyOffer {
  /**
   * Analysis frame `index` of `count` was read (`pixels`: a copy that stays unchanged while the
   * analysis runs): converts it and queues the early experts that take it, unless too many wait.
   */
  offer(index: number, count: number, tS: number, pixels: YuvPlanes): void;
}

/** The early start of one analysis; see the file's comment. */
export class EarlyStart implements EarlyOffer {
  private readonly dispatcher: BatchDispatcher;
  /** Ids of early experts whose model failed to load; loading starts with the first offer. */
  private loaded?: Promise<Set<string>>;
  private plan?: AnalysisPlan;
  private experts: ActiveExpert[] = [];
  /** Every frame queued early, by analysis index (kept until `finish`, to rerun what failed). */
  private readonly queued = new Map<number, { tS: number; pixels: YuvPlanes }>();
  private chain: Promise<void> = Promise.resolve();
  private waiting = 0;
  private broken = false;

  constructor(
    private readonly catalogue: readonly ExpertMeta[],
    private readonly video: VideoInfo,
    private readonly executor: ExpertExecutor,
    private readonly load: { modelBaseUrl: string; ep: 'webgpu' | 'wasm' },
    private readonly signal: AbortSignal,
    private readonly tier: Tier,
  ) {
    this.dispatcher = new BatchDispatcher(executor);
  }

  offer(index: number, count: number, tS: number, pixels: YuvPlanes): void {
    if (this.broken || this.signal.aborted) return;
    if (!this.plan) {
      // The plan at the base weights; of the analysis times only their number matters here.
      const metas = earlyExperts(this.catalogue);
      const weights = new Map(metas.map((m) => [m.id, baseWeight(m)]));
      this.plan = makePlan(this.tier, this.video, metas, this.load.ep, weights, undefined, Array.from({ length: count }, (_, i) => i));
      this.experts = this.plan.experts.map((p) => ({ meta: p.meta, stride: p.stride, results: new ExpertResults(p.meta) }));
      const planned = this.experts.map((e) => e.meta);
      this.loaded = this.executor.load(planned, this.load.modelBaseUrl, this.load.ep).then(
        ({ failed }) => new Set(failed),
        () => new Set(planned.map((m) => m.id)),
      );
    }
    const taking = this.experts.filter((e) => index % e.stride === 0);
    if (!taking.length || this.waiting >= EARLY_MAX_WAITING) return;
    this.waiting++;
    this.queued.set(index, { tS, pixels });
    const plan = this.plan;
    const loaded = this.loaded!;
    this.chain = this.chain.then(async () => {
      try {
        const failed = await loaded;
        const usable = taking.filter((e) => !failed.has(e.meta.id));
        if (this.broken || this.signal.aborted || !usable.length) return;
        // The planes are made where the experts run (raw-batch.ts); the copy leaves `pixels` to the run.
        const frame = { index, tS, pixels: copyPlanes(pixels), needs: planeNeeds(usable.map((e) => e.meta)) };
        await this.dispatcher.spatialPixels([frame], usable, plan.analysisSize, plan.rowsSize);
      } catch {
        this.broken = true;
      } finally {
        this.waiting--;
      }
    });
  }

  /**
   * After the route: marks, for each planned spatial expert, the frames it gets from the early start
   * (`done`), so the run skips them. Call `finish` once the run has queued the rest.
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
   * run's own: the caller puts each series back in time order once `run.dispatcher` is drained). A
   * frame the early start failed to compute is queued on `run.dispatcher` after all. Returns the early
   * start's inference time.
   */
  async finish(planned: ActiveExpert[], run: { dispatcher: BatchDispatcher; plan: AnalysisPlan }): Promise<number> {
    await this.chain;
    let ok = !this.broken;
    await this.dispatcher.drain().catch(() => (ok = false));
    const missing = new Map<number, ActiveExpert[]>();
    for (const e of planned) {
      if (!e.done) continue;
      const early = this.experts.find((x) => x.meta.id === e.meta.id)!;
      const got = new Map(early.results.frames.map((f) => [f.tS, f]));
      for (const index of e.done) {
        const f = got.get(this.queued.get(index)!.tS);
        if (ok && f?.map) e.results.add(f.tS, f.raw, f.map, early.results.ph, early.results.pw, true);
        else missing.set(index, [...(missing.get(index) ?? []), e]);
      }
    }
    for (const [index, experts] of missing) {
      const { tS, pixels } = this.queued.get(index)!;
      for (const e of experts) e.done?.delete(index);
      const needs = planeNeeds(experts.map((e) => e.meta));
      await run.dispatcher.spatial([toAnalysisFrame(pixels, index, tS, run.plan.analysisSize, run.plan.rowsSize, needs)], experts);
    }
    this.queued.clear();
    return this.dispatcher.inferenceMs;
  }
}
