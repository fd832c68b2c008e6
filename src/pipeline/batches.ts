/**
 * Dispatches expert batches as frames stream in, so frames never accumulate: the spatial batch holds a
 * few analysis frames, the temporal batch a few dozen small frames plus one frame carried over so that
 * every frame has its predecessor. Batches run on an executor without blocking decoding; at most a few
 * are in flight, which bounds memory.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { BatchOutputs, ExpertExecutor } from '../inference/executor.ts';
import { planeKind, rawJobs, stack, stackJobs, type RawFrame, type RawJob } from '../inference/raw-batch.ts';
import { ExpertResults } from './expert-results.ts';
import type { FloatPlanes } from '../frames/frame-planes.ts';

/** An analysis frame with every plane kind some expert asked for. */
export interface AnalysisFrame {
  index: number;
  tS: number;
  /** Source pixels per analysis pixel (absent: 1, the frame read at its own size). */
  scale?: number;
  /** Full-range luma. */
  luma: FloatPlanes;
  /** Limited-range luma, for experts that declare `lumaRange: 'limited'`. */
  lumaLimited?: FloatPlanes;
  rgb?: FloatPlanes;
  rows?: FloatPlanes;
  /** Luma with half-size chroma below it (`planes: 'yuv'`). */
  yuv?: FloatPlanes;
}

/** A temporal-stream frame. */
export interface TemporalFrame {
  tS: number;
  luma: FloatPlanes;
}

/** A planned expert with its result collector. */
export interface ActiveExpert {
  meta: ExpertMeta;
  stride: number;
  results: ExpertResults;
  /** Analysis-frame indices whose output comes from elsewhere (tier 0's early start): skipped here. */
  done?: Set<number>;
}

const MAX_IN_FLIGHT = 3;

/** Batches in flight from which `spatialPixels` makes the planes itself instead of the executor. */
export const MAKE_HERE_WHEN_QUEUED = 2;

/**
 * Frames of history carried into each temporal batch: the furthest any temporal expert reads back
 * (flicker: a change, against an opposite change up to three before it, kept only when another reversal
 * came up to three frames earlier: seven frames; freeze and stutter read four). With fewer, a frame
 * just after a batch boundary read a shorter history than the same frame elsewhere (flicker 5.9 → 0).
 */
export const TEMPORAL_CARRY = 7;

/**
 * Frames at the start of one of tier 0's separate bursts that serve as history only: a burst of 8
 * frames keeps 4 with outputs. Shorter than `TEMPORAL_CARRY` on purpose: a burst starts without history
 * anyway, and its first frames' readings are the price of reading few frames.
 */
export const BURST_HISTORY = 4;

/**
 * The frames each spatial expert reads in a batch (its stride, less what it already has) as jobs whose
 * `pick` are positions in `used`: the frames some expert reads, each once, in order of first use.
 */
function choose<F extends { index: number; tS: number }>(frames: F[], experts: ActiveExpert[]): { chosen: Map<string, F[]>; jobs: RawJob[]; used: F[] } {
  const chosen = new Map<string, F[]>();
  const jobs: RawJob[] = [];
  const at = new Map<number, number>();
  const used: F[] = [];
  for (const e of experts) {
    const picked = frames.filter((f) => f.index % e.stride === 0 && !e.done?.has(f.index));
    if (picked.length === 0) continue;
    chosen.set(e.meta.id, picked);
    const pick = picked.map((f) => {
      let i = at.get(f.index);
      if (i === undefined) at.set(f.index, (i = used.push(f) - 1));
      return i;
    });
    jobs.push({ id: e.meta.id, kind: planeKind(e.meta), pick });
  }
  return { chosen, jobs, used };
}

/** Sends batches to the executor and records outputs as they come back. */
export class BatchDispatcher {
  private readonly inFlight = new Set<Promise<void>>();
  /** Total inference time reported by the executor, in ms. */
  inferenceMs = 0;
  private failure: unknown;

  /**
   * `maxInFlight`: batches queued on the executor before `spatial`/`temporal` wait for one to finish;
   * `first`: the executor runs this dispatcher's batches ahead of others waiting (the probe's).
   */
  constructor(
    private readonly executor: ExpertExecutor,
    private readonly maxInFlight = MAX_IN_FLIGHT,
    private readonly first = false,
  ) {}

  /** Queues the spatial experts on a batch of analysis frames. */
  async spatial(frames: AnalysisFrame[], experts: ActiveExpert[]): Promise<void> {
    const { chosen, jobs, used } = choose(frames, experts);
    if (jobs.length === 0) return;
    const stacked = stackJobs(used, jobs);
    await this.dispatch(() => this.executor.run(stacked, this.first), (out) => this.recordSpatial(out, experts, chosen));
  }

  /**
   * Queues the spatial experts on analysis frames given as decoded pixels. The pixels pass to the
   * executor (the inference worker takes their buffers): give each frame its own copy. The planes are
   * made by the executor (`runRaw`, the inference worker) unless it has `MAKE_HERE_WHEN_QUEUED` batches
   * in flight or cannot; then here. Either way the planes are those `spatial` would get, to the bit.
   */
  async spatialPixels(frames: RawFrame[], experts: ActiveExpert[], size: { width: number; height: number }, rowsSize: { width: number; height: number }): Promise<void> {
    const { chosen, jobs, used } = choose(frames, experts);
    if (jobs.length === 0) return;
    const batch = { frames: used, size, rowsSize, jobs };
    const executor = this.executor;
    // Made here when the executor already has batches waiting: inference is then the slower side (small
    // frames, as at 360p) and this worker would only wait for it; else there, beside this worker's decode.
    const here = !executor.runRaw || this.inFlight.size >= MAKE_HERE_WHEN_QUEUED;
    await this.dispatch(() => (here ? executor.run(rawJobs(batch), this.first) : executor.runRaw!(batch, this.first)), (out) => this.recordSpatial(out, experts, chosen));
  }

  private recordSpatial(out: BatchOutputs, experts: ActiveExpert[], chosen: Map<string, { tS: number }[]>): void {
    for (const e of experts) {
      const o = out.outputs[e.meta.id];
      const picked = chosen.get(e.meta.id);
      if (!o || !picked) continue;
      const cells = o.ph * o.pw;
      picked.forEach((f, i) => e.results.add(f.tS, o.score[i]!, o.map.slice(i * cells, (i + 1) * cells), o.ph, o.pw, true));
    }
  }

  /**
   * Queues the temporal experts on a batch; `carry` holds the previous batch's last frames (their own
   * outputs were already recorded): they give the first new frames the history the experts need.
   */
  async temporal(frames: TemporalFrame[], carry: TemporalFrame[], experts: ActiveExpert[]): Promise<void> {
    const seq = [...carry, ...frames];
    if (seq.length === 0 || experts.length === 0) return;
    const x = stack(seq.map((f) => f.luma));
    const t = { data: Float32Array.from(seq.map((f) => f.tS)), dims: [seq.length] };
    const times = seq.map((f) => f.tS);
    const jobs = experts.map((e) => ({ id: e.meta.id, x, t }));
    await this.dispatch(() => this.executor.run(jobs, this.first), (out) => {
      for (const e of experts) {
        const o = out.outputs[e.meta.id];
        if (!o) continue;
        const cells = o.ph * o.pw;
        for (let i = carry.length; i < times.length; i++) {
          e.results.add(times[i]!, o.score[i]!, o.map.subarray(i * cells, (i + 1) * cells), o.ph, o.pw, false);
        }
      }
    });
  }

  /** Waits for every batch in flight; rethrows the first failure. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  private async dispatch(start: () => Promise<BatchOutputs>, record: (out: BatchOutputs) => void): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight);
    const p = start().then(
      (out) => {
        this.inferenceMs += out.ms;
        record(out);
      },
      (err: unknown) => {
        this.failure ??= err;
      },
    );
    const tracked = p.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
  }
}
