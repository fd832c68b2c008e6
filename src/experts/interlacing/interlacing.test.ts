import { describe, expect, it } from 'vitest';
import { planeFrom, runOn } from '../../testing/expert-harness.ts';
import { textureField } from '../../testing/temporal-fixtures.ts';

const W = 128;
const H = 96;
const field = textureField(300, 300, 13);
/** A bright textured object whose left edge is at `edge` on the row, over a darker textured background. */
const scene = (x: number, y: number, edge: number) => (x >= edge ? 150 + 0.5 * (field(x, y) - 128) : 60 + 0.3 * (field(x + 50, y) - 128));

describe('interlacing expert', () => {
  it('finds combing on a moving edge woven from two fields', async () => {
    const woven = planeFrom(W, H, (x, y) => scene(x, y, y % 2 ? 60 : 52));
    const out = await runOn('interlacing', [woven]);
    expect(out.score[0]!).toBeGreaterThan(3);
    // The combing sits in the patch column that holds the edge.
    expect(out.ph).toBe(3);
    expect(out.pw).toBe(4);
    const row = Array.from(out.map.slice(4, 8));
    expect(row.indexOf(Math.max(...row))).toBe(1);
  });

  it('grows with the distance the edge moved between fields', async () => {
    const scores: number[] = [];
    for (const shift of [0, 2, 4, 8]) {
      const woven = planeFrom(W, H, (x, y) => scene(x, y, y % 2 ? 52 + shift : 52));
      scores.push((await runOn('interlacing', [woven])).score[0]!);
    }
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeGreaterThan(scores[i - 1]!);
    expect(scores[0]!).toBeLessThan(0.3);
  });

  it('does not call a progressive moving edge or static 1-px horizontal stripes combing', async () => {
    const blurredEdge = planeFrom(W, H, (x, y) => {
      let s = 0;
      for (let k = 0; k < 8; k++) s += scene(x, y, 52 + k);
      return s / 8;
    });
    const stripes = planeFrom(W, H, (x, y) => scene(x, y, 52) + (y % 2 ? 25 : -25));
    const thinLines = planeFrom(W, H, (x, y) => scene(x, y, 52) + (y % 12 === 0 ? 80 : 0));
    const out = await runOn('interlacing', [blurredEdge, stripes, thinLines]);
    for (const s of out.score) expect(s).toBeLessThan(0.5);
  });
});
