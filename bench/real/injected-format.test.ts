import { describe, expect, it } from 'vitest';
import { frameAt, pxRegion, scaleKbps, scalePixels, snappedRegion, sourceToClipS } from './injected-format.ts';
import { DEFAULT_FORMAT, format6s, formatTag, panPxIn } from './injected-sources.ts';

const f720 = format6s(1280, 720, 25);
const f480 = format6s(854, 480, 24);
const RIGHT = { x: 0.45, y: 0.15, w: 0.55, h: 0.7 };

describe('injected set in another format', () => {
  it('draws a relative region in even pixels of each format, and the truth is what is drawn', () => {
    expect(pxRegion(RIGHT, DEFAULT_FORMAT)).toEqual({ x: 288, y: 54, w: 352, h: 252 });
    expect(pxRegion(RIGHT, f720)).toEqual({ x: 576, y: 108, w: 704, h: 504 });
    // 854 wide: 0.45 * 854 = 384.3 -> 384, 0.55 * 854 = 469.7 -> 470.
    expect(pxRegion(RIGHT, f480)).toEqual({ x: 384, y: 72, w: 470, h: 336 });
    const t = snappedRegion(RIGHT, f480);
    expect(t.x * 854).toBeCloseTo(384, 9);
    expect(t.w * 854).toBeCloseTo(470, 9);
    expect(Math.abs(t.x - RIGHT.x)).toBeLessThan(1 / 854);
  });

  it('keeps times in seconds and finds the frame at a time with the format rate', () => {
    expect(format6s(1280, 720, 25).frames).toBe(150);
    expect(f480.frames).toBe(144);
    expect(frameAt(2, f720)).toBe(50);
    expect(frameAt(2, DEFAULT_FORMAT)).toBe(60);
    expect(frameAt(4.5, f480)).toBe(108);
  });

  it('scales blur with the height, bitrate with the pixel rate, pans with the width', () => {
    expect(scalePixels(4, DEFAULT_FORMAT)).toBe(4);
    expect(scalePixels(4, f720)).toBe(8);
    expect(scalePixels(1.5, f480)).toBe(2);
    expect(scaleKbps(250, DEFAULT_FORMAT)).toBe(250);
    // 1280*720*25 / (640*360*30) = 10/3.
    expect(scaleKbps(300, f720)).toBe(1000);
    expect(panPxIn(2, DEFAULT_FORMAT)).toBe(2);
    expect(panPxIn(2, f720)).toBe(4);
    expect(panPxIn(1, f480)).toBe(1);
    expect(formatTag(DEFAULT_FORMAT)).toBe('');
    expect(formatTag(f720)).toBe('720p25');
  });

  it('moves source time onto a clip that shows every source frame at its own rate', () => {
    expect(sourceToClipS(4.6, 0.5, 25, 25)).toBeCloseTo(4.1, 9);
    // 25-fps footage relabelled to 30 fps plays 5/6 as long.
    expect(sourceToClipS(4.6, 0.5, 25, 30)).toBeCloseTo(4.1 * (25 / 30), 9);
    expect(sourceToClipS(0.5, 0.5, 24, 60)).toBe(0);
  });
});
