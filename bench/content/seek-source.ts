/**
 * A Node `FrameSource` whose `framesAt` hands over only the frames near the requested times: one
 * ffmpeg CLI call decodes the file and its `select` filter keeps those frames, so only a few frames
 * are copied out (at the file's size, 8-bit YUV 4:2:0, with their presentation times). `frames()` is
 * the full-decode source's. For the dataset's probes.
 */
import { spawnSync } from 'node:child_process';
import type { FrameSource, SourceFrame } from '../../src/decode/frame-source.ts';
import type { YuvPlanes } from '../../src/frames/frame-pixels.ts';
import { openFfmpegFrameSource } from '../../src/testing/ffmpeg-frame-source.ts';

function startTime(path: string): number {
  const out = spawnSync('ffprobe', ['-v', 'error', '-show_entries', 'format=start_time', '-of', 'csv=p=0', path], { encoding: 'utf8' });
  return Number(out.stdout.trim()) || 0;
}

/**
 * Decodes the file once and keeps only the frames near the requested times (ffmpeg's `select`): the
 * frames in [w − 2 steps, w + step/2] of each time w, and the first frame after w (for held frames).
 */
function framesNear(path: string, start: number, want: readonly number[], step: number, w: number, h: number, fullRange: boolean): SourceFrame[] {
  const terms = want.flatMap((t) => [`between(t,${start + t - 2 * step},${start + t + step / 2})`, `lte(prev_t,${start + t})*gt(t,${start + t})`]);
  const args = ['-v', 'info', '-nostats', '-i', path, '-map', '0:v:0', '-vf', `select='${terms.join('+')}',showinfo`, '-fps_mode', 'passthrough', '-pix_fmt', 'yuv420p', '-f', 'rawvideo', '-'];
  const out = spawnSync('ffmpeg', args, { maxBuffer: 1 << 30 });
  const times = [...String(out.stderr).matchAll(/pts_time:\s*(-?[\d.]+)/g)].map((m) => Number(m[1]));
  const cw = Math.ceil(w / 2), ch = Math.ceil(h / 2);
  const size = w * h + 2 * cw * ch;
  const frames: SourceFrame[] = [];
  const buf = out.stdout as Buffer;
  for (let i = 0; (i + 1) * size <= buf.length; i++) {
    const pixels: YuvPlanes = {
      fullRange,
      width: w,
      height: h,
      data: new Uint8Array(buf.subarray(i * size, (i + 1) * size)),
      y: { offset: 0, stride: w },
      u: { offset: w * h, stride: cw, width: cw, height: ch },
      v: { offset: w * h + cw * ch, stride: cw, width: cw, height: ch },
    };
    frames.push({ tS: Math.max(0, (times[i] ?? start) - start), pixels });
  }
  return frames;
}

/** Opens `path` with a seeking `framesAt`. */
export function openSeekingFrameSource(path: string, fullRange = false): FrameSource {
  const base = openFfmpegFrameSource(path);
  const { width, height } = base.info;
  const start = startTime(path);
  const step = base.info.fps > 0 ? 1 / base.info.fps : 1 / 30;
  return {
    info: base.info,
    frames: (signal) => base.frames(signal),
    // The container's keyframe times, so the probe picks its points as it does in the app.
    ...(base.keyTimes ? { keyTimes: (limit: number) => base.keyTimes!(limit) } : {}),
    async *framesAt(times) {
      const got = framesNear(path, start, times, step, width, height, fullRange);
      if (!got.length) throw new Error(`no frames decoded from ${path}`);
      // The frame shown at t: the last one at or before it (half a step of slack for rounded times),
      // else the first one after it.
      for (const t of times) yield got.filter((f) => f.tS <= t + step / 2).at(-1) ?? got.find((f) => f.tS > t) ?? got.at(-1)!;
    },
    dispose: () => base.dispose(),
  };
}
