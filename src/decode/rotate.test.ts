import { describe, expect, it } from 'vitest';
import { rotatePlane } from './rotate.ts';

// 3x2 plane:  1 2 3
//             4 5 6
const src = new Uint8Array([1, 2, 3, 4, 5, 6]);
const turn = (r: 0 | 90 | 180 | 270) => {
  const out = new Uint8Array(6);
  rotatePlane(src, 0, 3, 3, 2, out, 0, r);
  return Array.from(out);
};

describe('plane rotation (clockwise)', () => {
  it('turns a quarter: the left column becomes the top row, read bottom-up', () => {
    expect(turn(90)).toEqual([4, 1, 5, 2, 6, 3]); // 2 wide, 3 high
  });
  it('turns three quarters and a half', () => {
    expect(turn(270)).toEqual([3, 6, 2, 5, 1, 4]);
    expect(turn(180)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(turn(0)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
