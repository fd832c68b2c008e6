/**
 * The injected set: every artifact type inserted into real clips (bench/real/injected-sources.ts) at
 * known frames and, for regional types, known regions — at least 6 clips per type, with the hard
 * cases that once failed on real footage among them — plus hard negatives (a steady slow pan) that carry no truth. Writes
 * the clips and truth.json to bench/clips/real/injected/. Deterministic; existing clips are kept.
 *
 *   npx tsx bench/real/make-injected.ts [--size 1280x720 --fps 25] [--out-dir bench/clips/real/injected-720p25] [--kinds noise,banding]
 *
 * With `--size`/`--fps` the same recipes are made at another format (6 s long) into their own folder
 * (default `bench/clips/real/injected-<height>p<fps>`, bases in `base-<height>p<fps>`); the default set
 * is left alone. `--kinds` makes only the clips made for those types (`none`: the hard negatives); truth.json
 * then lists those clips alone (a large format takes a minute a clip on two cores). What keeps its meaning in which unit (bench/real/injected-format.ts):
 * - seconds: every event span, the freeze holds (1.5–2.5 s), black segments, flicker spans;
 * - frames: cadence holds (each picture held 2, 3 or 4 frames), dropped frames (two of every three),
 *   the flicker pattern (a brightness change from frame to frame, or every 2 or 3 frames), the
 *   interlacing offset (rows from 1 or 2 frames later), the MPEG-2 GOP (12 frames), pan speed in
 *   pixels per frame (scaled with the width);
 * - relative size: regions (snapped to even pixels), blur σ and banding's smoothing (scaled with the
 *   height), bitrates (scaled with the pixel rate: the same bits per pixel); code values (noise
 *   strength, banding steps, exposure) and x264's QP are kept.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Region } from '../../src/report/types.ts';
import { argValue } from '../lib/stats.ts';
import type { TruthEvent } from '../lib/truth.ts';
import { ffmpeg, probe, X264 } from './ffmpeg.ts';
import { frameAt, pxRegion, scaleKbps, scalePixels, snappedRegion } from './injected-format.ts';
import { baseClip, DEFAULT_FORMAT, format6s, formatTag, INJECT_SOURCES, type ClipFormat, type InjectSource } from './injected-sources.ts';
import { CLIPS, FOOTAGE } from './paths.ts';

/** One injected clip and its truth. */
export interface InjectedClip {
  file: string;
  source: string;
  half: 'A' | 'B';
  /** The type it was made for ('none' for a hard negative). */
  kind: string;
  durationS: number;
  width: number;
  height: number;
  /** Frame rate of the clip (absent in truth written before formats: 30). */
  fps?: number;
  /** Frame rate of the source footage (absent for a photo pan): source time runs sourceFps / fps as fast. */
  sourceFps?: number;
  events: TruthEvent[];
  recipe: string;
}

interface Recipe {
  name: string;
  source: string;
  kind: string;
  events: TruthEvent[];
  /** Filter graph from [0:v] (the base) and optionally [1:v] (the `alt` version) to [v]. */
  graph: string;
  /** Extra encoder arguments that make the alternate version of the base. */
  alt?: string[];
  passthrough?: boolean;
  recipe: string;
}

const on = (a: number, b: number) => `enable='between(t,${a},${(b - 0.001).toFixed(3)})'`;

const CENTER: Region = { x: 0.2, y: 0.2, w: 0.6, h: 0.6 };
const LEFT: Region = { x: 0, y: 0, w: 0.5, h: 1 };
const RIGHT: Region = { x: 0.45, y: 0.15, w: 0.55, h: 0.7 };
const TOP: Region = { x: 0, y: 0, w: 1, h: 0.45 };

function recipes(fmt: ClipFormat): Recipe[] {
  const FPS = fmt.fps;
  const px = (r: Region) => pxRegion(r, fmt);
  /** Applies `chain` to `region` of the base during [a, b). */
  const local = (region: Region, chain: string, a: number, b: number, from = '[0:v]'): string => {
    const p = px(region);
    return `${from}split[a][b];[b]crop=${p.w}:${p.h}:${p.x}:${p.y},${chain}[g];[a][g]overlay=${p.x}:${p.y}:${on(a, b)}[v]`;
  };
  /** Shows the alternate version [1:v] (optionally only in `region`) during [a, b). */
  const altOver = (a: number, b: number, region?: Region): string => {
    if (!region) return `[0:v][1:v]overlay=0:0:${on(a, b)}[v]`;
    const p = px(region);
    return `[1:v]crop=${p.w}:${p.h}:${p.x}:${p.y}[g];[0:v][g]overlay=${p.x}:${p.y}:${on(a, b)}[v]`;
  };
  const ev = (type: TruthEvent['type'], startS: number, endS: number, region?: Region): TruthEvent => ({ type, startS, endS, ...(region ? { region: snappedRegion(region, fmt) } : {}) });
  const sigmaOf = (s: number) => scalePixels(s, fmt);
  const kbpsOf = (k: number) => scaleKbps(k, fmt);
  const R: Recipe[] = [];
  const src = (i: number) => INJECT_SOURCES[i % 9]!.id;
  // blur: local (30–50 % of the frame) and whole-frame, σ 2–5.
  [[0, CENTER, 4], [1, LEFT, 3], [5, RIGHT, 5], [6, undefined, 2], [7, undefined, 3], [4, TOP, 4]].forEach(([i, region, sigma], k) => {
    const r = region as Region | undefined;
    const a = 1.5 + (k % 3) * 0.5;
    const b = a + 2.5;
    R.push({ name: `blur-${k}`, source: src(i as number), kind: 'blur', events: [ev('blur', a, b, r)], graph: r ? local(r, `gblur=sigma=${sigmaOf(sigma as number)}`, a, b) : `[0:v]gblur=sigma=${sigmaOf(sigma as number)}:${on(a, b)}[v]`, recipe: `gblur σ ${sigmaOf(sigma as number)} ${r ? 'in a region' : 'whole frame'} ${a}-${b} s` });
  });
  // noise: local temporal noise, and whole-frame noise then an encode at a capped bitrate.
  [[2, CENTER, 35], [3, LEFT, 30], [8, RIGHT, 40]].forEach(([i, region, s], k) => {
    const a = 1.5 + k * 0.5;
    const b = a + 2.5;
    R.push({ name: `noise-local-${k}`, source: src(i as number), kind: 'noise', events: [ev('noise', a, b, region as Region)], graph: local(region as Region, `noise=alls=${s}:allf=t:all_seed=${7 + k}`, a, b), recipe: `temporal noise ${s} in a region ${a}-${b} s` });
  });
  [[4, 20, 600], [5, 28, 800], [6, 16, 400]].forEach(([i, s, kbps0], k) => {
    const kbps = kbpsOf(kbps0!);
    const a = 2 + k * 0.5;
    const b = a + 2.5;
    R.push({
      name: `noise-capped-${k}`, source: src(i!), kind: 'noise', events: [ev('noise', a, b)],
      alt: ['-vf', `noise=alls=${s}:allf=t:all_seed=${11 + k}`, '-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps}k`],
      graph: altOver(a, b), recipe: `temporal noise ${s} then x264 capped at ${kbps} kbit/s, shown ${a}-${b} s`,
    });
  });
  // blocking: heavy MPEG-2 (whole frame or a region) and x264 at QP 46 without deblocking.
  [[7, 250, undefined], [8, 300, undefined], [0, 200, CENTER], [1, 350, LEFT]].forEach(([i, kbps0, region], k) => {
    const kbps = kbpsOf(kbps0 as number);
    const a = 1.5 + k * 0.5;
    const b = a + 2.5;
    const r = region as Region | undefined;
    R.push({
      name: `blocking-mpeg2-${k}`, source: src(i as number), kind: 'blocking', events: [ev('blocking', a, b, r)],
      alt: ['-c:v', 'mpeg2video', '-b:v', `${kbps}k`, '-maxrate', `${kbps}k`, '-bufsize', `${kbps}k`, '-g', '12'],
      graph: altOver(a, b, r), recipe: `MPEG-2 at ${kbps} kbit/s ${r ? 'in a region' : 'whole frame'}, shown ${a}-${b} s`,
    });
  });
  [2, 3].forEach((i, k) => {
    const a = 2 + k;
    const b = a + 2;
    R.push({ name: `blocking-x264-${k}`, source: src(i), kind: 'blocking', events: [ev('blocking', a, b)], alt: ['-qp', '46', '-x264-params', 'threads=1:no-deblock=1'], graph: altOver(a, b), recipe: `x264 QP 46 without deblocking, shown ${a}-${b} s` });
  });
  // banding: smooth real areas (sky, wall, floor, water) quantised to steps of 10–16 code values.
  INJECT_SOURCES.filter((s) => s.smooth).forEach((s, k) => {
    const step = [12, 16, 10, 14, 12, 16][k % 6]!;
    const a = 1.5 + (k % 3) * 0.5;
    const b = a + 3;
    const q = `lutyuv=y='floor(val/${step})*${step}+${step >> 1}':u='floor(val/${step >> 1})*${step >> 1}':v='floor(val/${step >> 1})*${step >> 1}'`;
    R.push({ name: `banding-${k}`, source: s.id, kind: 'banding', events: [ev('banding', a, b, s.smooth)], graph: local(s.smooth!, `gblur=sigma=${sigmaOf(1.5)},${q}`, a, b), recipe: `smooth area quantised to steps of ${step} (after a σ ${sigmaOf(1.5)} smoothing), ${a}-${b} s` });
  });
  // exposure: highlights clipped flat, shadows crushed, over a span.
  [[0, 0.3, 1.5], [2, 0.25, 1.6], [4, 0.35, 1.3], [5, 0.3, 1.4], [7, 0.2, 1.8], [9, 0.3, 1.5]].forEach(([i, br, c], k) => {
    const a = 2 + (k % 2) * 0.5;
    const b = a + 2;
    R.push({ name: `over-${k}`, source: src(i!), kind: 'overexposure', events: [ev('overexposure', a, b)], graph: `[0:v]eq=brightness=${br}:contrast=${c}:${on(a, b)}[v]`, recipe: `eq brightness +${br} contrast ${c}, ${a}-${b} s` });
  });
  [[1, -0.3, 0.8], [3, -0.25, 0.7], [5, -0.35, 0.9], [6, -0.3, 1.2], [8, -0.25, 0.8], [0, -0.4, 1]].forEach(([i, br, c], k) => {
    const a = 2 + (k % 2) * 0.5;
    const b = a + 2;
    R.push({ name: `under-${k}`, source: src(i!), kind: 'underexposure', events: [ev('underexposure', a, b)], graph: `[0:v]eq=brightness=${br}:contrast=${c}:${on(a, b)}[v]`, recipe: `eq brightness ${br} contrast ${c}, ${a}-${b} s` });
  });
  // freeze: one long hold (1.5–2.5 s), including a pan.
  [[1, 1.5], [3, 2], [4, 2.5], [6, 1.5], [8, 2], [9, 2]].forEach(([i, len], k) => {
    const a = 2 + (k % 2) * 0.5;
    const b = a + len!;
    const f0 = frameAt(a, fmt);
    const f1 = frameAt(b, fmt) - 1;
    R.push({ name: `freeze-${k}`, source: src(i!), kind: 'freeze', events: [ev('freeze', a, b)], graph: `[0:v]split[a][b];[a][b]freezeframes=first=${f0}:last=${f1}:replace=${f0 - 1}[v]`, recipe: `frames ${a}-${b} s replaced by the frame before` });
  });
  // black: a black segment (black only: not blur, not underexposure).
  [[0, 1], [2, 0.7], [5, 1.5], [7, 1], [8, 0.5], [4, 1]].forEach(([i, len], k) => {
    const a = 2 + (k % 3) * 0.5;
    const b = a + len!;
    R.push({ name: `black-${k}`, source: src(i!), kind: 'black', events: [ev('black', a, b)], graph: `[0:v]drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:${on(a, b)}[v]`, recipe: `frames ${a}-${b} s painted black` });
  });
  // flicker: 1.5 s of frame-to-frame brightness changes (one event each).
  const fl = ["0.08*mod(n,2)-0.04", "0.12*mod(n,2)-0.06", "0.1*mod(floor(n/2),2)-0.05", "0.06*sin(n*2.1)", "0.1*mod(n,2)-0.05", "0.08*mod(floor(n/3),2)-0.04"];
  [0, 2, 3, 5, 7, 8].forEach((i, k) => {
    const a = 2 + (k % 3) * 0.5;
    const b = a + 1.5;
    R.push({ name: `flicker-${k}`, source: src(i), kind: 'flicker', events: [ev('flicker', a, b)], graph: `[0:v]eq=brightness='${fl[k]}':eval=frame:${on(a, b)}[v]`, recipe: `brightness ${fl[k]} per frame, ${a}-${b} s` });
  });
  // stutter: every other frame repeated (on a pan too), cadence holds of 3 and 4 frames, dropped frames with gaps.
  const hold = (n: number) => `[0:v]split[a][b];[b]framestep=${n},fps=${FPS}[c];[a][c]overlay=0:0:`;
  R.push({ name: 'stutter-pan-2', source: 'pan', kind: 'stutter', events: [ev('stutter', 1, 5)], graph: `${hold(2)}${on(1, 5)}[v]`, recipe: 'pan advancing every other frame (each picture held 2 frames), 1-5 s' });
  R.push({ name: 'stutter-double', source: src(5), kind: 'stutter', events: [ev('stutter', 1.5, 4.5)], graph: `${hold(2)}${on(1.5, 4.5)}[v]`, recipe: 'each picture held 2 frames, 1.5-4.5 s' });
  R.push({ name: 'stutter-hold3', source: src(1), kind: 'stutter', events: [ev('stutter', 1.5, 4.5)], graph: `${hold(3)}${on(1.5, 4.5)}[v]`, recipe: 'cadence: each picture held 3 frames then a jump, 1.5-4.5 s' });
  R.push({ name: 'stutter-hold4', source: src(6), kind: 'stutter', events: [ev('stutter', 2, 5)], graph: `${hold(4)}${on(2, 5)}[v]`, recipe: 'cadence: each picture held 4 frames then a jump, 2-5 s' });
  R.push({ name: 'stutter-hold3b', source: src(4), kind: 'stutter', events: [ev('stutter', 1, 4)], graph: `${hold(3)}${on(1, 4)}[v]`, recipe: 'cadence: each picture held 3 frames then a jump, 1-4 s' });
  R.push({ name: 'stutter-drop', source: src(8), kind: 'stutter', events: [ev('stutter', 2, 4.5)], passthrough: true, graph: `[0:v]select='not(between(t,2,4.499)*mod(n,3))'[v]`, recipe: 'two of every three frames dropped 2-4.5 s, timestamps kept (100 ms gaps)' });
  // interlacing: rows from the frame 1 or 2 later woven in (combing on motion).
  [[0, 1], [1, 2], [4, 1], [5, 2], [7, 1], [9, 1]].forEach(([i, off], k) => {
    const a = 2 + (k % 2) * 0.5;
    const b = a + 2;
    R.push({ name: `interlacing-${k}`, source: src(i!), kind: 'interlacing', events: [ev('interlacing', a, b)], graph: `[0:v]split[a][b];[b]setpts=PTS-${off}/(${FPS}*TB)[c];[a][c]blend=all_expr='if(mod(Y,2),B,A)':shortest=1:${on(a, b)}[v]`, recipe: `odd rows from ${off} frame(s) later woven in, ${a}-${b} s` });
  });
  // hard negatives: steady pans must read as motion, nothing else.
  R.push({ name: 'negative-slowpan', source: 'slowpan', kind: 'none', events: [], graph: '[0:v]null[v]', recipe: 'steady pan at 1 px per frame, nothing inserted' });
  R.push({ name: 'negative-pan', source: 'pan', kind: 'none', events: [], graph: '[0:v]null[v]', recipe: 'steady pan at 2 px per frame, nothing inserted' });
  return R;
}

/** The folder of a format's injected set: bench/clips/real/injected[-<tag>]. */
export function injectedDir(fmt: ClipFormat = DEFAULT_FORMAT): string {
  const tag = formatTag(fmt);
  return join(CLIPS, tag ? `injected-${tag}` : 'injected');
}

/**
 * Makes every missing clip of `fmt` in `dir` (only those made for `kinds` when given) and writes
 * truth.json there; returns the truth.
 */
export function makeInjected(log = console.log, fmt: ClipFormat = DEFAULT_FORMAT, dir = injectedDir(fmt), kinds?: readonly string[]): InjectedClip[] {
  const { width: W, height: H, fps: FPS, frames: FRAMES } = fmt;
  mkdirSync(dir, { recursive: true });
  const truth: InjectedClip[] = [];
  const sourceFps = new Map<string, number>();
  for (const r of recipes(fmt).filter((x) => !kinds || kinds.includes(x.kind))) {
    const s = INJECT_SOURCES.find((x) => x.id === r.source) as InjectSource;
    const base = baseClip(s, fmt);
    if (!s.panPx && !sourceFps.has(s.id)) sourceFps.set(s.id, Math.round(probe(join(FOOTAGE, s.file)).fps * 1000) / 1000);
    const file = join(dir, `${r.name}-${r.source}.mp4`);
    if (!existsSync(file)) {
      const inputs = ['-i', base];
      if (r.alt) {
        const alt = join(dir, `.alt-${r.name}-${r.source}.${r.alt.includes('mpeg2video') ? 'mpg' : 'mp4'}`);
        if (!existsSync(alt)) ffmpeg(['-i', base, ...(r.alt.includes('mpeg2video') ? ['-an', '-threads', '1'] : [...X264, '-preset', 'fast']), ...r.alt, alt]);
        inputs.push('-i', alt);
      }
      const timing = r.passthrough ? ['-fps_mode', 'passthrough'] : ['-r', String(FPS)];
      ffmpeg([...inputs, '-filter_complex', r.graph, '-map', '[v]', ...timing, '-frames:v', String(FRAMES), ...X264, '-preset', 'fast', '-crf', '14', file]);
      log(`make-injected: ${r.name}-${r.source}.mp4`);
    }
    const srcFps = sourceFps.get(s.id);
    truth.push({ file: `${r.name}-${r.source}.mp4`, source: r.source, half: s.half, kind: r.kind, durationS: FRAMES / FPS, width: W, height: H, fps: FPS, ...(srcFps ? { sourceFps: srcFps } : {}), events: r.events, recipe: r.recipe });
  }
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
  return truth;
}

/** The format `--size WxH --fps N` asks for (the default without them). */
export function formatFromArgs(): ClipFormat {
  const size = argValue('size');
  const fps = argValue('fps');
  if (!size && !fps) return DEFAULT_FORMAT;
  const [w, h] = (size ?? `${DEFAULT_FORMAT.width}x${DEFAULT_FORMAT.height}`).split('x').map(Number);
  const rate = Number(fps ?? DEFAULT_FORMAT.fps);
  if (!w || !h || w % 2 || h % 2 || !(rate > 0)) throw new Error(`make-injected: bad --size ${size} / --fps ${fps} (even width and height, a positive rate)`);
  return format6s(w, h, rate);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const fmt = formatFromArgs();
  const out = argValue('out-dir');
  makeInjected(console.log, fmt, out ? resolve(out) : injectedDir(fmt), argValue('kinds')?.split(',').filter(Boolean));
}
