import { describe, expect, it } from 'vitest';
import type { EncodedPacket, EncodedPacketSink } from 'mediabunny';
import { encoderSei, primingPacketSink } from './sei-prime.ts';

/** An AVCC packet (4-byte lengths) of these NAL units. */
function avcc(...nals: number[][]): Uint8Array {
  const out: number[] = [];
  for (const n of nals) out.push((n.length >>> 24) & 255, (n.length >>> 16) & 255, (n.length >>> 8) & 255, n.length & 255, ...n);
  return new Uint8Array(out);
}

const USER_SEI = [0x06, 0x05, 0x03, 0xaa, 0xbb, 0xcc, 0x80]; // SEI, payload type 5 (user data), 3 bytes
const TIMING_SEI = [0x06, 0x01, 0x01, 0x00, 0x80]; // SEI, payload type 1 (picture timing)
const IDR = [0x65, 0x88, 0x84];
const NON_IDR = [0x41, 0x9a, 0x00];

describe('encoder SEI priming', () => {
  it('takes only the user-data SEI units of a packet, with their length prefixes', () => {
    const sei = encoderSei(avcc(TIMING_SEI, USER_SEI, IDR), 4);
    expect([...sei]).toEqual([...avcc(USER_SEI)]);
    expect(encoderSei(avcc(TIMING_SEI, IDR), 4).length).toBe(0);
    // A length running past the packet stops the walk instead of reading beyond it.
    expect(encoderSei(new Uint8Array([0, 0, 0, 9, 0x06, 0x05]), 4).length).toBe(0);
  });

  it('puts the SEI in front of later key packets only, and steps on from the originals', async () => {
    const packet = (seq: number, type: 'key' | 'delta', data: Uint8Array) =>
      ({ sequenceNumber: seq, type, data, isMetadataOnly: false, clone: ({ data: d }: { data: Uint8Array }) => packet(seq, type, d) }) as unknown as EncodedPacket;
    const packets = [packet(0, 'key', avcc(USER_SEI, IDR)), packet(1, 'delta', avcc(NON_IDR)), packet(2, 'key', avcc(IDR))];
    const seen: EncodedPacket[] = [];
    const inner = {
      getFirstPacket: async () => packets[0]!,
      getPacket: async (t: number) => packets[t] ?? null,
      getKeyPacket: async (t: number) => (t >= 2 ? packets[2]! : packets[0]!),
      getNextPacket: async (p: EncodedPacket) => {
        seen.push(p);
        if (!packets.includes(p)) throw new Error('Packet was not created from this track.');
        return packets[p.sequenceNumber + 1] ?? null;
      },
      getNextKeyPacket: async () => null,
    } as unknown as EncodedPacketSink;
    const sink = primingPacketSink(inner, encoderSei(packets[0]!.data, 4), 0);
    const key = (await sink.getKeyPacket(2))!;
    expect([...key.data]).toEqual([...avcc(USER_SEI, IDR)]);
    expect((await sink.getKeyPacket(0))!.data).toBe(packets[0]!.data); // the first carries it already
    expect((await sink.getPacket(1))!.data).toBe(packets[1]!.data); // delta packets are left alone
    expect(await sink.getNextPacket(key)).toBeNull();
    expect(seen.at(-1)).toBe(packets[2]); // the inner sink is asked with its own packet
  });
});
