/**
 * Clip plumbing for the temporal ladders: decode a source's first seconds into luma planes, re-encode
 * an edited frame list with x264 (so repeated or inserted frames carry real encoder noise), and read
 * it back at the temporal or analysis size.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Plane } from '../../src/testing/expert-harness.ts';
import { readPlanes } from '../../src/testing/media.ts';

/**
 * Decodes the first `frames` frames of a video as luma planes, at its own size or `width` wide
 * (aspect kept), with even dimensions.
 */
export function decodeSource(path: string, frames: number, width?: number): Plane[] {
  const filter = width ? `scale=${width}:-2:flags=area` : 'scale=trunc(iw/2)*2:trunc(ih/2)*2';
  return readPlanes(path, { filter, frames });
}

/**
 * Encodes luma planes (all the same size) as H.264 at a constant rate and writes `outFile`.
 * Chroma is neutral. Single-threaded so the bytes are reproducible.
 */
export function encodeLuma(planes: Plane[], outFile: string, fps = 30, crf = 23): string {
  const first = planes[0];
  if (!first) throw new Error('no planes to encode');
  const frame = first.width * first.height;
  const raw = new Uint8Array(frame * planes.length);
  planes.forEach((p, i) => {
    for (let j = 0; j < frame; j++) raw[i * frame + j] = Math.max(0, Math.min(255, Math.round(p.data[j]!)));
  });
  mkdirSync(dirname(outFile), { recursive: true });
  const args = [
    '-v', 'error', '-y', '-f', 'rawvideo', '-pix_fmt', 'gray', '-s', `${first.width}x${first.height}`, '-r', String(fps), '-i', '-',
    '-vf', 'format=yuv420p', '-c:v', 'libx264', '-preset', 'veryfast', '-threads', '1', '-crf', String(crf), outFile,
  ];
  const r = spawnSync('ffmpeg', args, { input: raw, maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`ffmpeg encode failed: ${r.stderr.toString()}`);
  return outFile;
}

/** Reads an encoded clip back at the temporal size (`width` wide, aspect kept, even height). */
export function readTemporal(path: string, width = 320): Plane[] {
  return readPlanes(path, { filter: `scale=${width}:-2:flags=area` });
}

/** Reads an encoded clip back at its own size (rows kept), every `step`-th frame. */
export function readAnalysis(path: string, step = 1): Plane[] {
  return readPlanes(path, { filter: step > 1 ? `framestep=${step}` : '' });
}

/** Regular timestamps for `n` frames at `fps`. */
export function regularTimes(n: number, fps = 30): number[] {
  return Array.from({ length: n }, (_, i) => i / fps);
}
