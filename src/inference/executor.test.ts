import { describe, expect, it } from 'vitest';
import type { ExpertMeta } from '../experts/types.ts';
import { LocalExecutor } from './executor.ts';
import type { ModelSession, TensorData } from './ort.ts';

/** A session that records which batch ran, and holds each run until `release` is called. */
function gatedSession(order: string[], gates: (() => void)[]): ModelSession {
  return {
    inputNames: ['x'],
    outputNames: ['score', 'map'],
    async run(feeds: Record<string, TensorData>) {
      await new Promise<void>((resolve) => gates.push(resolve));
      order.push(String(feeds.x!.data[0]));
      return { score: { data: new Float32Array([1]), dims: [1] }, map: { data: new Float32Array([1]), dims: [1, 1, 1] } };
    },
    release: async () => undefined,
  };
}

const meta = { id: 'e', inputs: { stream: 'analysis' } } as unknown as ExpertMeta;
const batch = (tag: number) => [{ id: 'e', x: { data: new Float32Array([tag]), dims: [1, 1, 1, 1] } }];

describe('LocalExecutor', () => {
  it('runs one batch at a time, those marked first ahead of the waiting ones, each kind in arrival order', async () => {
    const order: string[] = [];
    const gates: (() => void)[] = [];
    const executor = new LocalExecutor(async () => gatedSession(order, gates));
    await executor.load([meta], '', 'wasm');
    const runs = [executor.run(batch(1)), executor.run(batch(2)), executor.run(batch(3)), executor.run(batch(4), true), executor.run(batch(5), true)];
    // Let each run start, then finish it; only one runs at a time.
    for (let i = 0; i < runs.length; i++) {
      await new Promise((r) => setTimeout(r, 0));
      expect(gates.length).toBe(1);
      gates.shift()!();
    }
    await Promise.all(runs);
    // Batch 1 was already running; the probe's 4 and 5 then go ahead of the early 2 and 3.
    expect(order).toEqual(['1', '4', '5', '2', '3']);
  });

  it('goes on after a batch fails', async () => {
    const executor = new LocalExecutor(async () => ({ inputNames: ['x'], outputNames: [], run: async () => ({}), release: async () => undefined }));
    await executor.load([meta], '', 'wasm');
    await expect(executor.run(batch(1))).rejects.toThrow();
    await expect(executor.run(batch(2), true)).rejects.toThrow(/score/);
  });
});
