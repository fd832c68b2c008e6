/**
 * Turns one frame's 8-bit YUV planes into the float planes the experts read: analysis-size luma
 * (and RGB when an expert needs colour), row-preserving luma for line-based experts, and small luma
 * for the temporal stream.
 */
import type { YuvPlanes } from './frame-pixels.ts';
import { reducePlane, resamplePlane } from './resample.ts';

/** A float plane stack [C, H, W]. */
export interface FloatPlanes {
  width: number;
  height: number;
  channels: number;
  data: Float32Array;
}

/** Luma resampled to (w, h). */
export function lumaAt(f: YuvPlanes, w: number, h: number): FloatPlanes {
  const data = new Float32Array(w * h);
  resamplePlane(f.data, f.y.offset, f.y.stride, f.width, f.height, w, h, data);
  return { width: w, height: h, channels: 1, data };
}

/** Small luma for the every-frame temporal stream (fast, approximate reduction). */
export function smallLumaAt(f: YuvPlanes, w: number, h: number): FloatPlanes {
  const data = new Float32Array(w * h);
  reducePlane(f.data, f.y.offset, f.y.stride, f.width, f.height, w, h, data);
  return { width: w, height: h, channels: 1, data };
}

/** RGB [3, h, w] at (w, h) from resampled Y, U, V (BT.601 limited range). */
export function rgbAt(f: YuvPlanes, w: number, h: number, luma?: FloatPlanes): FloatPlanes {
  const n = w * h;
  const y = luma && luma.width === w && luma.height === h ? luma.data : lumaAt(f, w, h).data;
  const u = new Float32Array(n);
  const v = new Float32Array(n);
  resamplePlane(f.data, f.u.offset, f.u.stride, f.u.width, f.u.height, w, h, u);
  resamplePlane(f.data, f.v.offset, f.v.stride, f.v.width, f.v.height, w, h, v);
  const data = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) {
    const yy = 1.164 * (y[i]! - 16);
    const cb = u[i]! - 128;
    const cr = v[i]! - 128;
    data[i] = clamp(yy + 1.596 * cr);
    data[n + i] = clamp(yy - 0.392 * cb - 0.813 * cr);
    data[2 * n + i] = clamp(yy + 2.017 * cb);
  }
  return { width: w, height: h, channels: 3, data };
}

function clamp(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * RGB [3, rows.length, cols.length] read at native-resolution pixel positions (row and column lists),
 * for models that take original pixels such as fragment mosaics.
 */
export function rgbAtPoints(f: YuvPlanes, rows: number[], cols: number[]): FloatPlanes {
  const h = rows.length;
  const w = cols.length;
  const n = w * h;
  const data = new Float32Array(3 * n);
  const sx = f.u.width < f.width ? 2 : 1;
  const sy = f.u.height < f.height ? 2 : 1;
  for (let r = 0; r < h; r++) {
    const y = Math.min(f.height - 1, rows[r]!);
    const yRow = f.y.offset + y * f.y.stride;
    const uRow = f.u.offset + Math.floor(y / sy) * f.u.stride;
    const vRow = f.v.offset + Math.floor(y / sy) * f.v.stride;
    for (let c = 0; c < w; c++) {
      const x = Math.min(f.width - 1, cols[c]!);
      const cx = Math.floor(x / sx);
      const yy = 1.164 * (f.data[yRow + x]! - 16);
      const cb = f.data[uRow + cx]! - 128;
      const cr = f.data[vRow + cx]! - 128;
      const i = r * w + c;
      data[i] = clamp(yy + 1.596 * cr);
      data[n + i] = clamp(yy - 0.392 * cb - 0.813 * cr);
      data[2 * n + i] = clamp(yy + 2.017 * cb);
    }
  }
  return { width: w, height: h, channels: 3, data };
}
