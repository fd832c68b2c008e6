import { afterEach, describe, expect, it, vi } from 'vitest';
import { CorruptInputError } from '../errors.ts';
import { analyzeVideo } from './analyze.ts';

/** A stand-in for the browser's Worker that records its start and its end. */
class FakeWorker {
  static started: FakeWorker[] = [];
  terminated = false;
  constructor() {
    FakeWorker.started.push(this);
  }
  addEventListener(): void {}
  removeEventListener(): void {}
  postMessage(): void {}
  start(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('analyzeVideo', () => {
  it('starts the analysis worker while the file is read, and lets it go when the read fails', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('Worker', FakeWorker);
    let fail!: (err: Error) => void;
    vi.stubGlobal('fetch', () => new Promise<Response>((_, reject) => (fail = reject)));
    const run = analyzeVideo(new URL('http://localhost/clip.mp4'));
    const settled = run.catch((err: unknown) => err);
    // The read has not answered yet, and the worker is already starting.
    expect(FakeWorker.started).toHaveLength(1);
    fail(new Error('offline'));
    expect(await settled).toBeInstanceOf(CorruptInputError);
    // Released: the idle timer runs and stops it.
    expect(FakeWorker.started[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(61_000);
    expect(FakeWorker.started[0]!.terminated).toBe(true);
  });
});
