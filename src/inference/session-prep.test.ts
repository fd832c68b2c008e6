import { describe, expect, it } from 'vitest';
import type { ExpertMeta } from '../experts/types.ts';
import type { ModelSession } from './ort.ts';
import { canPrepare, SessionPrep } from './session-prep.ts';

const meta = (id: string) => ({ id }) as ExpertMeta;
const session: ModelSession = { inputNames: ['x'], outputNames: [], run: async () => ({}), release: async () => undefined };
const turn = () => new Promise((r) => setTimeout(r, 5));

describe('SessionPrep', () => {
  it('creates queued sessions one at a time, only while no tracked work is under way', async () => {
    const started: string[] = [];
    const finish = new Map<string, () => void>();
    const prep = new SessionPrep((m) => {
      started.push(m.id);
      return new Promise<ModelSession>((resolve) => finish.set(m.id, () => resolve(session)));
    });
    let endBatch!: () => void;
    void prep.track(new Promise<void>((r) => (endBatch = r)));
    prep.prepare([meta('a'), meta('b')], '/models/', 'wasm');
    await turn();
    expect(started).toEqual([]);
    endBatch();
    await turn();
    expect(started).toEqual(['a']);
    // A batch that arrives while `a` is being made holds `b` back until it ends.
    let endSecond!: () => void;
    void prep.track(new Promise<void>((r) => (endSecond = r)));
    finish.get('a')!();
    await turn();
    expect(started).toEqual(['a']);
    endSecond();
    await turn();
    expect(started).toEqual(['a', 'b']);
  });

  it('goes on after a creation fails, and passes tracked results through', async () => {
    const started: string[] = [];
    const prep = new SessionPrep(async (m) => {
      started.push(m.id);
      if (m.id === 'bad') throw new Error('no model');
      return session;
    });
    prep.prepare([meta('bad'), meta('good')], '/models/', 'wasm');
    await turn();
    await turn();
    expect(started).toEqual(['bad', 'good']);
    await expect(prep.track(Promise.resolve(3))).resolves.toBe(3);
    await expect(prep.track(Promise.reject(new Error('x')))).rejects.toThrow('x');
    expect(canPrepare(prep)).toBe(true);
    expect(canPrepare({})).toBe(false);
  });
});
