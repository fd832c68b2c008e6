/**
 * Runs one expert on one batch of frames through its ONNX session and returns per-frame scores and
 * per-patch maps. Used in-thread by unit tests and inside the analysis worker by the app.
 */
import { getPostProcessor, standardOutputs } from '../experts/post.ts';
import type { ExpertFrameOutput, ExpertMeta } from '../experts/types.ts';
import type { ModelSession, TensorData } from './ort.ts';

/** The tensors one expert run takes. */
export interface ExpertBatch {
  /** [N, C, H, W] pixel planes, 0..255. */
  x: TensorData;
  /** [N] timestamps in seconds, for experts that read them. */
  t?: TensorData;
  /** Source pixels per analysis pixel, for experts that read it (`inputs.scale`); absent: 1, the frames read at their own size. */
  scale?: number;
}

/** Runs the expert's session on a batch. */
export async function runExpert(session: ModelSession, meta: ExpertMeta, batch: ExpertBatch): Promise<ExpertFrameOutput> {
  const feeds: Record<string, TensorData> = { x: batch.x };
  if (meta.inputs.timestamps) {
    if (!batch.t) throw new Error(`expert "${meta.id}" needs timestamps`);
    feeds.t = batch.t;
  }
  if (meta.inputs.scale) feeds.scale = { data: Float32Array.of(batch.scale ?? 1), dims: [1] };
  const outputs = await session.run(feeds);
  const post = meta.post ? getPostProcessor(meta.id) : undefined;
  if (meta.post && !post) throw new Error(`expert "${meta.id}" declares a post-processor but has none`);
  return post ? post(outputs, meta) : standardOutputs(outputs);
}
