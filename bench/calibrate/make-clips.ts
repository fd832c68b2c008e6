/**
 * Makes the fusion-calibration set in bench/clips/calibration/: 2-second clips from real photos
 * (a slow pan, so there is motion), real camera clips (at their own frame rate: resampling the rate
 * would insert repeated frames) and one synthetic source, each pristine and
 * degraded along six ladders (blur, x264 CRF, noise, downscale-then-upscale, clipped highlights,
 * crushed shadows) at four severities.
 * Deterministic; existing files are kept unless FORCE=1. Writes index.json with each clip's ladder
 * and level.
 *
 *   npx tsx bench/calibrate/make-clips.ts
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One clip of the calibration set. */
export interface CalibrationClip {
  file: string;
  source: string;
  ladder: 'pristine' | 'blur' | 'crf' | 'noise' | 'scale' | 'bright' | 'dark';
  /** 0 = pristine, 4 = most severe. */
  level: number;
}

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared/data');
const OUT = join(ROOT, 'bench/clips/calibration');
const SIZE = '640:360';

const PHOTOS = ['butterfly.jpg', 'building.jpg', 'fruits.jpg', 'home.jpg', 'astronaut.png', 'chelsea.png', 'coffee.png', 'flower.png', 'leuvenA.jpg', 'aero3.jpg'];
const VIDEOS = ['cup.mp4', 'box.mp4'];

/** Severity parameters per ladder, levels 1..4. */
const LADDERS: Record<Exclude<CalibrationClip['ladder'], 'pristine'>, { vf: (l: number) => string; crf: (l: number) => number }> = {
  blur: { vf: (l) => `gblur=sigma=${[1, 2, 3, 4][l - 1]}`, crf: () => 16 },
  crf: { vf: () => 'null', crf: (l) => [30, 38, 44, 51][l - 1]! },
  noise: { vf: (l) => `noise=alls=${[8, 16, 28, 40][l - 1]}:allf=t:all_seed=5`, crf: () => 16 },
  scale: { vf: (l) => { const f = [2, 3, 4, 6][l - 1]!; return `scale=iw/${f}:ih/${f}:flags=area,scale=640:360:flags=bicubic`; }, crf: () => 16 },
  // Gain that clips highlights, and an offset that crushes shadows.
  bright: { vf: (l) => `lutyuv=y='clip(16+(val-16)*${[1.3, 1.6, 2.0, 2.6][l - 1]},16,235)'`, crf: () => 16 },
  dark: { vf: (l) => `lutyuv=y='clip(val-${[25, 50, 75, 100][l - 1]},16,235)'`, crf: () => 16 },
};

const FF = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'];
const X264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'fast', '-x264-params', 'threads=1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1', '-an'];

/** ffmpeg input arguments and the base filter that make a 2-s 640x360 30 fps source. */
function sourceArgs(name: string): { input: string[]; base: string } | undefined {
  if (PHOTOS.includes(name)) {
    const path = join(SHARED, 'images', name);
    if (!existsSync(path)) return undefined;
    // A slow pan across the photo, upscaled a little first so the crop can move.
    return {
      input: ['-loop', '1', '-framerate', '30', '-t', '2', '-i', path],
      base: `scale=800:450:force_original_aspect_ratio=increase,crop=800:450,crop=640:360:x='80*t':y='45*t',setsar=1`,
    };
  }
  if (VIDEOS.includes(name)) {
    const path = join(SHARED, 'videos', name);
    if (!existsSync(path)) return undefined;
    return { input: ['-ss', '1', '-t', '2', '-i', path], base: `scale=${SIZE}:force_original_aspect_ratio=increase,crop=640:360,setsar=1` };
  }
  if (name === 'synthetic') {
    return { input: ['-f', 'lavfi', '-t', '2', '-i', 'mandelbrot=s=640x360:r=30:start_scale=1.5:end_scale=0.3'], base: 'format=yuv420p' };
  }
  return undefined;
}

function make(): void {
  mkdirSync(OUT, { recursive: true });
  const index: CalibrationClip[] = [];
  for (const source of [...PHOTOS, ...VIDEOS, 'synthetic']) {
    const src = sourceArgs(source);
    if (!src) {
      console.log(`calibration: ${source} is missing, skipped`);
      continue;
    }
    const stem = source.replace(/\.[a-z0-9]+$/, '');
    const jobs: { ladder: CalibrationClip['ladder']; level: number; vf: string; crf: number }[] = [{ ladder: 'pristine', level: 0, vf: 'null', crf: 16 }];
    for (const [ladder, spec] of Object.entries(LADDERS)) {
      for (let level = 1; level <= 4; level++) jobs.push({ ladder: ladder as CalibrationClip['ladder'], level, vf: spec.vf(level), crf: spec.crf(level) });
    }
    for (const job of jobs) {
      const file = `${stem}-${job.ladder}-${job.level}.mp4`;
      const path = join(OUT, file);
      if (process.env.FORCE === '1' || !existsSync(path)) {
        execFileSync('ffmpeg', [...FF, ...src.input, '-vf', `${src.base},${job.vf}`, '-frames:v', '60', ...X264, '-crf', String(job.crf), path]);
      }
      index.push({ file, source: stem, ladder: job.ladder, level: job.level });
    }
    console.log(`calibration: ${stem} (${jobs.length} clips)`);
  }
  writeFileSync(join(OUT, 'index.json'), JSON.stringify(index, null, 2) + '\n');
}

make();
