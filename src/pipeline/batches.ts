/**
 * Dispatches expert batches as frames stream in, so frames never accumulate: the spatial batch holds a
 * few analysis frames, the temporal batch a few dozen small frames plus one frame carried over so that
 * every frame has its predecessor. Batches run on an executor without blocking decoding; at most a few
 * are in flight, which bounds memory.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { BatchOutputs, ExpertExecutor, ExpertJob } from '../inference/executor.ts';
import type { TensorData } from '../inference/ort.ts';
import { ExpertResults } from './expert-results.ts';
import type { FloatPlanes } from '../frames/frame-planes.ts';

/** An analysis frame with every plane kind some expert asked for. */
export interface AnalysisFrame {
  index: number;
  tS: number;
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

/** Frames of history carried into each temporal batch (freeze, stutter and flicker read four earlier frames). */
export const TEMPORAL_CARRY = 4;

function stack(planes: FloatPlanes[]): { data: Float32Array; dims: number[] } {
  const first = planes[0]!;
  const size = first.data.length;
  const data = new Float32Array(size * planes.length);
  planes.forEach((p, i) => data.set(p.data, i * size));
  return { data, dims: [planes.length, first.channels, first.height, first.width] };
}

/** Which of an analysis frame's planes an expert reads (see `planeOf`). */
function planeKind(meta: ExpertMeta): 'rgb' | 'yuv' | 'rows' | 'limited' | 'luma' {
  if (meta.inputs.planes === 'rgb') return 'rgb';
  if (meta.inputs.planes === 'yuv') return 'yuv';
  if (meta.inputs.keepRows) return 'rows';
  if (meta.inputs.lumaRange === 'limited') return 'limited';
  return 'luma';
}

function planeOf(frame: AnalysisFrame, meta: ExpertMeta): FloatPlanes {
  const kind = planeKind(meta);
  return kind === 'luma' ? frame.luma : kind === 'limited' ? frame.lumaLimited! : frame[kind]!;
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
    const chosen = new Map<string, AnalysisFrame[]>();
    const jobs: ExpertJob[] = [];
    // Experts that read the same planes of the same frames share one stacked tensor: one copy, one
    // transfer to the inference worker (runs read their input and never write it).
    const stacks = new Map<string, TensorData>();
    for (const e of experts) {
      const picked = frames.filter((f) => f.index % e.stride === 0 && !e.done?.has(f.index));
      if (picked.length === 0) continue;
      chosen.set(e.meta.id, picked);
      const planes = picked.map((f) => planeOf(f, e.meta));
      const key = `${planeKind(e.meta)}:${picked.map((f) => f.index).join(',')}`;
      let x = stacks.get(key);
      if (!x) stacks.set(key, (x = stack(planes)));
      jobs.push({ id: e.meta.id, x });
    }
    if (jobs.length === 0) return;
    await this.dispatch(jobs, (out) => {
      for (const e of experts) {
        const o = out.outputs[e.meta.id];
        const picked = chosen.get(e.meta.id);
        if (!o || !picked) continue;
        const cells = o.ph * o.pw;
        picked.forEach((f, i) => e.results.add(f.tS, o.score[i]!, o.map.slice(i * cells, (i + 1) * cells), o.ph, o.pw, true));
      }
    });
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
    await this.dispatch(jobs, (out) => {
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

  private async dispatch(jobs: ExpertJob[], record: (out: BatchOutputs) => void): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.inFlight.size >= this.maxInFlight) await Promise.race(this.inFlight);
    const p = this.executor.run(jobs, this.first).then(
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
