import { describe, expect, it } from 'vitest';
import type { FloatPlanes } from '../frames/frame-planes.ts';
import type { BatchOutputs, ExpertExecutor, ExpertJob } from '../inference/executor.ts';
import { metaOf } from '../testing/expert-harness.ts';
import { BatchDispatcher, type ActiveExpert, type AnalysisFrame } from './batches.ts';
import { ExpertResults } from './expert-results.ts';

/** An executor that records the jobs it is given and answers with one-cell outputs. */
class RecordingExecutor implements ExpertExecutor {
  readonly batches: ExpertJob[][] = [];
  async load() {
    return { failed: [] };
  }
  async run(jobs: ExpertJob[]): Promise<BatchOutputs> {
    this.batches.push(jobs);
    const outputs: BatchOutputs['outputs'] = {};
    for (const j of jobs) {
      const n = j.x.dims[0]!;
      outputs[j.id] = { score: new Float32Array(n).fill(j.x.data[0]!), map: new Float32Array(n), ph: 1, pw: 1 };
    }
    return { outputs, ms: 1 };
  }
}

function planes(value: number, channels = 1): FloatPlanes {
  return { width: 4, height: 2, channels, data: new Float32Array(8 * channels).fill(value) };
}

function frame(index: number): AnalysisFrame {
  return { index, tS: index / 2, luma: planes(10 + index), lumaLimited: planes(20 + index), rgb: planes(30 + index, 3), rows: planes(40 + index), yuv: planes(50 + index) };
}

function active(id: string, stride = 1): ActiveExpert {
  const meta = metaOf(id);
  return { meta, stride, results: new ExpertResults(meta) };
}

describe('BatchDispatcher.spatial', () => {
  it('stacks each plane kind of the same frames once and gives it to every expert that reads it', async () => {
    const executor = new RecordingExecutor();
    const dispatcher = new BatchDispatcher(executor);
    // overexposure, underexposure and sharpness read full-range luma; colourfulness RGB; brisque
    // limited-range luma; banding luma too but only every second frame (another set of frames).
    const experts = [active('overexposure'), active('underexposure'), active('sharpness'), active('colourfulness'), active('brisque'), active('banding', 2)];
    await dispatcher.spatial([frame(0), frame(1)], experts);
    await dispatcher.drain();
    const jobs = new Map(executor.batches[0]!.map((j) => [j.id, j]));
    expect(jobs.get('underexposure')!.x).toBe(jobs.get('overexposure')!.x);
    expect(jobs.get('sharpness')!.x).toBe(jobs.get('overexposure')!.x);
    expect(jobs.get('colourfulness')!.x).not.toBe(jobs.get('overexposure')!.x);
    expect(jobs.get('brisque')!.x).not.toBe(jobs.get('overexposure')!.x);
    expect(jobs.get('banding')!.x).not.toBe(jobs.get('overexposure')!.x);
    // Each stack holds the planes its experts read, frame by frame.
    expect(jobs.get('overexposure')!.x.dims).toEqual([2, 1, 2, 4]);
    expect([jobs.get('overexposure')!.x.data[0], jobs.get('overexposure')!.x.data[8]]).toEqual([10, 11]);
    expect(jobs.get('colourfulness')!.x.dims).toEqual([2, 3, 2, 4]);
    expect(jobs.get('brisque')!.x.data[0]).toBe(20);
    expect(jobs.get('banding')!.x.dims[0]).toBe(1);
    // Outputs still land with their own expert.
    expect(experts[4]!.results.frames.map((f) => f.raw)).toEqual([20, 20]);
    expect(experts[3]!.results.frames.map((f) => f.raw)).toEqual([30, 30]);
  });
});
