import { describe, expect, it } from 'vitest';
import type { EncodedPacket, EncodedPacketSink } from 'mediabunny';
import { avcLengthSize, isDisposableAvc, skippingPacketSink } from './skip-packets.ts';

/** An AVCC packet of NAL units given as [nal_ref_idc, nal_unit_type, payload bytes]. */
function avcc(nals: [number, number, number][], lengthSize = 4): Uint8Array {
  const parts: number[] = [];
  for (const [ref, type, payload] of nals) {
    const size = 1 + payload;
    for (let k = lengthSize - 1; k >= 0; k--) parts.push((size >> (8 * k)) & 0xff);
    parts.push((ref << 5) | type, ...Array.from({ length: payload }, (_, i) => (i * 37) & 0xff));
  }
  return new Uint8Array(parts);
}

describe('non-reference H.264 packets', () => {
  it('reads the NAL length size from the decoder configuration record', () => {
    expect(avcLengthSize(new Uint8Array([1, 100, 0, 31, 0xff, 0xe1, 0]))).toBe(4);
    expect(avcLengthSize(new Uint8Array([1, 100, 0, 31, 0xfd, 0xe1, 0]))).toBe(2);
    expect(avcLengthSize(undefined)).toBeUndefined();
    expect(avcLengthSize(new Uint8Array([0, 0, 0, 1, 0x67]))).toBeUndefined();
  });

  it('calls a packet disposable only when every slice has nal_ref_idc 0', () => {
    expect(isDisposableAvc(avcc([[0, 6, 5], [0, 1, 40]]), 4)).toBe(true); // SEI + non-reference slice
    expect(isDisposableAvc(avcc([[2, 1, 40]]), 4)).toBe(false); // reference P/B slice
    expect(isDisposableAvc(avcc([[3, 5, 40]]), 4)).toBe(false); // IDR
    expect(isDisposableAvc(avcc([[0, 1, 20], [2, 1, 20]]), 4)).toBe(false); // one slice referenced
    expect(isDisposableAvc(avcc([[0, 6, 5]]), 4)).toBe(false); // no slice at all
    expect(isDisposableAvc(avcc([[0, 1, 30]], 2), 2)).toBe(true);
    // A damaged packet (a NAL running past the end) is kept.
    expect(isDisposableAvc(avcc([[0, 1, 40]]).subarray(0, 20), 4)).toBe(false);
  });

  it('passes over disposable packets that were not asked for, and only those', async () => {
    // Decode order I P B B P B B: the B-frames at 2 and 5 are non-reference, 3 and 6 are not.
    const refs = [3, 2, 0, 2, 2, 0, 2];
    const packets = refs.map((ref, i) => ({ sequenceNumber: i, data: avcc([[ref, i === 0 ? 5 : 1, 10]]) }) as unknown as EncodedPacket);
    const inner = {
      getNextPacket: async (p: EncodedPacket) => packets[p.sequenceNumber + 1] ?? null,
      getPacket: async () => packets[0]!,
    } as unknown as EncodedPacketSink;
    const sink = skippingPacketSink(inner, new Set([5]), (p) => isDisposableAvc(p.data, 4));
    const order: number[] = [0];
    for (let p = await sink.getNextPacket(packets[0]!); p; p = await sink.getNextPacket(p)) order.push(p.sequenceNumber);
    expect(order).toEqual([0, 1, 3, 4, 5, 6]);
    // Everything else is the inner sink's.
    expect(await sink.getPacket(0)).toBe(packets[0]);
  });
});
