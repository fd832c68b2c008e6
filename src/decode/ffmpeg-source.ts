/**
 * The ffmpeg.wasm frame source: the fallback for files WebCodecs cannot decode (HEVC here, MPEG-4
 * Part 2, MS-MPEG4, Cinepak, MPEG-2; AVI, FLV and MPEG-TS containers). Frames come out already
 * scaled to the analysis size, in time chunks of bounded size, so a long or 8K file never sits in
 * memory whole; the next chunk decodes while the current one is analysed.
 */
import { CorruptInputError, throwIfAborted } from '../errors.ts';
import { fitSize } from '../frames/resample.ts';
import { FfmpegEngine, INPUT_PATH, coreAssets } from './ffmpeg/core.ts';
import { chunkSeconds, decodeArgs, decodeErrorLine, errorLines, frameBytes, framePath, frameTimes, pastTheEnd, planesAt, showinfoTimes, type DecodeRange, type OutSize } from './ffmpeg/chunks.ts';
import { remuxToMp4, shouldRemux } from './ffmpeg/remux.ts';
import { parseProbe, probeArgs, type ProbeJson } from './ffmpeg/probe.ts';
import type { FrameSource, OpenHint, SourceFrame, VideoInfo } from './frame-source.ts';
import { openMediabunnySource } from './mediabunny-source.ts';

/** Largest frame side accepted (the same limit as the WebCodecs path). */
const MAX_SIDE = 8192;
/** A command that logs nothing for this long is taken as hung. */
const SILENCE_MS = 30_000;
/** Requested times closer than this are read in one pass rather than with a seek each. */
const JOIN_GAP_S = 3;
/** Consecutive empty chunks after which a file whose header promises more is taken as ended. */
const MAX_EMPTY_CHUNKS = 4;
const OUT_PATTERN = '/frame-%05d.yuv';
const PROBE_PATH = '/probe.json';

/** How the ffmpeg.wasm source is opened. */
export interface FfmpegOpenMode {
  /**
   * Any damaged data the decoder reports fails the read (CORRUPT_INPUT), even where ffmpeg conceals
   * it and goes on. Set when WebCodecs already failed on the file: then only a clean decode may stand
   * in for it, and a damaged file keeps its error.
   */
  strict?: boolean;
  /**
   * Rewrap a codec the browser decodes into an MP4 for WebCodecs (see ffmpeg/remux.ts); default true.
   * Off when WebCodecs itself failed on the stream.
   */
  remux?: boolean;
}

/** Opens `blob` with ffmpeg.wasm; rejects with a typed error when it holds no decodable video. */
export async function openFfmpegSource(blob: Blob, hint: OpenHint = {}, mode: FfmpegOpenMode = {}): Promise<FrameSource> {
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
    if ((mode.remux ?? true) && shouldRemux(info.codec, blob.size)) {
      const copy = await remuxToMp4(engine, INPUT_PATH, SILENCE_MS, hint.signal);
      const opened = copy ? await openMediabunnySource(copy).catch(() => null) : null;
      if (opened) {
        engine.release();
        // The report names the file's own container, not the copy's.
        opened.info.container = info.container;
        return opened;
      }
    }
    if (info.width > MAX_SIDE || info.height > MAX_SIDE) {
      throw new CorruptInputError(
        `The video is ${info.width}x${info.height}; the analyzer accepts frames up to ${MAX_SIDE} pixels on a side. Downscale it first (for example to 3840x2160).`,
        'FRAME_TOO_LARGE',
      );
    }
    return new FfmpegSource(info, engine, decodeSize(info, hint.analysisBox ?? [960, 540]), mode.strict ?? false);
  } catch (err) {
    engine.release(); // a no-op when a timeout or cancel already stopped it
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

/** One decoded chunk: raw frames and their times (seconds from the file's start). */
interface Chunk {
  data: Uint8Array[];
  times: number[];
  code: number;
  why: string;
  /** The first line in which the decoder reports damaged data; '' for a clean decode. */
  damage: string;
}

class FfmpegSource implements FrameSource {
  /** Decode commands started and not yet read back. */
  private running = 0;

  constructor(
    readonly info: VideoInfo,
    private readonly engine: FfmpegEngine,
    private readonly size: OutSize,
    /** Damaged data fails the read (see {@link FfmpegOpenMode.strict}). */
    private readonly strict: boolean,
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
      if (chunk.times.length === 0 && pastTheEnd(start, this.info.durationS, yielded)) break;
      if (this.strict && chunk.damage) {
        throw new CorruptInputError(`decoding failed after ${yielded} frames (${chunk.damage})`);
      }
      if (chunk.code !== 0 && chunk.times.length === 0) {
        if (yielded === 0) throw new CorruptInputError(`No frame of the video could be decoded${chunk.why ? ` (${chunk.why})` : ''}. The file may be damaged; try re-exporting it.`);
        throw new CorruptInputError(`decoding failed after ${yielded} frames${chunk.why ? ` (${chunk.why})` : ''}`);
      }
      empty = chunk.times.length === 0 ? empty + 1 : 0;
      start += span;
      const more = empty === 0 ? start < this.info.durationS + span : start < this.info.durationS && empty < MAX_EMPTY_CHUNKS;
      pending = more ? this.decode({ startS: start, durationS: span }, signal) : null;
      // A consumer that stops early leaves this prefetch unread; its failure must not go unhandled.
      pending?.catch(() => undefined);
      for (let i = 0; i < chunk.times.length; i++) {
        const tS = chunk.times[i]!;
        if (tS <= lastT) continue;
        lastT = tS;
        yielded++;
        yield { tS, pixels: planesAt(chunk.data[i]!, 0, this.size) };
        throwIfAborted(signal);
      }
    }
  }

  /**
   * Times less than {@link JOIN_GAP_S} apart share one decode command (each command reopens the file
   * and seeks back to a keyframe), and only the frames around each time are scaled and written: a
   * probe of a dozen frames in a short clip is one pass, in a long film one seek per time.
   */
  async *framesAt(timesS: readonly number[], signal?: AbortSignal): AsyncIterable<SourceFrame> {
    const step = 1 / (this.info.fps > 0 ? this.info.fps : 30);
    let last: SourceFrame | null = null;
    let i = 0;
    while (i < timesS.length) {
      let j = i + 1;
      while (j < timesS.length && timesS[j]! - timesS[j - 1]! <= JOIN_GAP_S) j++;
      // Start 1 ms before a frame's time: ffmpeg times the output from the first frame it keeps, so a
      // start between two frames would read every time up to one frame early.
      const from = Math.max(0, (Math.floor(timesS[i]! / step + 1e-6) - 2) * step - 1e-3);
      const only = timesS.slice(i, j).map((t) => [Math.max(0, t - from - 1.5 * step), t - from + 1.5 * step] as const);
      const chunk = await this.decode({ startS: from, durationS: timesS[j - 1]! - from + 2 * step, only }, signal);
      throwIfAborted(signal);
      if (this.strict && chunk.damage) {
        throw new CorruptInputError(`The frame at ${timesS[i]!.toFixed(2)} s could not be decoded (${chunk.damage}).`);
      }
      if (chunk.times.length === 0 && !last && chunk.code !== 0) {
        throw new CorruptInputError(`The frame at ${timesS[i]!.toFixed(2)} s could not be decoded${chunk.why ? ` (${chunk.why})` : ''}.`);
      }
      for (let k = i; k < j; k++) {
        // The frame shown at t: the last one that starts at or before it (else the first after it).
        const t = timesS[k]! + 1e-6;
        let pick = -1;
        for (let f = 0; f < chunk.times.length && chunk.times[f]! <= t; f++) pick = f;
        if (pick < 0 && chunk.times.length > 0) pick = chunk.times.findIndex((ft) => ft > t);
        if (pick >= 0) last = { tS: chunk.times[pick]!, pixels: planesAt(chunk.data[pick]!, 0, this.size) };
        // Past the end, the last frame stands for the requested time.
        if (last) yield last;
      }
      i = j;
    }
  }

  /** Keeps the loaded core for the next file unless a command is still running (then stops it). */
  dispose(): void {
    if (this.running > 0) this.engine.dispose();
    else this.engine.release();
  }

  /** Decodes one range; frame times are made absolute (the command's times start at its seek point). */
  private async decode(range: DecodeRange, signal?: AbortSignal): Promise<Chunk> {
    this.running++;
    try {
      return await this.decodeNow(range, signal);
    } finally {
      this.running--;
    }
  }

  private async decodeNow(range: DecodeRange, signal?: AbortSignal): Promise<Chunk> {
    const scale = this.size.width !== this.info.width || this.size.height !== this.info.height;
    const { code, log } = await this.engine.run('ffmpeg', decodeArgs(INPUT_PATH, OUT_PATTERN, range, this.size, scale), SILENCE_MS, signal);
    const data: Uint8Array[] = [];
    const bytes = frameBytes(this.size);
    for (let i = 0; ; i++) {
      const frame = await this.engine.take(framePath(OUT_PATTERN, i));
      if (!frame) break;
      if (frame.length === bytes) data.push(frame);
    }
    const lines = log.map((l) => l.message);
    const times = frameTimes(showinfoTimes(lines), data.length, this.info.fps).map((t) => range.startS + Math.max(0, t));
    return { data, times, code, why: code === 0 ? '' : errorLines(lines), damage: decodeErrorLine(lines) };
  }
}

