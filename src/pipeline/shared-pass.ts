/**
 * One sequential decode for the probe and the run of tiers 1 and 2, in the analysis worker. In a file
 * with one long group of pictures the probe spreads its points over the start of the video, and a
 * sparse read of a point decodes every frame before it; the run then decoded those frames again. Here
 * the probe reads its points from the start of the run's own sequential pass: the frames it passes over
 * are kept as the run needs them (a temporal-stream luma each, and a copy of the pixels at the run's
 * analysis times), and the run goes on where the probe stopped. The probe sees the same frames a
 * sparse read gives (the frame shown at each time), so the route's evidence does not change.
 */
import type { FrameSource, SourceFrame } from '../decode/frame-source.ts';
import { copyPlanes, type YuvPlanes } from '../frames/frame-pixels.ts';
import { smallLumaAt, type FloatPlanes } from '../frames/frame-planes.ts';
import type { Tier } from '../report/types.ts';
import { makePlan, temporalSizeOf } from './plan.ts';
import { probeUsesKeyframes, probeTimes, PROBE_FRAMES } from './probe.ts';
import type { EarlyOffer } from './early-start.ts';

/** A frame the probe passed over, as the run needs it. */
export interface KeptFrame {
  tS: number;
  /** Temporal-stream luma. */
  luma: FloatPlanes;
  /** A copy of the pixels, for frames the run analyses (the first at or after an analysis time). */
  pixels?: YuvPlanes;
}

/** Most memory the kept lumas may take; past it the run decodes the start again instead. */
export const SHARED_PASS_MAX_BYTES = 64 << 20;

/**
 * A shared pass when it saves decoding: tiers without bursts, files whose container indexes too few
 * keyframes for the probe to sit on them, and kept lumas within `SHARED_PASS_MAX_BYTES`; otherwise
 * undefined (the probe reads by timestamp and the run decodes from the start).
 */
export async function openSharedPass(video: FrameSource, tier: Tier, signal?: AbortSignal, early?: EarlyOffer): Promise<SharedPass | undefined> {
  if (!video.keyTimes) return undefined;
  const { info } = video;
  // A few keyframes tell whether the probe sits on them; the probe itself lists them all.
  const keys = await video.keyTimes(2 * PROBE_FRAMES).catch(() => undefined);
  if (!keys || probeUsesKeyframes(keys, PROBE_FRAMES)) return undefined;
  const times = probeTimes(info.durationS, info.fps, keys, info.width * info.height);
  const size = temporalSizeOf(tier, info);
  const frames = (Math.max(...times) + 1) * (info.fps > 0 ? info.fps : 30) + 2;
  if (frames * size.width * size.height * 4 > SHARED_PASS_MAX_BYTES) return undefined;
  return new SharedPass(video, size, makePlan(tier, info, [], 'wasm').analysisTimes, signal, early);
}

/** The sequential pass and its two views. */
export class SharedPass {
  /** Frames pulled for the probe, in order, for the run to take first. */
  readonly kept: KeptFrame[] = [];
  private readonly it: AsyncIterator<SourceFrame>;
  private nextTarget = 0;
  private ended = false;

  constructor(
    private readonly source: FrameSource,
    private readonly temporalSize: { width: number; height: number },
    private readonly analysisTimes: readonly number[],
    signal?: AbortSignal,
    /** Told each kept analysis frame as it is read, before the route (`early-start.ts`). */
    private readonly early?: EarlyOffer,
  ) {
    this.it = source.frames(signal)[Symbol.asyncIterator]();
  }

  /** What the probe reads: the frame shown at each requested time, from the sequential pass. */
  probeView(): FrameSource {
    const { source } = this;
    return {
      info: source.info,
      frames: () => this.rest(),
      framesAt: (times) => this.at(times),
      keyTimes: source.keyTimes ? (limit) => source.keyTimes!(limit) : undefined,
      dispose: () => undefined,
    };
  }

  /** What the run reads: the frames after those kept (take `kept` first). */
  runView(): FrameSource {
    return { ...this.probeView(), framesAt: () => { throw new Error('the run of a shared pass reads sequentially'); } };
  }

  /** Ends the pass early (the decoder is released with the source). */
  async close(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      await this.it.return?.();
    }
  }

  /**
   * Two buffers the probe's frames are copied into by turns (the decoder reuses its own): the probe
   * holds at most the last two frames read (`current` and `ahead`), and these are always the last two
   * pulled, so a third pull may overwrite the first. A new array per frame cost more than the copy.
   */
  private readonly turns: [Uint8Array, Uint8Array] = [new Uint8Array(0), new Uint8Array(0)];
  private turn = 0;

  /** The next decoded frame, recorded for the run; its pixels are copied (the decoder reuses its buffer). */
  private async pull(): Promise<SourceFrame | undefined> {
    if (this.ended) return undefined;
    const next = await this.it.next();
    if (next.done) {
      this.ended = true;
      return undefined;
    }
    const { tS, pixels } = next.value;
    const kept: KeptFrame = { tS, luma: smallLumaAt(pixels, this.temporalSize.width, this.temporalSize.height) };
    // The same rule as the run's: the first frame at or after each analysis time.
    const target = this.analysisTimes[this.nextTarget];
    let copy: YuvPlanes;
    if (target !== undefined && tS + 1e-6 >= target) {
      // An analysis frame keeps its own copy (the run and the early start hold it).
      copy = copyPlanes(pixels);
      kept.pixels = copy;
      this.early?.offer(this.nextTarget, this.analysisTimes.length, tS, copy);
      while (this.analysisTimes[this.nextTarget] !== undefined && tS + 1e-6 >= this.analysisTimes[this.nextTarget]!) this.nextTarget++;
    } else copy = this.copyByTurns(pixels);
    this.kept.push(kept);
    return { tS, pixels: copy };
  }

  /** The pixels copied into the next of the two turn buffers (the same values as `copyPlanes`). */
  private copyByTurns(p: YuvPlanes): YuvPlanes {
    const i = (this.turn ^= 1);
    let data = this.turns[i]!;
    if (data.length !== p.data.length) this.turns[i] = data = new Uint8Array(p.data.length);
    data.set(p.data);
    return { ...p, data, y: { ...p.y }, u: { ...p.u }, v: { ...p.v } };
  }

  /** For each time (ascending), the last frame at or before it, as a sparse read by timestamp gives. */
  private async *at(times: readonly number[]): AsyncGenerator<SourceFrame> {
    for (const t of times) {
      // Read on until the frame after the current one is past t (or the video ends).
      for (;;) {
        if (!this.ahead) {
          this.ahead = await this.pull();
          if (!this.ahead) break;
        }
        if (this.ahead.tS > t + 1e-9) break;
        this.current = this.ahead;
        this.ahead = undefined;
      }
      const shown = this.current ?? this.ahead;
      if (shown) yield shown;
    }
  }

  /** The last frame read at or before the last requested time, and the one read after it. */
  private current: SourceFrame | undefined;
  private ahead: SourceFrame | undefined;

  /** The frames after the kept ones. */
  private async *rest(): AsyncGenerator<SourceFrame> {
    try {
      while (!this.ended) {
        const next = await this.it.next();
        if (next.done) break;
        yield next.value;
      }
    } finally {
      await this.close();
    }
  }
}
