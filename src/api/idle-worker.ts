/**
 * A page-side worker that starts on first use and stops after a while without users: each call that
 * needs it acquires it and releases it when done, and the idle timer starts only when nobody holds
 * it. A crash of the worker rejects `crashed`, so a caller can race its call against it.
 */
import * as Comlink from 'comlink';
import { WorkerCrashedError } from '../errors.ts';

/** A started worker with its Comlink proxy. */
export interface WorkerHandle<Api> {
  worker: Worker;
  api: Comlink.Remote<Api>;
  /** Rejects with a WorkerCrashedError when the worker dies. */
  crashed: Promise<never>;
}

/** One lazily started, idle-stopped worker. */
export class IdleWorker<Api> {
  private handle: WorkerHandle<Api> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private holders = 0;

  /**
   * @param start makes the Worker (the `new Worker(new URL(...))` stays in the caller so the bundler sees it)
   * @param crashMessage the sentence a crash gives, from the browser's own detail (may be empty)
   */
  constructor(
    private readonly start: () => Worker,
    private readonly crashMessage: (detail: string) => string,
    private readonly idleMs = 60_000,
  ) {}

  /** Takes the worker for one use: cancels a pending idle stop and starts the worker when needed. */
  acquire(): WorkerHandle<Api> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.holders++;
    this.handle ??= this.launch();
    return this.handle;
  }

  /** Ends one use; the idle timer starts when no use remains. */
  release(): void {
    this.holders = Math.max(0, this.holders - 1);
    if (this.handle && this.holders === 0) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => this.stop(), this.idleMs);
    }
  }

  /** How many uses hold the worker now. */
  get users(): number {
    return this.holders;
  }

  /** The running worker, if any. */
  get current(): WorkerHandle<Api> | undefined {
    return this.handle;
  }

  /** Terminates the worker now (the next use starts a fresh one). */
  stop(): void {
    this.handle?.api[Comlink.releaseProxy]();
    this.handle?.worker.terminate();
    this.handle = undefined;
  }

  private launch(): WorkerHandle<Api> {
    const worker = this.start();
    const crashed = new Promise<never>((_, reject) => {
      worker.addEventListener('error', (e) => {
        e.preventDefault();
        reject(new WorkerCrashedError(this.crashMessage(e.message ?? '')));
      });
    });
    crashed.catch(() => undefined);
    return { worker, api: Comlink.wrap<Api>(worker), crashed };
  }
}
