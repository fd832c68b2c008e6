import { describe, expect, it } from 'vitest';
import { EXPERTS } from './registry.ts';
import { runOn, type Plane } from '../testing/expert-harness.ts';
import { brighten, textureField, times, view } from '../testing/temporal-fixtures.ts';
import { TEMPORAL_CARRY } from '../pipeline/batches.ts';

const W = 80;
const H = 48;
const N = 40;
const field = textureField(400, 300, 23);

/**
 * A clip that exercises every temporal expert's history: a pan, brightness pumping with a period of
 * 2 and then 4 frames, pictures shown twice and three times (cadence), a hold of six frames (freeze),
 * and a pan again.
 */
function clip(): Plane[] {
  const frames: Plane[] = [];
  let x = 0;
  for (let i = 0; i < N; i++) {
    if (i < 6) x += 3;
    else if (i < 14) x += 0;
    else if (i < 22) x += i % 2 ? 4 : 0;
    else if (i < 28) x += i % 3 ? 0 : 5;
    else if (i < 34) x += 0;
    else x += 2;
    const pumping = i >= 6 && i < 10 ? (i % 2 ? 8 : -8) : i >= 10 && i < 18 ? (Math.floor(i / 2) % 2 ? 6 : -6) : 0;
    frames.push(brighten(view(W, H, field, x, 0, 0.5, i + 1), pumping));
  }
  return frames;
}

// The engine runs the temporal stream in batches, each with the last TEMPORAL_CARRY frames of the one
// before it as history whose outputs are dropped. A frame's value must not depend on where a batch
// boundary falls: every temporal expert reads at most TEMPORAL_CARRY frames back.
describe.each(EXPERTS.filter((e) => e.kind === 'temporal').map((e) => [e.id, e] as const))('temporal expert %s across batch boundaries', (id, meta) => {
  it('gives every frame the value it has in one long batch', async () => {
    const frames = clip();
    const t = times(N);
    const whole = await runOn(id, frames, meta.inputs.timestamps ? t : undefined);
    const cells = whole.ph * whole.pw;
    for (const split of [8, 11, 16, 19, 24, 29]) {
      const from = split - TEMPORAL_CARRY;
      const part = await runOn(id, frames.slice(from), meta.inputs.timestamps ? t.slice(from) : undefined);
      for (let i = split; i < N; i++) {
        expect(part.score[i - from], `frame ${i}, boundary at ${split}`).toBeCloseTo(whole.score[i]!, 4);
        for (let c = 0; c < cells; c++) expect(part.map[(i - from) * cells + c]).toBeCloseTo(whole.map[i * cells + c]!, 4);
      }
    }
  });
});
