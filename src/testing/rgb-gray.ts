/**
 * Exact gray/Y conversions of the reference implementations, for feeding fixture images to the
 * NSS experts the way the published numbers were made. Input: planar RGB from readPlanes(..., 'rgb').
 */
import type { Plane } from './expert-harness.ts';

function channels(rgb: Plane): { n: number; r: Float32Array; g: Float32Array; b: Float32Array } {
  const n = rgb.width * rgb.height;
  if (rgb.data.length !== 3 * n) throw new Error('expected a planar RGB plane [3, H, W]');
  return { n, r: rgb.data.subarray(0, n), g: rgb.data.subarray(n, 2 * n), b: rgb.data.subarray(2 * n) };
}

/**
 * OpenCV's `cvtColor(BGR2GRAY)` on 8-bit input: fixed point with 15 fractional bits
 * (R 9798, G 19235, B 3735), rounded — checked against OpenCV 4.6 on all 2^24 colours.
 */
export function opencvGray(rgb: Plane): Plane {
  const { n, r, g, b } = channels(rgb);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = (r[i]! * 9798 + g[i]! * 19235 + b[i]! * 3735 + 16384) >> 15;
  return { width: rgb.width, height: rgb.height, data };
}

/**
 * MATLAB's `rgb2ycbcr` Y (BT.601, limited range 16..235) as BasicSR computes it in float32 and then
 * rounds: round(16 + (65.481 R + 128.553 G + 24.966 B) / 255).
 */
export function matlabY(rgb: Plane): Plane {
  const { n, r, g, b } = channels(rgb);
  const data = new Float32Array(n);
  const f = Math.fround;
  for (let i = 0; i < n; i++) {
    const y = f(f(f(f(b[i]! / 255) * 24.966) + f(f(g[i]! / 255) * 128.553) + f(f(r[i]! / 255) * 65.481)) + 16);
    data[i] = Math.round(y);
  }
  return { width: rgb.width, height: rgb.height, data };
}
