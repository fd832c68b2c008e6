/**
 * Tier 0's temporal experts, in the analysis worker, started while the probe still reads: each glance
 * burst goes to the temporal experts as soon as its last frame is read, instead of after the route.
 * The batches are the ones the run would send (the same frames, the same history: `glanceSteps`), so
 * the outputs are the same; the run then only takes them (`finish`). The route may leave a temporal
 * expert out: its early outputs are dropped. The temporal experts are cheap (a few ms per burst) and
 * the inference worker waits between the probe's frames, so the guess costs little; what it saves is
 * the serial stretch after the route in which the inference worker ran them.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { ExpertExecutor } from '../inference/executor.ts';
import { BatchDispatcher, BURST_HISTORY, TEMPORAL_CARRY, type ActiveExpert, type TemporalFrame } from './batches.ts';
import { ExpertResults } from './expert-results.ts';

/** One temporal batch of a glance: the frames whose outputs count, after `carry` (history only). */
export interface GlanceStep {
  frames: TemporalFrame[];
  carry: TemporalFrame[];
}

/**
 * Walks a glance's bursts in time order and says which temporal batch each one sends. A burst that
 * starts within 1.5 frames of the last one read on from where it stopped (one run of frames, history
 * carried over, a frame both read counted once); otherwise its first frames have no history of their
 * own (freeze, stutter and flicker compare a frame with the ones before it) and serve as history only.
 */
export class GlanceSteps {
  private previous: TemporalFrame[] = [];
  private readonly gap: number;
  /** Frames whose outputs count, over every burst so far. */
  counted = 0;

  constructor(fps: number) {
    this.gap = 1.5 / (fps > 0 ? fps : 30);
  }

  /** The batch for the next burst (in time order), or undefined when it sends none. */
  next(burst: readonly TemporalFrame[]): GlanceStep | undefined {
    if (burst.length === 0) return undefined;
    const previous = this.previous;
    const lastT = previous.length ? previous[previous.length - 1]!.tS : -Infinity;
    const continues = previous.length > 0 && burst[0]!.tS - lastT <= this.gap;
    if (continues) {
      const fresh = burst.filter((f) => f.tS > lastT + 1e-6);
      this.previous = [...previous, ...fresh];
      this.counted += fresh.length;
      return fresh.length ? { frames: fresh, carry: previous.slice(-TEMPORAL_CARRY) } : undefined;
    }
    const history = Math.min(BURST_HISTORY, burst.length - 1);
    this.previous = [...burst];
    this.counted += burst.length - history;
    return { frames: burst.slice(history), carry: burst.slice(0, history) };
  }
}

/** The temporal experts tier 0 starts before the route: every temporal-stream expert it may plan. */
export function glanceTemporalExperts(catalogue: readonly ExpertMeta[]): ExpertMeta[] {
  return catalogue.filter((m) => m.kind === 'temporal' && m.inputs.stream === 'temporal');
}

/** Where the probe hands each finished glance burst (its frames at the temporal-stream size). */
export interface BurstOffer {
  burst(frames: readonly TemporalFrame[]): void;
}

/** Tier 0's early temporal run; see the file's comment. */
export class GlanceTemporal implements BurstOffer {
  private readonly dispatcher: BatchDispatcher;
  private readonly steps: GlanceSteps;
  private readonly experts: ActiveExpert[];
  private loaded?: Promise<Set<string>>;
  private chain: Promise<void> = Promise.resolve();
  private broken = false;

  constructor(
    catalogue: readonly ExpertMeta[],
    private readonly executor: ExpertExecutor,
    private readonly load: { modelBaseUrl: string; ep: 'webgpu' | 'wasm' },
    private readonly signal: AbortSignal,
    fps: number,
  ) {
    this.dispatcher = new BatchDispatcher(executor);
    this.steps = new GlanceSteps(fps);
    this.experts = glanceTemporalExperts(catalogue).map((meta) => ({ meta, stride: 1, results: new ExpertResults(meta) }));
  }

  burst(frames: readonly TemporalFrame[]): void {
    if (this.broken || this.signal.aborted || !this.experts.length) return;
    const step = this.steps.next(frames);
    if (!step) return;
    if (!this.loaded) {
      const metas = this.experts.map((e) => e.meta);
      this.loaded = this.executor.load(metas, this.load.modelBaseUrl, this.load.ep).then(
        ({ failed }) => new Set(failed),
        () => new Set(metas.map((m) => m.id)),
      );
    }
    const loaded = this.loaded;
    this.chain = this.chain.then(async () => {
      try {
        const failed = await loaded;
        const usable = this.experts.filter((e) => !failed.has(e.meta.id));
        if (this.broken || this.signal.aborted || !usable.length) return;
        await this.dispatcher.temporal(step.frames, step.carry, usable);
      } catch {
        this.broken = true;
      }
    });
  }

  /**
   * After the route, once every burst was offered: waits for the early batches and gives each planned
   * temporal expert that ran early its results. Returns the ids it covered (the run skips those; none
   * when anything failed, and the run then does all of it as before) and the early inference time.
   */
  async finish(planned: ActiveExpert[]): Promise<{ covered: Set<string>; inferenceMs: number }> {
    await this.chain;
    let ok = !this.broken && !this.signal.aborted;
    await this.dispatcher.drain().catch(() => (ok = false));
    const failed = this.loaded ? await this.loaded : new Set<string>();
    const covered = new Set<string>();
    if (!ok || !this.loaded) return { covered, inferenceMs: this.dispatcher.inferenceMs };
    for (const e of planned) {
      const early = this.experts.find((x) => x.meta.id === e.meta.id);
      if (!early || failed.has(e.meta.id)) continue;
      e.results = early.results;
      covered.add(e.meta.id);
    }
    return { covered, inferenceMs: this.dispatcher.inferenceMs };
  }
}
