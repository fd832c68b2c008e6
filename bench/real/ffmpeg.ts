/** ffmpeg/ffprobe calls shared by the clip makers: deterministic x264 settings, probing, metrics. */
import { execFileSync, spawnSync } from 'node:child_process';

/** Single-threaded, bit-exact x264 in yuv420p: the same bytes on every machine run. */
export const X264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-x264-params', 'threads=1', '-threads', '1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1', '-an'];

/** Runs ffmpeg quietly; throws with its stderr on failure. */
export function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Width, height, duration (s), frame rate and frame count of the first video stream. */
export function probe(path: string): { width: number; height: number; durationS: number; fps: number; frames: number } {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-count_packets', '-select_streams', 'v:0', '-show_entries', 'stream=width,height,avg_frame_rate,nb_read_packets:format=duration', '-of', 'json', path],
    { encoding: 'utf8' },
  );
  const j = JSON.parse(out) as { streams: { width: number; height: number; avg_frame_rate: string; nb_read_packets?: string }[]; format: { duration?: string } };
  const s = j.streams[0]!;
  const [n, d] = s.avg_frame_rate.split('/').map(Number);
  const fps = d ? n! / d : Number.NaN;
  const frames = Number(s.nb_read_packets ?? Number.NaN);
  let durationS = Number(j.format.duration ?? Number.NaN);
  if (!Number.isFinite(durationS) && Number.isFinite(fps) && fps > 0) durationS = frames / fps;
  return { width: s.width, height: s.height, durationS, fps, frames };
}

/**
 * Full-reference measures of `dist` against `ref` (same size and frame count) over every `step`-th
 * frame (VIF is slow; spatial distortions are the same on every frame): mean SSIM (Y), PSNR (Y, dB)
 * and VIF (mean of ffmpeg's four scales).
 */
export function fullReference(dist: string, ref: string, step = 3): { ssim: number; psnr: number; vif: number } {
  const pick = step > 1 ? `select='not(mod(n\\,${step}))',` : '';
  const r = spawnSync(
    'ffmpeg',
    ['-hide_banner', '-nostdin', '-threads', '1', '-i', dist, '-i', ref, '-lavfi', `[0:v]${pick}format=gray,split=3[a0][a1][a2];[1:v]${pick}format=gray,split=3[b0][b1][b2];[a0][b0]ssim;[a1][b1]psnr;[a2][b2]vif`, '-f', 'null', '-'],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) throw new Error(`ffmpeg full-reference failed: ${r.stderr.slice(-300)}`);
  return parseFullReference(r.stderr);
}

function parseFullReference(log: string): { ssim: number; psnr: number; vif: number } {
  const ssim = Number(/SSIM .*All:([\d.]+)/.exec(log)?.[1]);
  const psnrM = /PSNR .*average:([\d.]+|inf)/.exec(log)?.[1];
  const psnr = psnrM === 'inf' ? 100 : Number(psnrM);
  const scales = [...log.matchAll(/VIF scale=\d average:([\d.]+)/g)].map((m) => Number(m[1]));
  const vif = scales.length === 4 ? scales.reduce((a, b) => a + b, 0) / 4 : Number.NaN;
  return { ssim, psnr, vif };
}
