import { describe, expect, it } from 'vitest';
import type { ExpertMeta } from '../experts/types.ts';
import { gateByEvents } from './event-gate.ts';
import { ExpertResults } from './expert-results.ts';

const meta = (id: string, artifact: ExpertMeta['artifact'], kind: 'temporal' | 'spatial' = 'temporal'): ExpertMeta =>
  ({ id, label: id, kind, artifact, lowerIsBetter: true, range: [0, 0.2], unit: 'share', threshold: 0.5, pool: 'mean', costPerFrameMs: 1, requires: [], model: '', inputs: { planes: 'luma', stream: kind === 'temporal' ? 'temporal' : 'analysis' }, description: '' }) as unknown as ExpertMeta;

function series(m: ExpertMeta, flagged: number[]): ExpertResults {
  const r = new ExpertResults(m);
  for (let i = 0; i < 10; i++) r.add(i / 10, flagged.includes(i) ? 1 : 0, new Float32Array(1), 1, 1, false);
  return r;
}

describe('gateByEvents', () => {
  it('keeps a gated expert’s frames inside its events and reads the best value elsewhere', () => {
    const black = series(meta('black', 'black'), [2, 7]);
    const [gated] = gateByEvents([black], [{ type: 'black', startS: 0.7, endS: 0.7, severity: 1, confidence: 1 }], 10);
    expect(black.pooled()).toBeCloseTo(0.2);
    expect(gated!.pooled()).toBeCloseTo(0.1);
    expect(gated!.frames.map((f) => f.raw)).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 0, 0]);
  });

  it('counts nothing of a gated expert without events of its own type', () => {
    const freeze = series(meta('freeze', 'freeze'), [3, 4, 5]);
    const [gated] = gateByEvents([freeze], [{ type: 'black', startS: 0, endS: 1, severity: 1, confidence: 1 }], 10);
    expect(gated!.pooled()).toBe(0);
  });

  it('passes spatial experts through untouched', () => {
    const blur = series(meta('sharpness', 'blur', 'spatial'), [1]);
    const out = gateByEvents([blur], [], 10);
    expect(out[0]).toBe(blur);
  });
});
