/** Progress that only rises, throttled so a fast decode does not flood the UI with events. */
import type { ProgressEvent, ProgressStage } from '../api/options.ts';

const MIN_INTERVAL_MS = 50;

/** Emits monotone progress events. */
export class ProgressTracker {
  private last = 0;
  private lastEmit = -Infinity;
  private lastStage: ProgressStage | undefined;

  constructor(private readonly sink: (e: ProgressEvent) => void) {}

  /** Emits when the stage changes, at the end, or at most every 50 ms; never lets progress fall. */
  emit(stage: ProgressStage, progress: number, message?: string, framesDecoded?: number, framesTotal?: number): void {
    const value = Math.max(this.last, Math.min(1, progress));
    const t = performance.now();
    const important = stage !== this.lastStage || stage === 'done';
    if (!important && t - this.lastEmit < MIN_INTERVAL_MS) return;
    this.last = value;
    this.lastEmit = t;
    this.lastStage = stage;
    const event: ProgressEvent = { stage, progress: value };
    if (message) event.message = message;
    if (framesDecoded !== undefined) event.framesDecoded = framesDecoded;
    if (framesTotal !== undefined) event.framesTotal = framesTotal;
    this.sink(event);
  }
}
