/**
 * The ffmpeg.wasm frame source: the fallback for files WebCodecs cannot decode (HEVC here, MPEG-4
 * Part 2, MS-MPEG4, Cinepak, MPEG-2; AVI, FLV and MPEG-TS containers). Frames come out already
 * scaled to the analysis size, in time chunks of bounded size, so a long or 8K file never sits in
 * memory whole; the next chunk decodes while the current one is analysed.
 */
import { CorruptInputError, throwIfAborted } from '../errors.ts';
import { fitSize } from '../frames/resample.ts';
import { FfmpegEngine, INPUT_PATH, coreAssets } from './ffmpeg/core.ts';
import { chunkSeconds, decodeArgs, errorLines, frameBytes, frameTimes, planesAt, showinfoTimes, type DecodeRange, type OutSize } from './ffmpeg/chunks.ts';
import { parseProbe, probeArgs, type ProbeJson } from './ffmpeg/probe.ts';
import type { FrameSource, OpenHint, SourceFrame, VideoInfo } from './frame-source.ts';

/** Largest frame side accepted (the same limit as the WebCodecs path). */
const MAX_SIDE = 8192;
/** A command that logs nothing for this long is taken as hung. */
const SILENCE_MS = 30_000;
/** Consecutive empty chunks after which a file whose header promises more is taken as ended. */
const MAX_EMPTY_CHUNKS = 4;
const OUT_PATH = '/frames.yuv';
const PROBE_PATH = '/probe.json';

/** Opens `blob` with ffmpeg.wasm; rejects with a typed error when it holds no decodable video. */
export async function openFfmpegSource(blob: Blob, hint: OpenHint = {}): Promise<FrameSource> {
  const engine = await FfmpegEngine.open(blob, await coreAssets(hint.decoderBaseUrl), hint.signal);
  try {
    const { log } = await engine.run('ffprobe', probeArgs(INPUT_PATH, PROBE_PATH), SILENCE_MS, hint.signal);
    const bytes = await engine.take(PROBE_PATH);
    let json: ProbeJson | undefined;
    try {
      json = bytes ? (JSON.parse(new TextDecoder().decode(bytes)) as ProbeJson) : undefined;
    } catch {
      json = undefined;
    }
    // ffprobe's exit code is not reliable in this build (-1 after a successful probe): the JSON decides.
    if (!json?.streams) {
      const why = errorLines(log.map((l) => l.message));
      throw new CorruptInputError(
        `This file is not a video any decoder here can read${why ? ` (${why})` : ''}. Check that it is a video file, or re-encode it to MP4 (H.264).`,
        'NOT_VIDEO',
      );
    }
    const { info } = parseProbe(json);
    if (info.width > MAX_SIDE || info.height > MAX_SIDE) {
      throw new CorruptInputError(
        `The video is ${info.width}x${info.height}; the analyzer accepts frames up to ${MAX_SIDE} pixels on a side. Downscale it first (for example to 3840x2160).`,
        'FRAME_TOO_LARGE',
      );
    }
    return new FfmpegSource(info, engine, decodeSize(info, hint.analysisBox ?? [960, 540]));
  } catch (err) {
    engine.dispose();
    throw err;
  }
}

/**
 * The size frames are decoded at: the analysis width for the box, and every row up to 1080 (the
 * experts that read line structure, such as interlacing, take full rows).
 */
export function decodeSize(info: Pick<VideoInfo, 'width' | 'height'>, box: readonly [number, number]): OutSize {
  const fit = fitSize(info.width, info.height, box[0], box[1]);
  return { width: fit.width, height: Math.max(fit.height, Math.min(info.height, 1080)) };
}

/** One decoded chunk: a raw buffer and the times of its frames (seconds from the file's start). */
interface Chunk {
  data: Uint8Array;
  times: number[];
  code: number;
  why: string;
}

class FfmpegSource implements FrameSource {
  constructor(
    readonly info: VideoInfo,
    private readonly engine: FfmpegEngine,
    private readonly size: OutSize,
  ) {}

  async *frames(signal?: AbortSignal): AsyncIterable<SourceFrame> {
    const span = chunkSeconds(this.size, this.info.fps);
    let start = 0;
    let lastT = -Infinity;
    let yielded = 0;
    let empty = 0;
    let pending: Promise<Chunk> | null = this.decode({ startS: 0, durationS: span }, signal);
    while (pending) {
      const chunk: Chunk = await pending;
      throwIfAborted(signal);
      if (chunk.code !== 0 && chunk.times.length === 0) {
        if (yielded === 0) throw new CorruptInputError(`No frame of the video could be decoded${chunk.why ? ` (${chunk.why})` : ''}. The file may be damaged; try re-exporting it.`);
        throw new CorruptInputError(`decoding failed after ${yielded} frames${chunk.why ? ` (${chunk.why})` : ''}`);
      }
      empty = chunk.times.length === 0 ? empty + 1 : 0;
      start += span;
      const more = empty === 0 ? start < this.info.durationS + span : start < this.info.durationS && empty < MAX_EMPTY_CHUNKS;
      pending = more ? this.decode({ startS: start, durationS: span }, signal) : null;
      for (let i = 0; i < chunk.times.length; i++) {
        const tS = chunk.times[i]!;
        if (tS <= lastT) continue;
        lastT = tS;
        yielded++;
        yield { tS, pixels: planesAt(chunk.data, i, this.size) };
        throwIfAborted(signal);
      }
    }
  }

  /**
   * Close times share one decode command (each command reopens the file and seeks), so a probe of
   * a dozen nearby frames costs a few commands, not a dozen; a far time gets its own seek.
   */
  async *framesAt(timesS: readonly number[], signal?: AbortSignal): AsyncIterable<SourceFrame> {
    const step = 1 / (this.info.fps > 0 ? this.info.fps : 30);
    const span = chunkSeconds(this.size, this.info.fps);
    let last: SourceFrame | null = null;
    let i = 0;
    while (i < timesS.length) {
      // The run of requested times that fits in one command.
      let j = i + 1;
      while (j < timesS.length && timesS[j]! - timesS[i]! <= span / 2) j++;
      const from = Math.max(0, timesS[i]! - step);
      const chunk = await this.decode({ startS: from, durationS: timesS[j - 1]! - from + 1.5 * step }, signal);
      throwIfAborted(signal);
      if (chunk.times.length === 0 && !last && chunk.code !== 0) {
        throw new CorruptInputError(`The frame at ${timesS[i]!.toFixed(2)} s could not be decoded${chunk.why ? ` (${chunk.why})` : ''}.`);
      }
      for (let k = i; k < j; k++) {
        // The frame shown at t: the last one that starts at or before it (else the first after it).
        const t = timesS[k]! + 1e-6;
        let pick = -1;
        for (let f = 0; f < chunk.times.length && chunk.times[f]! <= t; f++) pick = f;
        if (pick < 0 && chunk.times.length > 0) pick = 0;
        if (pick >= 0) last = { tS: chunk.times[pick]!, pixels: planesAt(chunk.data, pick, this.size) };
        // Past the end, the last frame stands for the requested time.
        if (last) yield last;
      }
      i = j;
    }
  }

  dispose(): void {
    this.engine.dispose();
  }

  /** Decodes one range; frame times are made absolute (the command's times start at its seek point). */
  private async decode(range: DecodeRange, signal?: AbortSignal): Promise<Chunk> {
    const { code, log } = await this.engine.run('ffmpeg', decodeArgs(INPUT_PATH, OUT_PATH, range, this.size), SILENCE_MS, signal);
    const data = (await this.engine.take(OUT_PATH)) ?? new Uint8Array(0);
    const lines = log.map((l) => l.message);
    const count = Math.floor(data.length / frameBytes(this.size));
    const times = frameTimes(showinfoTimes(lines), count, this.info.fps).map((t) => range.startS + Math.max(0, t));
    return { data, times, code, why: code === 0 ? '' : errorLines(lines) };
  }
}

