import { describe, expect, it } from 'vitest';
import interlacing from '../experts/interlacing/meta.json' with { type: 'json' };
import overexposure from '../experts/overexposure/meta.json' with { type: 'json' };
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

  it('counts an interlacing expert only on frames tall enough to carry two fields', () => {
    // Combing read on a 210-row frame (7 rows of 32-px patches = 224 rows) is content; on 12 rows (384) it counts.
    const at = (rows: number) => {
      const r = new ExpertResults(interlacing as unknown as ExpertMeta);
      for (let i = 0; i < 6; i++) r.add(i, 2.5, new Float32Array(rows).fill(2.5), rows, 1, true);
      return r;
    };
    const [short] = gateByEvents([at(7)], [], 25);
    expect(short!.pooled()).toBeCloseTo(0.2);
    const tall = at(12);
    expect(gateByEvents([tall], [], 25)[0]).toBe(tall);
  });

  it('counts an overexposure frame only where a clipped plateau stands out from the rest of the frame', () => {
    const r = new ExpertResults(overexposure as unknown as ExpertMeta);
    // A hazy frame: every patch reads the same. A frame with a clipped sky: patches far apart.
    r.add(0, 0.6, new Float32Array([0.6, 0.6, 0.6, 0.6]), 2, 2, true);
    r.add(1, 0.6, new Float32Array([0.1, 0.1, 0.9, 0.9]), 2, 2, true);
    const [gated] = gateByEvents([r], [], 25);
    expect(gated!.frames.map((f) => f.raw)).toEqual([0.1, 0.6]);
  });
});
