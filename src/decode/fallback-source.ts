/**
 * A WebCodecs frame source that hands over to ffmpeg.wasm when the browser's decoder rejects a stream
 * it said it could decode ("Decoding error." partway through). The one such stream met so far (x264
 * 4:4:4 from before build 151, read from a later keyframe) is now read right by sei-prime.ts; this is
 * the safety net for the next one. Frames already handed out stay; the rest come from ffmpeg.wasm in
 * strict mode, so a file that is really damaged (ffmpeg reports the damage it conceals) still ends in
 * the first decoder's CORRUPT_INPUT. Runs in the analysis worker.
 */
import { QRouterError } from '../errors.ts';
import type { FrameSource, SourceFrame, VideoInfo } from './frame-source.ts';
import { WebCodecsDecodeError } from './mediabunny-source.ts';

/** Opens the stand-in decoder for the same file. */
export type OpenFallback = () => Promise<FrameSource>;

/** Wraps `first` so that a WebCodecs decode failure switches to the source `openFallback` opens. */
export function withDecodeFallback(first: FrameSource, openFallback: OpenFallback): FrameSource {
  return new FallbackSource(first, openFallback);
}

class FallbackSource implements FrameSource {
  private current: FrameSource;
  /** The stand-in once opened; a failed attempt is not repeated. */
  private switched: 'no' | 'yes' | 'failed' = 'no';
  readonly keyTimes?: (limit: number) => Promise<number[]>;

  constructor(
    private readonly first: FrameSource,
    private readonly openFallback: OpenFallback,
  ) {
    this.current = first;
    // Key times come from the container index, which did not fail; a stand-in without one gives none.
    if (first.keyTimes) this.keyTimes = async (limit) => (await this.current.keyTimes?.(limit)) ?? [];
  }

  /** The facts of the decoder now reading (its name changes when ffmpeg.wasm takes over). */
  get info(): VideoInfo {
    return this.current.info;
  }

  async *frames(signal?: AbortSignal): AsyncIterable<SourceFrame> {
    let lastT = -Infinity;
    let failure: unknown;
    try {
      for await (const frame of this.current.frames(signal)) {
        lastT = frame.tS;
        yield frame;
      }
      return;
    } catch (err) {
      failure = err;
      await this.switchOrThrow(err);
    }
    try {
      // The same timeline from the stand-in, from the first frame not yet handed out.
      for await (const frame of this.current.frames(signal)) if (frame.tS > lastT + 1e-4) yield frame;
    } catch (err) {
      throw firstAccount(failure, err);
    }
  }

  async *framesAt(timesS: readonly number[], signal?: AbortSignal): AsyncIterable<SourceFrame> {
    let done = 0;
    let failure: unknown;
    try {
      for await (const frame of this.current.framesAt(timesS, signal)) {
        done++;
        yield frame;
      }
      return;
    } catch (err) {
      failure = err;
      await this.switchOrThrow(err);
    }
    try {
      if (done < timesS.length) yield* this.current.framesAt(timesS.slice(done), signal);
    } catch (err) {
      throw firstAccount(failure, err);
    }
  }

  /** Releases the decoder now reading (the first one was released when the stand-in took over). */
  dispose(): void {
    this.current.dispose();
  }

  /** Switches to the stand-in after a WebCodecs decode failure; rethrows `err` when that is not possible. */
  private async switchOrThrow(err: unknown): Promise<void> {
    if (!(err instanceof WebCodecsDecodeError) || this.switched !== 'no') throw err;
    let next: FrameSource;
    try {
      next = await this.openFallback();
    } catch (second) {
      this.switched = 'failed';
      if (second instanceof QRouterError && second.code === 'CANCELLED') throw second;
      throw err;
    }
    this.switched = 'yes';
    this.first.dispose();
    this.current = next;
  }
}

/**
 * When the stand-in finds the file damaged too, the first decoder's error is the one to show (it says
 * how far WebCodecs got); a cancel stays a cancel.
 */
function firstAccount(first: unknown, second: unknown): unknown {
  return second instanceof QRouterError && second.code === 'CORRUPT_INPUT' ? first : second;
}
