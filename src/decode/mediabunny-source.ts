/**
 * The WebCodecs frame source: opens a video with mediabunny and decodes it with the browser's
 * WebCodecs decoder, mapping every failure to a typed error with a sentence a user can act on.
 */
import { ALL_FORMATS, BlobSource, EncodedPacketSink, Input, UnsupportedInputFormatError, VideoSampleSink, type InputVideoTrack, type VideoSample } from 'mediabunny';
import { CorruptInputError, QRouterError, throwIfAborted, UnsupportedCodecError } from '../errors.ts';
import { FramePixelReader } from '../frames/frame-pixels.ts';
import type { FrameSource, SourceFrame, VideoInfo } from './frame-source.ts';
import { PlaneRotator, type Rotation } from './rotate.ts';
import { encoderSei, primingPacketSink } from './sei-prime.ts';
import { avcLengthSize, isDisposableAvc, skippingPacketSink } from './skip-packets.ts';

/**
 * Packets read to measure the frame rate. A damaged sample table can claim millions of packets
 * (seen in fuzzing: 1.4 million in a 4-second clip, a minute to walk), so the count past this is
 * estimated from the rate and the duration.
 */
const STATS_PACKETS = 5000;

/**
 * The browser's decoder rejected the stream while frames were read (a `VideoDecoder` error), as
 * opposed to a container or index that could not be read. Another decoder may still read the file
 * (see fallback-source.ts); the message is the one the user sees when none can.
 */
export class WebCodecsDecodeError extends CorruptInputError {
  constructor(message: string) {
    super(message);
    this.name = 'CorruptInputError'; // what crosses postMessage: to the user it is a damaged file
  }
}

/** Largest frame side the analyzer accepts (8K). */
export const MAX_FRAME_SIDE = 8192;

/** Opens the video track of a file with mediabunny and checks that WebCodecs can decode it. */
export async function openMediabunnySource(blob: Blob): Promise<FrameSource> {
  if (blob.size === 0) {
    throw new CorruptInputError('The file is empty (0 bytes). Choose a video file that finished copying or downloading.', 'EMPTY_INPUT');
  }
  const input = new Input({ source: new BlobSource(blob), formats: ALL_FORMATS });
  let track: InputVideoTrack | null;
  let container: string;
  try {
    container = (await input.getFormat()).name;
    track = await input.getPrimaryVideoTrack();
  } catch (err) {
    input.dispose();
    if (err instanceof UnsupportedInputFormatError) {
      throw new CorruptInputError(
        'This file is not a video in a format the analyzer can read (MP4, MOV, WebM, MKV, MPEG-TS, Ogg). Check that it is a video file, or re-encode it to MP4.',
        'NOT_VIDEO',
      );
    }
    throw new CorruptInputError(`The file could not be read as a video: ${messageOf(err)}. It may be damaged or truncated; try re-exporting it.`);
  }
  if (!track) {
    const anyTrack = (await input.getTracks().catch(() => [])).length > 0;
    input.dispose();
    if (anyTrack) throw new CorruptInputError('The file has no video track (it may be audio only). Choose a file that contains video.', 'NOT_VIDEO');
    throw new CorruptInputError(
      `The ${container} file has no readable tracks: it is probably truncated (an unfinished download or copy) or damaged. Copy or export it again and retry.`,
    );
  }
  try {
    return await describe(input, track, container);
  } catch (err) {
    input.dispose();
    if (err instanceof QRouterError) throw err;
    // A damaged track header (say, an AVC description cut short) fails inside mediabunny.
    throw new CorruptInputError(`The video track's header could not be read (${messageOf(err)}). The file is probably damaged; try re-exporting it.`);
  }
}

async function describe(input: Input, track: InputVideoTrack, container: string): Promise<FrameSource> {
  const codecString = (await track.getCodecParameterString()) ?? track.codec ?? 'unknown';
  const width = track.displayWidth;
  const height = track.displayHeight;
  if (width > MAX_FRAME_SIDE || height > MAX_FRAME_SIDE) {
    throw new CorruptInputError(
      `The video is ${width}x${height}; the analyzer accepts frames up to ${MAX_FRAME_SIDE} pixels on a side. Downscale it first (for example to 3840x2160).`,
      'FRAME_TOO_LARGE',
    );
  }
  if (!(await track.canDecode())) {
    throw new UnsupportedCodecError(
      `This browser cannot decode the video codec "${codecString}" (${track.codec ?? 'unknown codec'}). Re-encode the video to H.264, VP9 or AV1, or use a browser with support for this codec.`,
    );
  }
  let stats: { packetCount: number; averagePacketRate: number };
  let durationS: number;
  let firstTimestampS: number;
  try {
    stats = await track.computePacketStats(STATS_PACKETS);
    durationS = await track.computeDuration();
    firstTimestampS = await track.getFirstTimestamp();
  } catch (err) {
    throw new CorruptInputError(`The video's index could not be read: ${messageOf(err)}. The file may be truncated; try re-exporting it.`);
  }
  if (stats.packetCount === 0) {
    throw new CorruptInputError('The video track contains no frames. The file may be truncated; try re-exporting it.');
  }
  const info: VideoInfo = {
    container: container.toLowerCase(),
    codec: codecString,
    width,
    height,
    durationS: Math.max(0, durationS - firstTimestampS),
    fps: stats.averagePacketRate,
    frameCount: stats.packetCount < STATS_PACKETS ? stats.packetCount : Math.max(stats.packetCount, Math.round(stats.averagePacketRate * Math.max(0, durationS - firstTimestampS))),
    decoder: 'webcodecs',
  };
  // H.264 in MP4 tells which frames nothing refers to; sparse reads leave those out (skip-packets.ts).
  const config = track.codec === 'avc' ? await track.getDecoderConfig().catch(() => null) : null;
  const lengthSize = avcLengthSize(config?.description as ArrayBuffer | ArrayBufferView | undefined);
  return new MediabunnySource(info, track, new EncodedPacketSink(track), firstTimestampS, () => input.dispose(), track.rotation, lengthSize);
}

/** Frames from a mediabunny sample sink, copied into planes as each sample is closed. */
class MediabunnySource implements FrameSource {
  private readonly reader = new FramePixelReader();
  /** Frames come as coded; the track's rotation turns them upright (info has the display size). */
  private readonly rotator: PlaneRotator;
  private readonly sink: VideoSampleSink;

  constructor(
    readonly info: VideoInfo,
    private readonly track: InputVideoTrack,
    private readonly packets: EncodedPacketSink,
    private readonly firstTimestampS: number,
    readonly dispose: () => void,
    rotation: Rotation,
    /** AVCC NAL length size when non-reference frames can be told apart (H.264 in MP4), else undefined. */
    private readonly avcLength?: number,
  ) {
    this.rotator = new PlaneRotator(rotation);
    this.sink = new VideoSampleSink(track);
  }

  frames(signal?: AbortSignal): AsyncIterable<SourceFrame> {
    return this.copied(this.sink.samples(), signal);
  }

  framesAt(timesS: readonly number[], signal?: AbortSignal): AsyncIterable<SourceFrame> {
    return this.copied(this.sparse(timesS.map((t) => t + this.firstTimestampS)), signal);
  }

  /**
   * The samples shown at these times. With H.264 in MP4 the decoder is fed only the packets the asked
   * frames need: a non-reference packet that is not one of them is passed over.
   */
  private async *sparse(times: number[]): AsyncGenerator<VideoSample | null> {
    const lengthSize = this.avcLength;
    const internal = VideoSampleSink.prototype as unknown as { _createPacketSink?: unknown };
    if (lengthSize === undefined || typeof internal._createPacketSink !== 'function') {
      yield* this.sink.samplesAtTimestamps(times);
      return;
    }
    // The packet of each asked frame, as the sample sink itself finds it (the last one shown at or before the time).
    const wanted = new Set<number>();
    for (const t of times) {
      const p = await this.packets.getPacket(t, { metadataOnly: true });
      if (p) wanted.add(p.sequenceNumber);
    }
    const sink = new VideoSampleSink(this.track);
    let packets = skippingPacketSink(new EncodedPacketSink(this.track), wanted, (p) => isDisposableAvc(p.data, lengthSize));
    // A read that starts at a later keyframe gets the encoder's SEI of the first frame (sei-prime.ts).
    const first = await this.packets.getFirstPacket();
    const sei = first ? encoderSei(first.data, lengthSize) : new Uint8Array(0);
    if (first && sei.length > 0) packets = primingPacketSink(packets, sei, first.sequenceNumber);
    // mediabunny reads packets through this (internal) factory; when it is missing, nothing is skipped.
    (sink as unknown as { _createPacketSink: () => EncodedPacketSink })._createPacketSink = () => packets;
    yield* sink.samplesAtTimestamps(times);
  }

  /** Copies each sample; a decoder failure becomes a CorruptInputError saying how far it got. */
  /** Key-packet times from the container's index (packet metadata only, nothing decoded). */
  async keyTimes(limit: number): Promise<number[]> {
    const times: number[] = [];
    let p = await this.packets.getKeyPacket(this.firstTimestampS, { metadataOnly: true });
    while (p && times.length < limit) {
      times.push(Math.max(0, p.timestamp - this.firstTimestampS));
      p = await this.packets.getNextKeyPacket(p, { metadataOnly: true });
    }
    return times;
  }

  private async *copied(samples: AsyncIterable<VideoSample | null>, signal?: AbortSignal): AsyncGenerator<SourceFrame> {
    let count = 0;
    let lastT = 0;
    try {
      for await (const frame of this.read(samples, signal)) {
        count++;
        lastT = frame.tS;
        yield frame;
      }
    } catch (err) {
      if (err instanceof QRouterError) throw err;
      if (count === 0) throw new WebCodecsDecodeError(`No frame of the video could be decoded (${messageOf(err)}). The file may be damaged; try re-exporting it.`);
      throw new WebCodecsDecodeError(`The video is damaged after ${lastT.toFixed(2)} s (${messageOf(err)}); ${count} frames were readable. Re-export or repair the file and try again.`);
    }
  }

  private async *read(samples: AsyncIterable<VideoSample | null>, signal?: AbortSignal): AsyncGenerator<SourceFrame> {
    for await (const sample of samples) {
      if (!sample) continue;
      let pixels;
      const tS = Math.max(0, sample.timestamp - this.firstTimestampS);
      try {
        pixels = this.rotator.apply(await this.reader.read(sample));
      } finally {
        sample.close();
      }
      throwIfAborted(signal);
      yield { tS, pixels };
    }
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
