/**
 * The temporal distortions of the ladders, applied to a decoded frame list. Each returns the new
 * frame list (at source size) and the presentation timestamps the experts should see.
 */
import type { Plane } from '../../src/testing/expert-harness.ts';
import { regularTimes } from './clips.ts';

/** An edited clip: frames to encode and the timestamps that go with them. */
export interface EditedClip {
  frames: Plane[];
  times: number[];
}

/** One distortion: a name, its severity levels and how to apply a level. */
export interface Distortion {
  id: string;
  /** The expert that should respond to it. */
  expert: string;
  /** What the severity number means. */
  severity: string;
  levels: number[];
  apply(src: Plane[], level: number, fps: number): EditedClip;
}

/** Frozen fraction: in every block of 20 frames, the last `level·20` repeat the frame before them. */
const freeze: Distortion = {
  id: 'freeze',
  expert: 'freeze',
  severity: 'fraction of frames frozen',
  levels: [0, 0.1, 0.25, 0.5],
  apply(src, level, fps) {
    const block = 20;
    const held = Math.round(level * block);
    const frames = src.map((p, i) => {
      const pos = i % block;
      return pos >= block - held ? src[i - pos + block - held - 1]! : p;
    });
    return { frames, times: regularTimes(frames.length, fps) };
  },
};

/** Black frames inserted in runs of 4 at evenly spaced places (clip grows). */
const black: Distortion = {
  id: 'black',
  expert: 'black',
  severity: 'black frames inserted',
  levels: [0, 4, 8, 16, 32],
  apply(src, level, fps) {
    const runs = level / 4;
    const at = new Set(Array.from({ length: runs }, (_, k) => Math.floor(((k + 0.5) * src.length) / runs)));
    let seed = level + 1;
    // Small deterministic noise so the black frames look like decoded black, not a constant.
    const r = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const frames: Plane[] = [];
    src.forEach((p, i) => {
      if (at.has(i)) {
        for (let k = 0; k < 4; k++) {
          const data = new Float32Array(p.data.length).map(() => 16 + 4 * (r() - 0.5));
          frames.push({ width: p.width, height: p.height, data });
        }
      }
      frames.push(p);
    });
    return { frames, times: regularTimes(frames.length, fps) };
  },
};

/** Brightness ±level on alternate frames. */
const flicker: Distortion = {
  id: 'flicker',
  expert: 'flicker',
  severity: 'alternating brightness amplitude (code values)',
  levels: [0, 2, 4, 8, 16],
  apply(src, level, fps) {
    const frames = src.map((p, i) => {
      const delta = i % 2 ? level : -level;
      return { width: p.width, height: p.height, data: p.data.map((v) => Math.max(0, Math.min(255, v + delta))) };
    });
    return { frames, times: regularTimes(frames.length, fps) };
  },
};

/** Evenly spaced frames dropped; the kept frames keep their original timestamps (gaps). */
const stutter: Distortion = {
  id: 'stutter',
  expert: 'stutter',
  severity: 'fraction of frames dropped',
  levels: [0, 0.05, 0.1, 0.2],
  apply(src, level, fps) {
    const frames: Plane[] = [];
    const times: number[] = [];
    src.forEach((p, i) => {
      const dropped = level > 0 && Math.floor((i + 1) * level + 0.5) > Math.floor(i * level + 0.5);
      if (dropped) return;
      frames.push(p);
      times.push(i / fps);
    });
    return { frames, times };
  },
};

/**
 * Doubled frames with regular timestamps: evenly spaced frames repeat their predecessor and the
 * next frame skips ahead, so motion hitches while the frame count and timing stay the same.
 */
const doubled: Distortion = {
  id: 'doubled',
  expert: 'stutter',
  severity: 'fraction of frames doubled (repeat, then skip)',
  levels: [0, 0.05, 0.1, 0.2],
  apply(src, level, fps) {
    const frames = src.map((p, i) => {
      const hit = i > 0 && level > 0 && Math.floor((i + 1) * level + 0.5) > Math.floor(i * level + 0.5);
      return hit ? src[i - 1]! : p;
    });
    return { frames, times: regularTimes(frames.length, fps) };
  },
};

/** Interlaced weave: even rows from frame i, odd rows from frame i + level (0 = progressive). */
const interlacing: Distortion = {
  id: 'interlacing',
  expert: 'interlacing',
  severity: 'frames between the two woven fields',
  levels: [0, 1, 2, 4],
  apply(src, level, fps) {
    const frames = src.map((p, i) => {
      const other = src[Math.min(src.length - 1, i + level)]!;
      const data = new Float32Array(p.data.length);
      for (let y = 0; y < p.height; y++) {
        const from = y % 2 ? other : p;
        data.set(from.data.subarray(y * p.width, (y + 1) * p.width), y * p.width);
      }
      return { width: p.width, height: p.height, data };
    });
    return { frames, times: regularTimes(frames.length, fps) };
  },
};

/** All ladders, in report order. */
export const DISTORTIONS: readonly Distortion[] = [freeze, black, flicker, stutter, doubled, interlacing];
