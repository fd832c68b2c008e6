/**
 * Makes the localization clips in bench/clips/loc/: a 20-second clean 640x360 clip and copies of it
 * with one artifact inserted at a known time (and region, for local ones), plus truth.json listing
 * every inserted event. Deterministic (single-threaded x264, bit-exact flags); existing files are kept
 * unless FORCE=1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Region } from '../src/report/types.ts';
import type { TruthClip, TruthEvent } from './lib/truth.ts';

const W = 640;
const H = 360;
const FPS = 30;
const DURATION = 20;
const out = resolve(import.meta.dirname, 'clips/loc');
const force = process.env.FORCE === '1';
const X264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-x264-params', 'threads=1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1'];

/** A pixel rectangle and its fraction-of-frame region. */
function rect(x: number, y: number, w: number, h: number): { px: string; region: Region } {
  return { px: `${w}:${h}:${x}:${y}`, region: { x: x / W, y: y / H, w: w / W, h: h / H } };
}

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args], { stdio: 'inherit' });
}

/** The clean source: fractal zoom + moving test pattern + light grain, near-lossless. */
function makeBase(file: string): void {
  const g =
    `mandelbrot=s=${W}x${H}:r=${FPS}:maxiter=192:start_scale=1.5:end_scale=0.3:end_pts=120[m];testsrc2=s=${W}x${H}:r=${FPS}[t];` +
    `[m]format=yuv420p[m1];[t]format=yuv420p[t1];[m1][t1]blend=all_expr='A*0.62+B*0.38',noise=alls=3:allf=t:all_seed=23`;
  ffmpeg(['-filter_complex', g, '-frames:v', String(DURATION * FPS), ...X264, '-preset', 'fast', '-crf', '10', file]);
}

const on = (a: number, b: number) => `enable='between(t,${a},${b - 0.001})'`;
const blurBox = rect(320, 48, 256, 192);
const noiseBox = rect(64, 160, 224, 160);

interface Recipe {
  name: string;
  events: TruthEvent[];
  /** filter_complex from [0:v] (the base) and, when `crushed`, [1:v] (the base at QP 51) to [v]. */
  graph: string;
  crushed?: boolean;
  /** Keep source timestamps (dropped frames leave gaps). */
  passthrough?: boolean;
  recipe: string;
}

const RECIPES: Recipe[] = [
  { name: 'clean', events: [], graph: '[0:v]null[v]', recipe: 'nothing inserted' },
  {
    name: 'freeze',
    events: [{ type: 'freeze', startS: 6, endS: 9 }],
    graph: `[0:v]split[a][b];[a][b]freezeframes=first=${6 * FPS}:last=${9 * FPS - 1}:replace=${6 * FPS - 1}[v]`,
    recipe: 'frames 6.0-9.0 s replaced by the frame before',
  },
  {
    name: 'black',
    events: [{ type: 'black', startS: 11, endS: 12.5 }],
    graph: `[0:v]drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:${on(11, 12.5)}[v]`,
    recipe: 'frames 11.0-12.5 s painted black',
  },
  {
    name: 'flicker',
    events: [{ type: 'flicker', startS: 4, endS: 7 }],
    graph: `[0:v]eq=brightness='0.1*mod(n,2)-0.05':eval=frame:${on(4, 7)}[v]`,
    recipe: 'brightness alternating by ±0.05 every frame, 4.0-7.0 s',
  },
  {
    name: 'blur',
    events: [{ type: 'blur', startS: 8, endS: 12, region: blurBox.region }],
    graph: `[0:v]split[a][b];[b]crop=${blurBox.px},gblur=sigma=6[g];[a][g]overlay=${blurBox.px.split(':').slice(2).join(':')}:${on(8, 12)}[v]`,
    recipe: `gblur sigma 6 inside ${blurBox.px} (w:h:x:y px), 8.0-12.0 s`,
  },
  {
    name: 'blocking',
    events: [{ type: 'blocking', startS: 13, endS: 16 }],
    crushed: true,
    graph: `[0:v][1:v]overlay=0:0:${on(13, 16)}[v]`,
    recipe: 'the base encoded at QP 51 without deblocking, shown 13.0-16.0 s',
  },
  {
    name: 'noise',
    events: [{ type: 'noise', startS: 5, endS: 9, region: noiseBox.region }],
    graph: `[0:v]split[a][b];[b]crop=${noiseBox.px},noise=alls=40:allf=t:all_seed=5[n];[a][n]overlay=${noiseBox.px.split(':').slice(2).join(':')}:${on(5, 9)}[v]`,
    recipe: `temporal noise strength 40 inside ${noiseBox.px} (w:h:x:y px), 5.0-9.0 s`,
  },
  {
    name: 'stutter',
    events: [{ type: 'stutter', startS: 10, endS: 13 }],
    passthrough: true,
    graph: `[0:v]select='not(between(t,10,12.999)*mod(n,3))'[v]`,
    recipe: 'two of every three frames dropped 10.0-13.0 s, timestamps kept (100 ms gaps)',
  },
  {
    name: 'interlacing',
    events: [{ type: 'interlacing', startS: 14, endS: 17 }],
    graph: `[0:v]split[a][b];[b]setpts=PTS-2/(${FPS}*TB)[c];[a][c]blend=all_expr='if(mod(Y,2),B,A)':shortest=1:${on(14, 17)}[v]`,
    recipe: 'odd rows from two frames later woven in (combing on motion), 14.0-17.0 s',
  },
];

/** Makes every clip that is missing and writes truth.json. */
function main(): void {
  mkdirSync(out, { recursive: true });
  const base = join(out, '.base.mp4');
  const crushed = join(out, '.base-qp51.mp4');
  if (force || !existsSync(base)) makeBase(base);
  if (force || !existsSync(crushed)) ffmpeg(['-i', base, ...X264, '-preset', 'fast', '-qp', '51', '-x264-params', 'threads=1:no-deblock=1', crushed]);
  const truth: TruthClip[] = [];
  for (const r of RECIPES) {
    const file = `loc-${r.name}.mp4`;
    const path = join(out, file);
    if (force || !existsSync(path)) {
      const inputs = ['-i', base, ...(r.crushed ? ['-i', crushed] : [])];
      const timing = r.passthrough ? ['-fps_mode', 'passthrough'] : [];
      ffmpeg([...inputs, '-filter_complex', r.graph, '-map', '[v]', ...timing, ...X264, '-preset', 'fast', '-crf', '16', path]);
      console.log(`make-loc-clips: ${file}`);
    }
    truth.push({ file, durationS: DURATION, width: W, height: H, clean: r.events.length === 0, events: r.events, recipe: r.recipe });
  }
  writeFileSync(join(out, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
}

main();
