import { describe, expect, it } from 'vitest';
import { EXPERTS } from './registry.ts';
import { runOn } from '../testing/expert-harness.ts';
import { textureField, times, view } from '../testing/temporal-fixtures.ts';

const field = textureField(300, 200, 17);
const temporal = EXPERTS.filter((e) => e.kind === 'temporal');

// The engine's last batch of a video may hold one or two frames: every temporal expert must still
// return finite values of the contract's shapes.
describe.each(temporal.map((e) => [e.id, e] as const))('temporal expert %s on short batches', (id, meta) => {
  it.each([1, 2, 3])('runs on %i frame(s)', async (n) => {
    const frames = Array.from({ length: n }, (_, i) => view(80, 48, field, 3 * i, 0, 0.5, i + 1));
    const out = await runOn(id, frames, meta.inputs.timestamps ? times(n) : undefined);
    expect(out.score.length).toBe(n);
    expect(out.map.length).toBe(n * out.ph * out.pw);
    expect(out.ph).toBe(Math.floor(48 / meta.inputs.patch));
    expect(out.pw).toBe(Math.floor(80 / meta.inputs.patch));
    for (const v of [...out.score, ...out.map]) expect(Number.isFinite(v)).toBe(true);
  });
});
