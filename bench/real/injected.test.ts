import { describe, expect, it } from 'vitest';
import { nativeSpans, withoutNative } from './injected.ts';

const defects = [
  { clip: 'natural_outdoor_airplane_field_handheld.mp4', type: 'freeze', startS: 4.6, endS: 7.25, reason: 'held picture' },
  { clip: 'natural_outdoor_airplane_field_handheld.mp4', type: 'noise', reason: 'clip-wide, no span' },
  { clip: 'natural_dashcam_highway_day.mp4', type: 'blur', startS: 9, endS: 10, reason: 'after the excerpt' },
];

describe('native defects inside injected excerpts', () => {
  it('moves a source defect onto the excerpt timeline (the excerpt starts 0.5 s into the source)', () => {
    const spans = nativeSpans({ source: 'airplane' }, defects);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.type).toBe('freeze');
    expect(spans[0]!.startS).toBeCloseTo(4.1, 6);
    expect(spans[0]!.endS).toBeCloseTo(6.75, 6);
  });

  it('leaves out defects without a span and those outside the excerpt', () => {
    expect(nativeSpans({ source: 'dashcam' }, defects)).toEqual([]);
    expect(nativeSpans({ source: 'no-such-source' }, defects)).toEqual([]);
  });

  it('sets aside only detections of the same type that overlap the native span', () => {
    const spans = nativeSpans({ source: 'airplane' }, defects);
    const found = [
      { type: 'freeze', startS: 4.5, endS: 5.6 },
      { type: 'freeze', startS: 1, endS: 2 },
      { type: 'blur', startS: 4.5, endS: 5.6 },
    ];
    expect(withoutNative(found, spans)).toEqual([found[1], found[2]]);
  });
});

describe('native defects on a clip of another frame rate', () => {
  it('rescales source time when the clip shows each 25-fps source frame at 24 fps', () => {
    const spans = nativeSpans({ source: 'airplane', durationS: 6, fps: 24, sourceFps: 25 }, defects);
    expect(spans).toHaveLength(1);
    expect(spans[0]!.startS).toBeCloseTo((4.1 * 25) / 24, 6);
    expect(spans[0]!.endS).toBeCloseTo((6.75 * 25) / 24, 6);
  });
});
