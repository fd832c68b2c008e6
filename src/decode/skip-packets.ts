/**
 * Sparse reads decode less: a frame nothing else is predicted from (an H.264 picture whose slices all
 * have `nal_ref_idc` 0, the usual non-reference B-frames) can be left out of the decoder when it is not
 * one of the frames asked for; every frame asked for decodes exactly as before. x264's defaults make
 * about half the frames of a stream such pictures, so reaching a time far from its keyframe costs
 * about half the decoding. Runs in the analysis worker, beside the mediabunny source.
 */
import type { EncodedPacket, EncodedPacketSink } from 'mediabunny';

/** NAL unit types of coded slices (non-IDR and IDR). */
const SLICE = 1;
const IDR_SLICE = 5;

/**
 * The byte length of the NAL size prefix in an AVCC (MP4-style) H.264 stream, from its decoder
 * configuration record; undefined when there is none (an Annex B stream, which is not skipped).
 */
export function avcLengthSize(description: ArrayBuffer | ArrayBufferView | undefined): number | undefined {
  if (!description) return undefined;
  const bytes = ArrayBuffer.isView(description) ? new Uint8Array(description.buffer, description.byteOffset, description.byteLength) : new Uint8Array(description);
  // configurationVersion 1, then profile, compatibility, level, then 6 reserved bits and lengthSizeMinusOne.
  if (bytes.length < 7 || bytes[0] !== 1) return undefined;
  return (bytes[4]! & 3) + 1;
}

/**
 * True when an AVCC packet carries coded slices and every one of them has `nal_ref_idc` 0: no other
 * picture refers to it. A packet that cannot be parsed is never called disposable.
 */
export function isDisposableAvc(data: Uint8Array, lengthSize: number): boolean {
  let slices = 0;
  let at = 0;
  while (at + lengthSize <= data.length) {
    let size = 0;
    for (let k = 0; k < lengthSize; k++) size = size * 256 + data[at + k]!;
    at += lengthSize;
    if (size === 0 || at + size > data.length) return false;
    const header = data[at]!;
    const type = header & 0x1f;
    if (type === SLICE || type === IDR_SLICE) {
      if ((header >> 5) & 3) return false;
      slices++;
    }
    at += size;
  }
  return slices > 0 && at === data.length;
}

/**
 * A packet sink that hands out the same packets as `inner`, except that `getNextPacket` passes over
 * the disposable ones whose sequence number is not in `wanted` (the packets of the frames asked for).
 * The rest of the sink is `inner`'s own.
 */
export function skippingPacketSink(inner: EncodedPacketSink, wanted: ReadonlySet<number>, disposable: (p: EncodedPacket) => boolean): EncodedPacketSink {
  const sink = Object.create(inner) as EncodedPacketSink;
  sink.getNextPacket = async (packet, options) => {
    let next = await inner.getNextPacket(packet, options);
    while (next && !wanted.has(next.sequenceNumber) && next.data.length > 0 && disposable(next)) next = await inner.getNextPacket(next, options);
    return next;
  };
  return sink;
}
