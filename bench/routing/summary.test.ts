import { describe, expect, it } from 'vitest';
import { tierAgreement } from './summary.ts';

describe('tierAgreement', () => {
  it('takes the widest gap between tiers per clip, and skips clips missing a tier', () => {
    const a = tierAgreement({ a: { 0: 70, 1: 72, 2: 75 }, b: { 0: 50, 1: 41, 2: 44 }, c: { 0: 90, 1: 90, 2: 91 }, d: { 1: 10 } });
    expect(a.clips).toBe(3);
    expect(a.max).toBe(9);
    expect(a.worst).toBe('b');
    expect(a.median).toBe(5);
  });
});
