/**
 * Copies a decoded frame's pixels out of the decoder into reusable 8-bit Y/U/V planes, whatever the
 * frame's pixel format, so the frame can be closed at once. Planar YUV (the software decoder's
 * output) costs one `copyTo`; other formats are converted.
 */

/** 8-bit planes of one frame: luma at full size, chroma possibly subsampled. */
export interface YuvPlanes {
  /** True when Y spans 0..255 (full-range video), false for the usual 16..235. */
  fullRange: boolean;
  width: number;
  height: number;
  data: Uint8Array;
  y: { offset: number; stride: number };
  u: { offset: number; stride: number; width: number; height: number };
  v: { offset: number; stride: number; width: number; height: number };
}

/** A copy of the planes that outlives the decoder's reusable buffer. */
export function copyPlanes(p: YuvPlanes): YuvPlanes {
  return { ...p, data: p.data.slice(), y: { ...p.y }, u: { ...p.u }, v: { ...p.v } };
}

/** The subset of VideoFrame / mediabunny VideoSample this module needs. */
export interface CopyableFrame {
  readonly format: string | null;
  readonly visibleRect: { width: number; height: number } | null | DOMRectReadOnly;
  readonly codedWidth: number;
  readonly codedHeight: number;
  readonly colorSpace?: { fullRange?: boolean | null } | null;
  allocationSize(options?: { format?: string }): number;
  copyTo(dest: Uint8Array, options?: { format?: string }): Promise<{ offset: number; stride: number }[]>;
}

const SUBSAMPLING: Record<string, [number, number]> = {
  I420: [2, 2],
  I420A: [2, 2],
  I422: [2, 1],
  I422A: [2, 1],
  I444: [1, 1],
  I444A: [1, 1],
};

/** Reuses one buffer between frames of the same size. */
export class FramePixelReader {
  private buffer = new Uint8Array(0);
  private converted = new Uint8Array(0);

  /** Copies the frame's pixels; the caller may close the frame once this resolves. */
  async read(frame: CopyableFrame): Promise<YuvPlanes> {
    const width = frame.visibleRect?.width ?? frame.codedWidth;
    const height = frame.visibleRect?.height ?? frame.codedHeight;
    const format = frame.format ?? '';
    const sub = SUBSAMPLING[format];
    const fullRange = frame.colorSpace?.fullRange === true;
    if (sub) return { ...(await this.readPlanar(frame, width, height, sub)), fullRange };
    if (format === 'NV12') return { ...(await this.readNv12(frame, width, height)), fullRange };
    // High bit depth, packed RGB, or an opaque (GPU) frame: ask for RGBA and convert to limited range.
    return { ...(await this.readRgba(frame, width, height)), fullRange: false };
  }

  private ensure(size: number): Uint8Array {
    if (this.buffer.length < size) this.buffer = new Uint8Array(size);
    return this.buffer;
  }

  private async readPlanar(frame: CopyableFrame, width: number, height: number, [sx, sy]: [number, number]): Promise<Omit<YuvPlanes, 'fullRange'>> {
    const buf = this.ensure(frame.allocationSize());
    const layout = await frame.copyTo(buf);
    const cw = Math.ceil(width / sx);
    const ch = Math.ceil(height / sy);
    const [y, u, v] = layout as [{ offset: number; stride: number }, { offset: number; stride: number }, { offset: number; stride: number }];
    return { width, height, data: buf, y, u: { ...u, width: cw, height: ch }, v: { ...v, width: cw, height: ch } };
  }

  private async readNv12(frame: CopyableFrame, width: number, height: number): Promise<Omit<YuvPlanes, 'fullRange'>> {
    const buf = this.ensure(frame.allocationSize());
    const layout = await frame.copyTo(buf);
    const [y, uv] = layout as [{ offset: number; stride: number }, { offset: number; stride: number }];
    const cw = Math.ceil(width / 2);
    const ch = Math.ceil(height / 2);
    // De-interleave chroma into the converted buffer.
    if (this.converted.length < 2 * cw * ch) this.converted = new Uint8Array(2 * cw * ch);
    const out = this.converted;
    for (let r = 0; r < ch; r++) {
      const s = uv.offset + r * uv.stride;
      for (let c = 0; c < cw; c++) {
        out[r * cw + c] = buf[s + 2 * c]!;
        out[cw * ch + r * cw + c] = buf[s + 2 * c + 1]!;
      }
    }
    // Copy luma and chroma into one buffer so all planes share `data`.
    const total = y.stride * height + 2 * cw * ch;
    const merged = new Uint8Array(total);
    merged.set(buf.subarray(y.offset, y.offset + y.stride * height), 0);
    merged.set(out.subarray(0, 2 * cw * ch), y.stride * height);
    const base = y.stride * height;
    return {
      width,
      height,
      data: merged,
      y: { offset: 0, stride: y.stride },
      u: { offset: base, stride: cw, width: cw, height: ch },
      v: { offset: base + cw * ch, stride: cw, width: cw, height: ch },
    };
  }

  private async readRgba(frame: CopyableFrame, width: number, height: number): Promise<Omit<YuvPlanes, 'fullRange'>> {
    const size = width * height * 4;
    const rgba = this.ensure(size);
    const fmt = frame.format === 'BGRA' || frame.format === 'BGRX' ? frame.format : 'RGBA';
    await frame.copyTo(rgba, { format: fmt });
    const bgr = fmt.startsWith('B');
    const n = width * height;
    if (this.converted.length < 3 * n) this.converted = new Uint8Array(3 * n);
    const out = this.converted;
    for (let i = 0; i < n; i++) {
      const r = rgba[4 * i + (bgr ? 2 : 0)]!;
      const g = rgba[4 * i + 1]!;
      const b = rgba[4 * i + (bgr ? 0 : 2)]!;
      // BT.601 limited range, the same convention as the decoder's YUV frames.
      out[i] = (16 + 0.257 * r + 0.504 * g + 0.098 * b + 0.5) | 0;
      out[n + i] = (128 - 0.148 * r - 0.291 * g + 0.439 * b + 0.5) | 0;
      out[2 * n + i] = (128 + 0.439 * r - 0.368 * g - 0.071 * b + 0.5) | 0;
    }
    return {
      width,
      height,
      data: out,
      y: { offset: 0, stride: width },
      u: { offset: n, stride: width, width, height },
      v: { offset: 2 * n, stride: width, width, height },
    };
  }
}
