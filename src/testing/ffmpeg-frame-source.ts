/**
 * A `FrameSource` for Node (tests and benchmarks): decodes any file ffmpeg can read with the system's
 * ffmpeg CLI into 8-bit YUV 4:2:0 frames at the file's size, with presentation times from ffmpeg's
 * `showinfo`. It lets the real pipeline run outside the browser; the app never uses it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { basename, extname } from 'node:path';
import type { FrameSource, SourceFrame, VideoInfo } from '../decode/frame-source.ts';
import type { YuvPlanes } from '../frames/frame-pixels.ts';

interface Probe {
  width: number;
  height: number;
  codec: string;
  durationS: number;
  fps: number;
  frameCount: number;
  fullRange: boolean;
}

function probe(path: string): Probe {
  const out = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-count_packets', '-show_entries', 'stream=width,height,codec_name,avg_frame_rate,nb_read_packets,duration,color_range:format=duration', '-of', 'json', path], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`ffprobe failed on ${path}: ${out.stderr}`);
  const json = JSON.parse(out.stdout) as { streams?: Record<string, string | number>[]; format?: { duration?: string } };
  const s = json.streams?.[0];
  if (!s) throw new Error(`${path} has no video stream`);
  const [num, den] = String(s.avg_frame_rate ?? '0/1').split('/').map(Number);
  const fps = den ? num! / den : 0;
  const frameCount = Number(s.nb_read_packets) || 0;
  const durationS = Number(s.duration ?? json.format?.duration) || (fps ? frameCount / fps : 0);
  return { width: Number(s.width), height: Number(s.height), codec: String(s.codec_name), durationS, fps, frameCount, fullRange: s.color_range === 'pc' };
}

/** Opens a file for decoding with the ffmpeg CLI. */
export function openFfmpegFrameSource(path: string): FrameSource {
  const p = probe(path);
  const info: VideoInfo = {
    container: extname(path).slice(1).toLowerCase(),
    codec: p.codec,
    width: p.width,
    height: p.height,
    durationS: p.durationS,
    fps: p.fps,
    frameCount: p.frameCount,
    decoder: 'webcodecs',
  };
  const frames = (filter?: string) => decodeFrames(path, p, filter);
  return {
    info,
    frames: () => frames(),
    framesAt: (times) => nearestFrames(frames(), times),
    keyTimes: async (limit) => keyTimes(path, limit),
    dispose: () => undefined,
  };
}

/** Key-packet times from the container (ffprobe reads packet flags, nothing is decoded), from the first packet. */
function keyTimes(path: string, limit: number): number[] {
  const out = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time,flags', '-of', 'csv=p=0', path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const packets = out.stdout
    .split('\n')
    .map((line) => line.split(','))
    .filter((r) => r[0] !== undefined && r[0] !== '' && Number.isFinite(Number(r[0])))
    .map((r) => ({ t: Number(r[0]), key: (r[1] ?? '').includes('K') }));
  if (packets.length === 0) return [];
  const first = Math.min(...packets.map((p) => p.t));
  return packets
    .filter((p) => p.key)
    .map((p) => p.t - first)
    .sort((a, b) => a - b)
    .slice(0, limit);
}

/** The frames whose display interval holds each requested time (the last one before it). */
async function* nearestFrames(all: AsyncIterable<SourceFrame>, times: readonly number[]): AsyncGenerator<SourceFrame> {
  let i = 0;
  let prev: SourceFrame | undefined;
  for await (const f of all) {
    while (i < times.length && f.tS > times[i]! + 1e-6 && prev) {
      yield prev;
      i++;
    }
    if (i >= times.length) return;
    prev = { tS: f.tS, pixels: { ...f.pixels, data: f.pixels.data.slice() } };
  }
  while (prev && i++ < times.length) yield prev;
}

async function* decodeFrames(path: string, p: Probe, filter?: string): AsyncGenerator<SourceFrame> {
  const w = p.width;
  const h = p.height;
  const cw = Math.ceil(w / 2);
  const ch = Math.ceil(h / 2);
  const size = w * h + 2 * cw * ch;
  const vf = [filter, 'showinfo'].filter(Boolean).join(',');
  const proc = spawn('ffmpeg', ['-v', 'info', '-nostats', '-i', path, '-map', '0:v:0', '-vf', vf, '-fps_mode', 'passthrough', '-pix_fmt', 'yuv420p', '-f', 'rawvideo', '-'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const times: number[] = [];
  let errText = '';
  proc.stderr.setEncoding('utf8');
  proc.stderr.on('data', (chunk: string) => {
    errText = (errText + chunk).slice(-20000);
    for (const m of chunk.matchAll(/pts_time:\s*(-?[\d.]+)/g)) times.push(Number(m[1]));
  });
  const exited = new Promise<number>((resolve) => proc.on('close', (code) => resolve(code ?? 1)));
  let pending: Buffer = Buffer.alloc(0);
  let index = 0;
  let first: number | undefined;
  for await (const chunk of proc.stdout as AsyncIterable<Buffer>) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= size) {
      const data = new Uint8Array(pending.subarray(0, size));
      pending = pending.subarray(size);
      // showinfo writes its line before the frame reaches the output; wait for it if it lags.
      while (times.length <= index && proc.exitCode === null) await new Promise((r) => setTimeout(r, 1));
      const t = times[index] ?? (p.fps ? index / p.fps : index / 30);
      first ??= t;
      index++;
      const pixels: YuvPlanes = {
        fullRange: p.fullRange,
        width: w,
        height: h,
        data,
        y: { offset: 0, stride: w },
        u: { offset: w * h, stride: cw, width: cw, height: ch },
        v: { offset: w * h + cw * ch, stride: cw, width: cw, height: ch },
      };
      yield { tS: Math.max(0, t - first), pixels };
    }
  }
  const code = await exited;
  if (code !== 0 && index === 0) throw new Error(`ffmpeg could not decode ${basename(path)}: ${errText.split('\n').slice(-3).join(' ')}`);
}
