import { describe, expect, it } from 'vitest';
import { CorruptInputError } from '../errors.ts';
import type { FrameSource, SourceFrame, VideoInfo } from './frame-source.ts';
import { withDecodeFallback } from './fallback-source.ts';
import { WebCodecsDecodeError } from './mediabunny-source.ts';

const info = (decoder: VideoInfo['decoder']): VideoInfo => ({ container: 'mp4', codec: 'avc1', width: 4, height: 4, durationS: 1, fps: 10, frameCount: 10, decoder });
const frame = (tS: number) => ({ tS }) as SourceFrame;

/** A source whose reads yield `times` and then, when given, throw `fail`. */
function fake(decoder: VideoInfo['decoder'], times: number[], fail?: Error): FrameSource & { disposed: number; asked: number[][] } {
  const src = {
    info: info(decoder),
    disposed: 0,
    asked: [] as number[][],
    async *frames() {
      for (const t of times) yield frame(t);
      if (fail) throw fail;
    },
    async *framesAt(ts: readonly number[]) {
      src.asked.push([...ts]);
      for (const t of ts.filter((x) => times.includes(x))) yield frame(t);
      if (fail) throw fail;
    },
    dispose() {
      src.disposed++;
    },
  };
  return src;
}

async function collect(it: AsyncIterable<SourceFrame>): Promise<number[]> {
  const out: number[] = [];
  for await (const f of it) out.push(f.tS);
  return out;
}

describe('decode fallback', () => {
  it('goes on with the stand-in after a WebCodecs decode failure, without repeating frames', async () => {
    const first = fake('webcodecs', [0, 0.1], new WebCodecsDecodeError('Decoding error.'));
    const second = fake('ffmpeg.wasm', [0, 0.1, 0.2, 0.3]);
    const src = withDecodeFallback(first, async () => second);
    expect(await collect(src.frames())).toEqual([0, 0.1, 0.2, 0.3]);
    expect(first.disposed).toBe(1);
    expect(src.info.decoder).toBe('ffmpeg.wasm');
  });

  it('asks the stand-in only for the times not yet read', async () => {
    const first = fake('webcodecs', [0], new WebCodecsDecodeError('Decoding error.'));
    const second = fake('ffmpeg.wasm', [0, 0.5, 0.9]);
    const src = withDecodeFallback(first, async () => second);
    expect(await collect(src.framesAt([0, 0.5, 0.9]))).toEqual([0, 0.5, 0.9]);
    expect(second.asked).toEqual([[0.5, 0.9]]);
  });

  it('keeps the first decoder error when the stand-in finds the file damaged too, or cannot open', async () => {
    const original = new WebCodecsDecodeError('The video is damaged after 0.10 s');
    const damaged = withDecodeFallback(fake('webcodecs', [0, 0.1], original), async () => fake('ffmpeg.wasm', [], new CorruptInputError('decoding failed')));
    await expect(collect(damaged.frames())).rejects.toBe(original);
    const unopened = withDecodeFallback(fake('webcodecs', [0], original), async () => {
      throw new CorruptInputError('no');
    });
    await expect(collect(unopened.frames())).rejects.toBe(original);
  });

  it('does not switch on other errors', async () => {
    const other = new CorruptInputError('index unreadable');
    let opened = 0;
    const src = withDecodeFallback(fake('webcodecs', [0], other), async () => {
      opened++;
      return fake('ffmpeg.wasm', [0]);
    });
    await expect(collect(src.frames())).rejects.toBe(other);
    expect(opened).toBe(0);
  });
});
