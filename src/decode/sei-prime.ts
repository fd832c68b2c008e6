/**
 * Sparse reads of H.264 that start at a later keyframe tell the decoder who encoded the stream. x264
 * writes its version only in an SEI message (user data, unregistered) of the first frame, and the
 * FFmpeg H.264 decoder (inside Chromium's WebCodecs and ffmpeg.wasm alike) uses that version to undo
 * known bugs of old x264 builds: x264 before build 151 wrote 4:4:4 streams with 8x8 transforms that
 * only decode right with the workaround on. A read that starts at a later IDR frame never sees the
 * message, so the decoder parses such a stream as a conforming one and fails ("A non-intra slice in an
 * IDR NAL unit", then "Decoding error."). Here that SEI message is put in front of each keyframe a read
 * starts at, as if the stream had repeated it. Runs in the analysis worker, beside the mediabunny source.
 */
import { concatBytes } from '../util/concat-bytes.ts';
import type { EncodedPacket, EncodedPacketSink, PacketRetrievalOptions } from 'mediabunny';

const SEI = 6;
/** SEI payload type of user data with a UUID (x264 and other encoders name themselves in it). */
const USER_DATA_UNREGISTERED = 5;

/**
 * The SEI NAL units of an AVCC packet whose first message is unregistered user data, each with its
 * length prefix, ready to be put in front of another packet; empty when there is none.
 */
export function encoderSei(data: Uint8Array, lengthSize: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  while (at + lengthSize <= data.length) {
    let size = 0;
    for (let k = 0; k < lengthSize; k++) size = size * 256 + data[at + k]!;
    const end = at + lengthSize + size;
    if (size === 0 || end > data.length) break;
    const nal = data.subarray(at + lengthSize, end);
    if ((nal[0]! & 0x1f) === SEI && seiPayloadType(nal) === USER_DATA_UNREGISTERED) parts.push(data.subarray(at, end));
    at = end;
  }
  return concatBytes(parts);
}

/** The type of the first message of an SEI NAL unit (after its one-byte header). */
function seiPayloadType(nal: Uint8Array): number {
  let type = 0;
  let i = 1;
  while (i < nal.length && nal[i] === 0xff) type += nal[i++]!;
  return i < nal.length ? type + nal[i]! : -1;
}

/**
 * A packet sink that hands out `inner`'s packets, with `prefix` put in front of every key packet but
 * the stream's first (`firstSequence`, which carries it already). Packets read for their metadata
 * only are left as they are.
 */
export function primingPacketSink(inner: EncodedPacketSink, prefix: Uint8Array, firstSequence: number): EncodedPacketSink {
  const sink = Object.create(inner) as EncodedPacketSink;
  // The sink only steps on from packets it made itself: a primed copy is mapped back to its original.
  const originals = new WeakMap<EncodedPacket, EncodedPacket>();
  const prime = (p: EncodedPacket | null): EncodedPacket | null => {
    if (!p || p.type !== 'key' || p.sequenceNumber === firstSequence || p.isMetadataOnly || p.data.length === 0) return p;
    const data = new Uint8Array(prefix.length + p.data.length);
    data.set(prefix);
    data.set(p.data, prefix.length);
    const copy = p.clone({ data });
    originals.set(copy, p);
    return copy;
  };
  const original = (p: EncodedPacket) => originals.get(p) ?? p;
  sink.getFirstPacket = async (o?: PacketRetrievalOptions) => prime(await inner.getFirstPacket(o));
  sink.getPacket = async (t: number, o?: PacketRetrievalOptions) => prime(await inner.getPacket(t, o));
  sink.getKeyPacket = async (t: number, o?: PacketRetrievalOptions) => prime(await inner.getKeyPacket(t, o));
  sink.getNextPacket = async (p: EncodedPacket, o?: PacketRetrievalOptions) => prime(await inner.getNextPacket(original(p), o));
  sink.getNextKeyPacket = async (p: EncodedPacket, o?: PacketRetrievalOptions) => prime(await inner.getNextKeyPacket(original(p), o));
  return sink;
}
