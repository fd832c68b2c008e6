import { describe, expect, it } from 'vitest';
import { EXPERTS } from '../experts/registry.ts';
import type { Tier } from '../report/types.ts';
import { predictTier, predictTierMs, tierForBudget } from './budget.ts';

const shape = (height: number, durationS = 8) => ({ width: Math.round((height * 16) / 9), height, durationS, frameCount: Math.round(durationS * 30) });
const TIERS: Tier[] = [0, 1, 2];

describe('predictTierMs', () => {
  it('grows with the tier, at every size', () => {
    for (const h of [360, 720, 1080]) {
      const ms = TIERS.map((t) => predictTierMs(t, shape(h), EXPERTS, 'wasm', 2));
      expect(ms[0]).toBeLessThan(ms[1]!);
      expect(ms[1]).toBeLessThan(ms[2]!);
    }
  });

  it('grows with the frame size and with the duration', () => {
    for (const t of TIERS) {
      const bySize = [360, 720, 1080, 2160].map((h) => predictTierMs(t, shape(h), EXPERTS, 'wasm', 2));
      for (let i = 1; i < bySize.length; i++) expect(bySize[i]).toBeGreaterThan(bySize[i - 1]!);
      const byLength = [4, 8, 60].map((s) => predictTierMs(t, shape(720, s), EXPERTS, 'wasm', 2));
      for (let i = 1; i < byLength.length; i++) expect(byLength[i]).toBeGreaterThanOrEqual(byLength[i - 1]!);
    }
    // Tiers 1 and 2 decode every frame: a longer file costs more.
    expect(predictTierMs(1, shape(720, 60), EXPERTS, 'wasm', 2)).toBeGreaterThan(2 * predictTierMs(1, shape(720, 8), EXPERTS, 'wasm', 2));
  });

  it('spreads the CPU time over the cores, up to the threads that are busy', () => {
    const one = predictTier(1, shape(720), EXPERTS, 'wasm', 1);
    const two = predictTier(1, shape(720), EXPERTS, 'wasm', 2);
    const many = predictTier(1, shape(720), EXPERTS, 'wasm', 64);
    expect(two.cpuMs).toBe(one.cpuMs);
    expect(two.ms).toBeCloseTo(one.ms / 2, 6);
    expect(many.ms).toBeLessThan(two.ms);
    expect(many.ms).toBeGreaterThan(one.ms / 64);
  });

  it('puts its cheap end below its point, and costs less with fewer experts', () => {
    for (const t of TIERS) {
      const p = predictTier(t, shape(1080), EXPERTS, 'wasm', 2);
      expect(p.lowMs).toBeLessThanOrEqual(p.ms);
      expect(p.cpuMs).toBeGreaterThan(p.decodeCpuMs + p.expertCpuMs);
      const fewer = predictTierMs(t, shape(1080), EXPERTS.slice(0, 3), 'wasm', 2);
      expect(fewer).toBeLessThan(p.ms);
    }
  });
});

describe('tierForBudget', () => {
  it('picks the richest tier whose prediction fits, tier 0 unfitting when none does', () => {
    const v = shape(720);
    const ms = TIERS.map((t) => predictTierMs(t, v, EXPERTS, 'wasm', 2));
    for (const t of TIERS) expect(tierForBudget(ms[t]! + 1, v, EXPERTS, 'wasm', 2)).toEqual({ tier: t, predictedMs: ms[t], fits: true });
    expect(tierForBudget(ms[2]! - 1, v, EXPERTS, 'wasm', 2).tier).toBe(1);
    expect(tierForBudget(ms[1]! - 1, v, EXPERTS, 'wasm', 2).tier).toBe(0);
    expect(tierForBudget(ms[0]! - 1, v, EXPERTS, 'wasm', 2)).toEqual({ tier: 0, predictedMs: ms[0], fits: false });
    expect(tierForBudget(1e9, v, EXPERTS, 'wasm', 2).tier).toBe(2);
  });
});

describe('decoding cost', () => {
  it('follows the file size: a higher bit rate predicts a longer run, at every tier', () => {
    for (const t of TIERS) {
      const low = predictTier(t, { ...shape(720), bytes: 2e6 }, EXPERTS, 'wasm', 2);
      const high = predictTier(t, { ...shape(720), bytes: 20e6 }, EXPERTS, 'wasm', 2);
      expect(high.decodeCpuMs).toBeGreaterThan(low.decodeCpuMs);
      expect(high.ms).toBeGreaterThan(low.ms);
    }
  });
});
