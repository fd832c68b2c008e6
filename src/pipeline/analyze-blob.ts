/**
 * One analysis of a file inside the analysis worker: opens it with the first decoder that can read it
 * and runs the stages over the frame source (`analyze-source.ts`).
 */
import type { ProgressEvent, WorkerAnalyzeOptions } from '../api/options.ts';
import { openFrameSource } from '../decode/open.ts';
import type { Report } from '../report/types.ts';
import { analyzeSource, type PipelineDeps } from './analyze-source.ts';
import { TIERS } from './plan.ts';

/** Analyzes a video file and returns its report. */
export async function analyzeBlob(blob: Blob, opts: WorkerAnalyzeOptions, onProgress: (e: ProgressEvent) => void, signal: AbortSignal, deps: PipelineDeps): Promise<Report> {
  const t0 = performance.now();
  onProgress({ stage: 'decode', progress: 0.01, message: 'Opening the video' });
  const video = await openFrameSource(blob, { analysisBox: TIERS[opts.tier].analysisBox, decoderBaseUrl: opts.decoderBaseUrl, signal });
  try {
    return await analyzeSource(video, { name: opts.name, bytes: blob.size }, opts, onProgress, signal, deps, t0);
  } finally {
    video.dispose();
  }
}
