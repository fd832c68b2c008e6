/**
 * The decoder contract every stage reads frames through. A `FrameSource` hands out frames whose
 * pixels are already copied out of the decoder (the decoder's frame is closed before the consumer
 * sees it), with presentation times starting at zero. Implementations: mediabunny over WebCodecs
 * (`mediabunny-source.ts`); others (ffmpeg.wasm) plug in behind `openFrameSource` in `open.ts`.
 */
import type { YuvPlanes } from '../frames/frame-pixels.ts';
import type { ReportInput } from '../report/types.ts';

/** Which decoder produced the frames. */
export type DecoderName = ReportInput['decoder'];

/**
 * What the container says about the video before decoding: the report's input facts (with
 * `frameCount` the packet count the container indexes) and the decoder that will run.
 */
export type VideoInfo = Pick<ReportInput, 'container' | 'codec' | 'width' | 'height' | 'durationS' | 'fps' | 'frameCount' | 'decoder'>;

/** One decoded frame: its time from the first frame and its copied planes. */
export interface SourceFrame {
  /** Presentation time in seconds, the first frame at 0. */
  tS: number;
  /**
   * 8-bit planes. The buffer may be reused for the next frame: a consumer that keeps pixels past
   * its next call into the iterator copies them.
   */
  pixels: YuvPlanes;
}

/** A decodable video. */
export interface FrameSource {
  readonly info: VideoInfo;
  /** Every frame in presentation order. */
  frames(signal?: AbortSignal): AsyncIterable<SourceFrame>;
  /**
   * The frames shown at these times (seconds from the first frame, ascending), reading only what
   * they need; one frame per requested time (the same frame may repeat for close times).
   */
  framesAt(timesS: readonly number[], signal?: AbortSignal): AsyncIterable<SourceFrame>;
  /**
   * Times (seconds from the first frame) of the frames decoding can start at, when the container
   * indexes them cheaply; a reader that wants a few frames fast picks these. Optional.
   */
  keyTimes?(limit: number): Promise<number[]>;
  /** Releases the decoder and the file. */
  dispose(): void;
}

/** What the caller knows before opening a file; every field is optional. */
export interface OpenHint {
  /**
   * Box the analysis frames are fitted into (the tier's analysis size). A decoder that can scale
   * (ffmpeg.wasm) delivers frames no larger than needed; WebCodecs ignores it.
   */
  analysisBox?: readonly [number, number];
  /** Folder that serves the ffmpeg.wasm core (`ffmpeg-core.js`, `ffmpeg-core.wasm`); default: the build's own copy. */
  decoderBaseUrl?: string;
  /** Stops opening (loading a decoder can take a moment). */
  signal?: AbortSignal;
}
