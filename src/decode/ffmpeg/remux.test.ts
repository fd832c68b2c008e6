import { describe, expect, it } from 'vitest';
import { REMUX_MAX_BYTES, remuxArgs, shouldRemux } from './remux.ts';

describe('rewrapping for WebCodecs', () => {
  it('rewraps codecs the browser may decode, up to the size limit', () => {
    expect(shouldRemux('av1', 150_000)).toBe(true);
    expect(shouldRemux('h264', REMUX_MAX_BYTES)).toBe(true);
    expect(shouldRemux('h264', REMUX_MAX_BYTES + 1)).toBe(false);
    for (const codec of ['mpeg4', 'hevc', 'msmpeg4v3', 'cinepak', 'mpeg2video', 'flv1']) expect(shouldRemux(codec, 1000)).toBe(false);
  });

  it('copies the first video stream into an MP4 without decoding it', () => {
    const a = remuxArgs('/input/video', '/remux.mp4');
    expect(a.slice(a.indexOf('-c:v'), a.indexOf('-c:v') + 2)).toEqual(['-c:v', 'copy']);
    expect(a.slice(a.indexOf('-map'), a.indexOf('-map') + 2)).toEqual(['-map', '0:V:0']);
    expect(a.slice(-3)).toEqual(['-f', 'mp4', '/remux.mp4']);
    expect(a.indexOf('-i')).toBeLessThan(a.indexOf('-c:v'));
  });
});
