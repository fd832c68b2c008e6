/**
 * ffmpeg's own full-reference figures for a pair of files (Node, tests only): the `psnr` and `ssim`
 * filters' per-frame stats (`stats_file=-`), the counterpart the project's full-reference model is
 * checked against. Also a Spearman rank correlation for comparing per-frame curves.
 */
import { spawnSync } from 'node:child_process';

/** ffmpeg's per-frame figures for one pair. */
export interface FfmpegFullRef {
  psnrY: number[];
  psnrAvg: number[];
  ssimY: number[];
  ssimAll: number[];
}

function stats(a: string, b: string, filter: 'psnr' | 'ssim'): string[] {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-i', a, '-i', b, '-lavfi', `[0:v][1:v]${filter}=stats_file=-`, '-f', 'null', '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`ffmpeg ${filter} failed: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l.startsWith('n:'));
}

function field(line: string, key: string): number {
  const m = new RegExp(`(?:^|\\s)${key}:(\\S+)`).exec(line);
  if (!m) throw new Error(`no ${key} in "${line}"`);
  return m[1] === 'inf' ? Number.POSITIVE_INFINITY : Number(m[1]);
}

/** Runs ffmpeg's psnr and ssim filters on `a` (main) and `b` (reference) and parses their per-frame lines. */
export function ffmpegFullRef(a: string, b: string): FfmpegFullRef {
  const p = stats(a, b, 'psnr');
  const s = stats(a, b, 'ssim');
  return {
    psnrY: p.map((l) => field(l, 'psnr_y')),
    psnrAvg: p.map((l) => field(l, 'psnr_avg')),
    ssimY: s.map((l) => field(l, 'Y')),
    ssimAll: s.map((l) => field(l, 'All')),
  };
}

function ranks(v: number[]): number[] {
  const order = v.map((x, i) => [x, i] as const).sort((p, q) => p[0] - q[0]);
  const r = new Array<number>(v.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && order[j + 1]![0] === order[i]![0]) j++;
    for (let k = i; k <= j; k++) r[order[k]![1]] = (i + j) / 2;
    i = j + 1;
  }
  return r;
}

/** Spearman's rank correlation of two equally long series (ties get their mean rank). */
export function spearman(x: number[], y: number[]): number {
  if (x.length !== y.length || x.length < 2) throw new Error(`spearman: lengths ${x.length} and ${y.length}`);
  const rx = ranks(x);
  const ry = ranks(y);
  const m = (x.length - 1) / 2;
  let num = 0;
  let dx = 0;
  let dy = 0;
  for (let i = 0; i < x.length; i++) {
    num += (rx[i]! - m) * (ry[i]! - m);
    dx += (rx[i]! - m) ** 2;
    dy += (ry[i]! - m) ** 2;
  }
  return num / Math.sqrt(dx * dy);
}

/** Mean of a series. */
export function mean(v: number[]): number {
  return v.reduce((s, x) => s + x, 0) / v.length;
}
