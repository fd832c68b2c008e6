/**
 * Runs experts on batches as frames stream in, so frames never accumulate: the spatial batch holds a
 * few analysis frames, the temporal batch a few dozen small frames plus one frame carried over so that
 * every frame has its predecessor.
 */
import type { ExpertMeta } from '../experts/types.ts';
import { runExpert } from '../runtime/expert-runner.ts';
import type { ModelSession } from '../runtime/ort.ts';
import { ExpertResults } from './expert-results.ts';
import type { FloatPlanes } from './frame-planes.ts';

/** An analysis frame with every plane kind some expert asked for. */
export interface AnalysisFrame {
  index: number;
  tS: number;
  luma: FloatPlanes;
  rgb?: FloatPlanes;
  rows?: FloatPlanes;
}

/** A temporal-stream frame. */
export interface TemporalFrame {
  tS: number;
  luma: FloatPlanes;
}

/** A planned expert with its session and result collector. */
export interface ActiveExpert {
  meta: ExpertMeta;
  stride: number;
  session: ModelSession;
  results: ExpertResults;
}

/** Accumulated inference time, in ms. */
export interface InferenceClock {
  ms: number;
  now(): number;
}

function stack(planes: FloatPlanes[]): { data: Float32Array; dims: number[] } {
  const first = planes[0]!;
  const size = first.data.length;
  const data = new Float32Array(size * planes.length);
  planes.forEach((p, i) => data.set(p.data, i * size));
  return { data, dims: [planes.length, first.channels, first.height, first.width] };
}

function planeOf(frame: AnalysisFrame, meta: ExpertMeta): FloatPlanes {
  if (meta.inputs.planes === 'rgb') return frame.rgb!;
  if (meta.inputs.keepRows) return frame.rows!;
  return frame.luma;
}

/** Runs the spatial experts on one batch of analysis frames. */
export async function runSpatialBatch(frames: AnalysisFrame[], experts: ActiveExpert[], clock: InferenceClock): Promise<void> {
  for (const e of experts) {
    const chosen = frames.filter((f) => f.index % e.stride === 0);
    if (chosen.length === 0) continue;
    const start = clock.now();
    const out = await runExpert(e.session, e.meta, { x: stack(chosen.map((f) => planeOf(f, e.meta))) });
    clock.ms += clock.now() - start;
    const cells = out.ph * out.pw;
    chosen.forEach((f, i) => e.results.add(f.tS, out.score[i]!, out.map.slice(i * cells, (i + 1) * cells), out.ph, out.pw, true));
  }
}

/**
 * Runs the temporal experts on a batch; `carry` is the previous batch's last frame (its own output was
 * already recorded), or undefined for the first batch.
 */
export async function runTemporalBatch(frames: TemporalFrame[], carry: TemporalFrame | undefined, experts: ActiveExpert[], clock: InferenceClock): Promise<void> {
  const seq = carry ? [carry, ...frames] : frames;
  if (seq.length === 0) return;
  const x = stack(seq.map((f) => f.luma));
  const t = { data: Float32Array.from(seq.map((f) => f.tS)), dims: [seq.length] };
  for (const e of experts) {
    const start = clock.now();
    const out = await runExpert(e.session, e.meta, { x, t });
    clock.ms += clock.now() - start;
    const cells = out.ph * out.pw;
    for (let i = carry ? 1 : 0; i < seq.length; i++) {
      e.results.add(seq[i]!.tS, out.score[i]!, out.map.subarray(i * cells, (i + 1) * cells).slice(), out.ph, out.pw, false);
    }
  }
}
