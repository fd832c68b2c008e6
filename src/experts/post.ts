/**
 * Post-processors: experts whose model emits features (NIQE, BRISQUE) have a `post.ts` in their folder
 * that turns the named model outputs into the common `score` / `map` form.
 */
import type { TensorData } from '../inference/ort.ts';
import { POST_PROCESSORS } from './catalogue.generated.ts';
import type { ExpertFrameOutput, ExpertMeta } from './types.ts';

/** Turns one batch of raw model outputs into per-frame scores and maps. */
export type PostProcessor = (outputs: Record<string, TensorData>, meta: ExpertMeta) => ExpertFrameOutput;

/** The post-processor of an expert folder, if it has one. */
export function getPostProcessor(id: string): PostProcessor | undefined {
  return POST_PROCESSORS[id];
}

/** The default: the model already emits `score` [N] and `map` [N, Ph, Pw]. */
export function standardOutputs(outputs: Record<string, TensorData>): ExpertFrameOutput {
  const score = outputs.score;
  const map = outputs.map;
  if (!score || !map) throw new Error('expert model must output "score" and "map"');
  const ph = map.dims[1] ?? 0;
  const pw = map.dims[2] ?? 0;
  return { score: score.data, map: map.data, ph, pw };
}
