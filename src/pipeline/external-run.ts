/**
 * Runs user-supplied external experts (see docs/external-experts.md) inside an analysis: picks their
 * T frames as the video streams by, keeps only what the model reads (a fragment mosaic of original
 * pixels, or the frame resized to the model's size), and runs each model once at the end.
 */
import { fragmentGrid, pickFrames } from '../experts/external-input.ts';
import { loadExternalExpert, runExternalExpert, type ExternalExpert, type ExternalExpertSpec } from '../experts/external.ts';
import type { ExpertMeta } from '../experts/types.ts';
import type { ExecutionProvider } from '../inference/ort.ts';
import type { FloatPlanes } from '../frames/frame-planes.ts';
import { rgbAt, rgbAtPoints } from '../frames/frame-planes.ts';
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import { ExpertResults } from './expert-results.ts';

/** Metadata that lets fusion and the router treat an external expert like a shipped learned one. */
export function externalMeta(spec: ExternalExpertSpec): ExpertMeta {
  const [h, w] = typeof spec.input.size === 'number' ? [spec.input.size, spec.input.size] : spec.input.size;
  return {
    id: spec.id,
    label: spec.label,
    kind: 'temporal',
    lowerIsBetter: spec.output.lowerIsBetter,
    range: spec.output.range,
    unit: 'external model output',
    pool: 'mean',
    costPerFrameMs: 0,
    requires: [],
    model: spec.url,
    inputs: { planes: 'rgb', stream: 'analysis', patch: Math.max(h, w) },
    post: true,
    description: `External model loaded from ${spec.url}.`,
  };
}

interface Pending {
  spec: ExternalExpertSpec;
  expert: ExternalExpert;
  wanted: Set<number>;
  frames: FloatPlanes[];
  times: number[];
}

/** Collects frames for, and runs, the external experts of one analysis. */
export class ExternalRun {
  private constructor(
    private readonly pending: Pending[],
    /** Labels of external experts whose model could not be loaded, with the reason. */
    readonly failed: string[],
  ) {}

  /** Loads every external model; failures are kept as messages, not thrown. */
  static async load(specs: ExternalExpertSpec[], frameCount: number, ep: ExecutionProvider): Promise<ExternalRun> {
    const pending: Pending[] = [];
    const failed: string[] = [];
    for (const spec of specs) {
      try {
        const expert = await loadExternalExpert(spec, undefined, ep);
        pending.push({ spec, expert, wanted: new Set(pickFrames(frameCount, spec.input.frames)), frames: [], times: [] });
      } catch (err) {
        failed.push(err instanceof Error ? err.message : String(err));
      }
    }
    return new ExternalRun(pending, failed);
  }

  /** Offers a decoded frame (by decode index); keeps what each model needs from it. */
  offer(index: number, tS: number, pixels: YuvPlanes): void {
    for (const p of this.pending) {
      if (!p.wanted.has(index)) continue;
      const grid = fragmentGrid(p.spec, pixels.width, pixels.height);
      const [h, w] = typeof p.spec.input.size === 'number' ? [p.spec.input.size, p.spec.input.size] : p.spec.input.size;
      p.frames.push(grid ? rgbAtPoints(pixels, grid.rows, grid.cols) : rgbAt(pixels, w, h));
      p.times.push(tS);
    }
  }

  /** Runs each model on its collected frames; each becomes an expert result with one value per video. */
  async finish(): Promise<ExpertResults[]> {
    const out: ExpertResults[] = [];
    for (const p of this.pending) {
      if (p.frames.length === 0) continue;
      // Frames are already at the model's size: sample them as they are.
      const spec = { ...p.spec, input: { ...p.spec.input, sampling: { kind: 'resize' as const } } };
      const { score } = await runExternalExpert({ spec, session: p.expert.session }, p.frames);
      const results = new ExpertResults(externalMeta(p.spec));
      results.add(p.times[Math.floor(p.times.length / 2)] ?? 0, score, new Float32Array(1).fill(score), 1, 1, true);
      out.push(results);
    }
    return out;
  }
}
