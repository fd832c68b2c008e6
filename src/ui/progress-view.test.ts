import { describe, expect, it } from 'vitest';
import { createFrameTotalEstimator } from './progress-view.ts';

describe('frame total estimate', () => {
  it('recovers the total from progress that rises linearly with frames up to 90 %', () => {
    const total = 600;
    const estimate = createFrameTotalEstimator();
    let last: number | undefined;
    for (let f = 10; f <= 300; f += 10) last = estimate({ stage: 'infer', progress: 0.05 + 0.85 * (f / total), framesDecoded: f });
    expect(last).toBe(total);
  });

  it('prefers the total the event carries, and says nothing outside the decoding stage', () => {
    const estimate = createFrameTotalEstimator();
    expect(estimate({ stage: 'infer', progress: 0.2, framesDecoded: 5, framesTotal: 321 } as never)).toBe(321);
    expect(estimate({ stage: 'route', progress: 0.92 })).toBeUndefined();
  });
});
