import { describe, expect, it } from 'vitest';
import sharpness from '../experts/sharpness/meta.json' with { type: 'json' };
import stutter from '../experts/stutter/meta.json' with { type: 'json' };
import type { ExpertMeta } from '../experts/types.ts';
import { poolValues, scorePooling, scoreValue } from './pool.ts';

const blur = sharpness as unknown as ExpertMeta;

describe('the score’s pooling', () => {
  it('takes the mean of the analysis frames where the expert’s own rule is their median', () => {
    expect(blur.pool).toBe('median');
    expect(scorePooling(blur)).toBe('mean');
    expect(scorePooling(stutter as unknown as ExpertMeta)).toBe('mean');
    expect(scorePooling({ ...blur, pool: 'p90' })).toBe('p90');
    expect(scorePooling({ ...blur, inputs: { ...blur.inputs, stream: 'temporal' } })).toBe('median');
  });

  it('moves with the share of a two-part video in the sample instead of jumping at one half', () => {
    // Sharp shots read 0.35, soft ones 0.65: two samples of the same video, 5 and 7 soft frames of 12.
    const sample = (soft: number) => Array.from({ length: 12 }, (_, i) => (i < soft ? 0.65 : 0.35));
    const medianGap = Math.abs(poolValues(sample(7), 'median') - poolValues(sample(5), 'median'));
    const meanGap = Math.abs(scoreValue(blur, sample(7)) - scoreValue(blur, sample(5)));
    expect(medianGap).toBeCloseTo(0.3);
    expect(meanGap).toBeCloseTo(0.05);
  });

  it('counts a frame past the end of the useful range as that end', () => {
    // The range is [0.25, 0.85]: a transition frame reading 5 counts as 0.85, a clean one at 0.1 as 0.25.
    expect(scoreValue(blur, [0.4, 0.4, 0.4, 5])).toBeCloseTo((0.4 * 3 + 0.85) / 4);
    expect(scoreValue(blur, [0.1, 0.4])).toBeCloseTo((0.25 + 0.4) / 2);
  });

  it('ignores frames without a value and gives NaN when none has one', () => {
    expect(scoreValue(blur, [Number.NaN, 0.5])).toBeCloseTo(0.5);
    expect(scoreValue(blur, [])).toBeNaN();
    expect(poolValues([3, 1, 2], 'max')).toBe(3);
    expect(poolValues([3, 1, 2], 'min')).toBe(1);
    expect(poolValues([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'p90')).toBeCloseTo(10);
  });
});
