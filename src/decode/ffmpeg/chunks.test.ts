import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, chunkSeconds, decodeArgs, decodeErrorLine, errorLines, frameBytes, framePath, frameTimes, pastTheEnd, planesAt, showinfoTimes } from './chunks.ts';

describe('ffmpeg decode chunks', () => {
  it('sizes odd frames as ffmpeg writes yuv420p (chroma rounded up)', () => {
    expect(frameBytes({ width: 321, height: 241 })).toBe(321 * 241 + 2 * 161 * 121);
    const p = planesAt(new Uint8Array(3 * frameBytes({ width: 3, height: 3 })), 2, { width: 3, height: 3 });
    expect(p.y.offset).toBe(2 * (9 + 2 * 4));
    expect(p.u.offset).toBe(p.y.offset + 9);
    expect(p.v.offset).toBe(p.u.offset + 4);
    expect([p.u.width, p.u.height, p.u.stride]).toEqual([2, 2, 2]);
  });

  it('keeps one command within the byte budget', () => {
    const size = { width: 960, height: 1080 };
    const s = chunkSeconds(size, 30);
    expect(Math.round(s * 30) * frameBytes(size)).toBeLessThanOrEqual(CHUNK_BYTES);
    expect(chunkSeconds({ width: 16, height: 16 }, 30)).toBe(8); // capped at 240 frames
  });

  it('seeks only past the start and asks for raw 4:2:0 at the given size', () => {
    const a = decodeArgs('/in', '/f-%05d.yuv', { startS: 2.5, durationS: 1 }, { width: 640, height: 360 }, true);
    expect(a.slice(a.indexOf('-ss'), a.indexOf('-ss') + 2)).toEqual(['-ss', '2.500000']);
    expect(a.indexOf('-ss')).toBeLessThan(a.indexOf('-i'));
    expect(a.join(' ')).toContain('scale=640:360');
    expect(a.at(-1)).toBe('/f-%05d.yuv');
    expect(framePath('/f-%05d.yuv', 12)).toBe('/f-00012.yuv');
    const b = decodeArgs('/in', '/o%05d', { startS: 0, frames: 1 }, { width: 2, height: 2 }, false);
    expect(b).not.toContain('-ss');
    expect(b.join(' ')).not.toContain('scale=');
  });

  it('reads frame times from showinfo and fills gaps evenly', () => {
    const log = [
      '[Parsed_showinfo_2 @ 0x1] config in time_base: 1/10',
      '[Parsed_showinfo_2 @ 0x1] n:   0 pts:      0 pts_time:0       pos: 1 fmt:yuv420p',
      '[Parsed_showinfo_2 @ 0x1] n:   1 pts:      3 pts_time:0.3     pos: 2 fmt:yuv420p',
      '[mpeg4 @ 0x2] Error at MB: 30',
    ];
    expect(showinfoTimes(log)).toEqual([0, 0.3]);
    expect(frameTimes([0, 0.3], 4, 10).map((t) => +t.toFixed(3))).toEqual([0, 0.3, 0.4, 0.5]);
    expect(frameTimes([0, 0.3, 0.6], 2, 10)).toEqual([0, 0.3]);
    expect(errorLines(log)).toBe('[mpeg4 @ 0x2] Error at MB: 30');
  });
  it('tells the end of the video from a failure inside it', () => {
    // 8 frames at 3 fps (2.67 s): the chunk after the first one, at 10.67 s, holds nothing.
    expect(pastTheEnd(10.67, 2.667, 8)).toBe(true);
    expect(pastTheEnd(1.5, 2.667, 8)).toBe(false); // inside the video: damage
    expect(pastTheEnd(10.67, 2.667, 0)).toBe(false); // no frame at all: never just the end
    expect(pastTheEnd(10.67, 0, 8)).toBe(false); // no duration to compare with
  });

  it('finds the lines in which the decoder reports damaged data', () => {
    const clean = ['[Parsed_showinfo_1 @ 0x1] n:   0 pts:      0 pts_time:0', 'Output file is empty, nothing was encoded'];
    expect(decodeErrorLine(clean)).toBe('');
    const damaged = [...clean, '[h264 @ 0xdf5a90] error while decoding MB 21 0, bytestream 4895', 'Error while decoding stream #0:0: Invalid data found when processing input'];
    expect(decodeErrorLine(damaged)).toBe('[h264 @ 0xdf5a90] error while decoding MB 21 0, bytestream 4895');
  });
});
