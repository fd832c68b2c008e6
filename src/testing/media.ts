/**
 * Node-side media helpers for tests and benchmarks: read images and clips into luma/RGB planes and
 * apply distortions, all through the system's ffmpeg so results are deterministic and reproducible.
 */
import { execFileSync } from 'node:child_process';
import type { Plane } from './expert-harness.ts';

/** Size of an image or the first video stream, from ffprobe. */
export function probeSize(path: string): { width: number; height: number } {
  const out = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', path], {
    encoding: 'utf8',
  });
  const [w, h] = out.trim().split(',').map(Number);
  if (!w || !h) throw new Error(`cannot probe ${path}`);
  return { width: w, height: h };
}

/**
 * Decodes an image or video through an ffmpeg filter chain into 8-bit planes.
 * `filter` is an ffmpeg -vf chain (may be empty); `frames` limits how many frames are read.
 * Luma is BT.601 limited-range Y as ffmpeg's gray conversion gives it.
 */
export function readPlanes(path: string, options: { filter?: string; frames?: number; planes?: 'luma' | 'rgb'; inputArgs?: string[] } = {}): Plane[] {
  const planes = options.planes ?? 'luma';
  const vf = [options.filter, planes === 'luma' ? 'format=gray' : 'format=rgb24'].filter(Boolean).join(',');
  const args = ['-v', 'error', ...(options.inputArgs ?? []), '-i', path, '-vf', vf];
  if (options.frames) args.push('-frames:v', String(options.frames));
  args.push('-f', 'rawvideo', '-');
  // Probe the size after filtering by running ffprobe on the filter graph is awkward; run ffmpeg once
  // with -f null to read the output size from a single frame instead.
  const size = filteredSize(path, vf, options.inputArgs ?? []);
  const raw = execFileSync('ffmpeg', args, { maxBuffer: 1 << 30 });
  const channels = planes === 'luma' ? 1 : 3;
  const frameBytes = size.width * size.height * channels;
  const count = Math.floor(raw.length / frameBytes);
  const out: Plane[] = [];
  for (let i = 0; i < count; i++) {
    const slice = raw.subarray(i * frameBytes, (i + 1) * frameBytes);
    const data = new Float32Array(frameBytes);
    if (channels === 1) for (let j = 0; j < frameBytes; j++) data[j] = slice[j]!;
    else {
      // Interleaved RGB → planar [3, H, W].
      const n = size.width * size.height;
      for (let j = 0; j < n; j++) {
        data[j] = slice[3 * j]!;
        data[n + j] = slice[3 * j + 1]!;
        data[2 * n + j] = slice[3 * j + 2]!;
      }
    }
    out.push({ width: size.width, height: size.height, data });
  }
  return out;
}

function filteredSize(path: string, vf: string, inputArgs: string[]): { width: number; height: number } {
  const out = execFileSync(
    'ffmpeg',
    ['-v', 'error', ...inputArgs, '-i', path, '-vf', `${vf},format=gray`, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'pgm', '-'],
    { maxBuffer: 1 << 28 },
  );
  // PGM header: "P5\n<w> <h>\n255\n".
  const header = out.subarray(0, 40).toString('latin1');
  const m = /^P5\s+(\d+)\s+(\d+)\s+/.exec(header);
  if (!m) throw new Error(`cannot read filtered size of ${path}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

/**
 * Encodes an image or clip with x264 at the given CRF and returns the path of the encoded file
 * (in `outDir`), so a caller can read it back with readPlanes. Deterministic (single thread).
 */
export function encodeCrf(path: string, crf: number, outFile: string, extra: string[] = []): string {
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-i', path, ...extra,
    '-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2,format=yuv420p',
    '-c:v', 'libx264', '-preset', 'medium', '-threads', '1', '-crf', String(crf), outFile,
  ]);
  return outFile;
}

/** Spearman rank correlation of two equally long series. */
export function spearman(a: number[], b: number[]): number {
  const rank = (v: number[]) => {
    const idx = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
    const r = new Array<number>(v.length);
    for (let i = 0; i < idx.length; ) {
      let j = i;
      while (j + 1 < idx.length && idx[j + 1]![0] === idx[i]![0]) j++;
      for (let k = i; k <= j; k++) r[idx[k]![1]] = (i + j) / 2;
      i = j + 1;
    }
    return r;
  };
  const ra = rank(a);
  const rb = rank(b);
  const n = a.length;
  const ma = ra.reduce((s, x) => s + x, 0) / n;
  const mb = rb.reduce((s, x) => s + x, 0) / n;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    num += (ra[i]! - ma) * (rb[i]! - mb);
    da += (ra[i]! - ma) ** 2;
    db += (rb[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}
