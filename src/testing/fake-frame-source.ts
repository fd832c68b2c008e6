/**
 * A synthetic `FrameSource` for pipeline tests: a textured picture panning a few pixels a frame, with
 * an optional held span (a freeze). It counts what the pipeline asked of it, so tests can check that a
 * tier read only the frames it needed.
 */
import type { FrameSource, SourceFrame, VideoInfo } from '../decode/frame-source.ts';
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import { seededRandom } from '../util/seeded-random.ts';

/** How the fake video looks. */
export interface FakeVideo {
  width: number;
  height: number;
  fps: number;
  frames: number;
  /** Frames [from, to) repeat frame `from` (a held picture). */
  hold?: [number, number];
  /** Pixels the picture moves per frame. */
  panPx?: number;
  /** A keyframe every this many frames, indexed by `keyTimes` (no `keyTimes` when absent). */
  keyEvery?: number;
}

/** A fake source and the counts of what was read from it. */
export interface FakeSource extends FrameSource {
  reads: { sequential: number; sparse: number };
}

/** Makes the fake video. */
export function fakeFrameSource(v: FakeVideo): FakeSource {
  const rand = seededRandom(7);
  const texW = v.width + (v.panPx ?? 2) * v.frames + 8;
  const texture = new Uint8Array(texW * v.height);
  for (let y = 0; y < v.height; y++)
    for (let x = 0; x < texW; x++) {
      const t = 128 + 50 * Math.sin(x / 7) * Math.cos(y / 11) + 30 * Math.sin((x + 2 * y) / 23) + 20 * (rand() - 0.5);
      texture[y * texW + x] = Math.max(16, Math.min(235, Math.round(t)));
    }
  const cw = Math.ceil(v.width / 2);
  const ch = Math.ceil(v.height / 2);
  const frameAt = (i: number): SourceFrame => {
    const shown = v.hold && i >= v.hold[0] && i < v.hold[1] ? v.hold[0] : i;
    const data = new Uint8Array(v.width * v.height + 2 * cw * ch).fill(128);
    const dx = shown * (v.panPx ?? 2);
    for (let y = 0; y < v.height; y++) data.set(texture.subarray(y * texW + dx, y * texW + dx + v.width), y * v.width);
    const pixels: YuvPlanes = {
      fullRange: false,
      width: v.width,
      height: v.height,
      data,
      y: { offset: 0, stride: v.width },
      u: { offset: v.width * v.height, stride: cw, width: cw, height: ch },
      v: { offset: v.width * v.height + cw * ch, stride: cw, width: cw, height: ch },
    };
    return { tS: i / v.fps, pixels };
  };
  const info: VideoInfo = { container: 'mp4', codec: 'fake', width: v.width, height: v.height, durationS: v.frames / v.fps, fps: v.fps, frameCount: v.frames, decoder: 'webcodecs' };
  const reads = { sequential: 0, sparse: 0 };
  return {
    info,
    reads,
    async *frames() {
      for (let i = 0; i < v.frames; i++) {
        reads.sequential++;
        yield frameAt(i);
      }
    },
    async *framesAt(times) {
      for (const t of times) {
        reads.sparse++;
        yield frameAt(Math.min(v.frames - 1, Math.max(0, Math.floor(t * v.fps + 1e-6))));
      }
    },
    keyTimes: v.keyEvery
      ? async (limit: number) => Array.from({ length: Math.min(limit, Math.ceil(v.frames / v.keyEvery!)) }, (_, k) => (k * v.keyEvery!) / v.fps)
      : undefined,
    dispose: () => undefined,
  };
}
