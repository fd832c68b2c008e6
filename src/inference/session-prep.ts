/**
 * Sessions made ahead of need (inference worker): the experts a run may still ask for are given to
 * `prepare`, and their sessions are created one at a time while the worker has nothing else to do (no
 * batch and no `load` under way), so a cold run finds them ready after the route instead of creating
 * them then while decoding waits. A batch that arrives during a creation waits for that one creation
 * only. The sessions are the same ones `load` would create (the same cache), so nothing but the time
 * they are made changes; one that fails is left for `load` to report.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { SessionLoader } from './executor.ts';
import { sessionFor } from './expert-pool.ts';
import type { ExecutionProvider } from './ort.ts';

/** An executor that can make sessions ahead of need. */
export interface SessionPreparer {
  /** Queues the creation of these experts' sessions for when the executor is idle; returns at once. */
  prepare(metas: ExpertMeta[], modelBaseUrl: string, ep: ExecutionProvider): void;
}

/** True when `executor` offers `prepare`. */
export function canPrepare(executor: object): executor is SessionPreparer {
  return typeof (executor as Partial<SessionPreparer>).prepare === 'function';
}

/** Creates queued sessions whenever nothing tracked is under way. */
export class SessionPrep implements SessionPreparer {
  private readonly queue: { meta: ExpertMeta; modelBaseUrl: string; ep: ExecutionProvider }[] = [];
  private busy = 0;
  private creating = false;

  /** `sessionOf` must be the loader the executor uses, so that both share one session per expert. */
  constructor(private readonly sessionOf: SessionLoader = sessionFor) {}

  prepare(metas: ExpertMeta[], modelBaseUrl: string, ep: ExecutionProvider): void {
    for (const meta of metas) this.queue.push({ meta, modelBaseUrl, ep });
    this.pump();
  }

  /** Marks the worker busy until `work` settles (batches, loads); creation waits for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    const done = () => {
      this.busy--;
      this.pump();
    };
    work.then(done, done);
    return work;
  }

  private pump(): void {
    if (this.creating || this.busy > 0) return;
    const next = this.queue.shift();
    if (!next) return;
    this.creating = true;
    const settle = () => {
      this.creating = false;
      // A new turn, so that a batch posted while this creation ran is taken first.
      setTimeout(() => this.pump(), 0);
    };
    this.sessionOf(next.meta, next.modelBaseUrl, next.ep).then(settle, settle);
  }
}
