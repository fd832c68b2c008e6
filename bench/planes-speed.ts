/**
 * Speed of making the experts' input planes from decoded frames, in Node: the current code against the
 * former implementation kept in `src/testing/planes-reference.ts` (the same values to the bit), run in
 * alternation on the same synthetic I420 frames.
 *
 *   npx tsx bench/planes-speed.ts [--reps 7] [--frames 12] [--against <checkout>]
 *
 * `--against <checkout>`: the former code is instead another version's `src/frames/frame-planes.ts`
 * (a folder holding that version's source, e.g. `git archive <commit> | tar -x -C <dir>`), and
 * every plane is checked equal to the bit to it first.
 *
 * Prints, per plane kind, the median over repetitions of CPU ms per frame for each, and the median of the
 * per-repetition ratio (current / former).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { YuvPlanes } from '../src/frames/frame-pixels.ts';
import { lumaAt, lumaRowsAndAt, rgbAt, yuvAt } from '../src/frames/frame-planes.ts';
import { refLumaAt, refLumaRowsAndAt, refRgbAt, refYuvAt } from '../src/testing/planes-reference.ts';
import { argValue, median } from './lib/stats.ts';

/** The plane makers the current code is timed against. */
interface Former {
  refLumaAt: typeof refLumaAt;
  refLumaRowsAndAt: typeof refLumaRowsAndAt;
  refRgbAt: typeof refRgbAt;
  refYuvAt: typeof refYuvAt;
}

async function formerCode(): Promise<Former> {
  const dir = argValue('against', '');
  if (!dir) return { refLumaAt, refLumaRowsAndAt, refRgbAt, refYuvAt };
  const m = (await import(pathToFileURL(join(dir, 'src/frames/frame-planes.ts')).href)) as typeof import('../src/frames/frame-planes.ts');
  return { refLumaAt: m.lumaAt, refLumaRowsAndAt: m.lumaRowsAndAt, refRgbAt: m.rgbAt, refYuvAt: m.yuvAt };
}

function frame(w: number, h: number): YuvPlanes {
  const cw = Math.ceil(w / 2);
  const ch = Math.ceil(h / 2);
  const data = new Uint8Array(w * h + 2 * cw * ch);
  for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> 24;
  return { fullRange: false, width: w, height: h, data, y: { offset: 0, stride: w }, u: { offset: w * h, stride: cw, width: cw, height: ch }, v: { offset: w * h + cw * ch, stride: cw, width: cw, height: ch } };
}

type Make = (f: YuvPlanes) => unknown;
interface Kind {
  name: string;
  frame: YuvPlanes;
  current: Make;
  former: Make;
}

const f720 = frame(1280, 720);
const f360 = frame(640, 360);
const f1080 = frame(1920, 1080);
const { refLumaAt: formerLumaAt, refLumaRowsAndAt: formerRowsAndAt, refRgbAt: formerRgbAt, refYuvAt: formerYuvAt } = await formerCode();
const lim720 = refLumaAt(f720, 960, 540, 'limited');
const full720 = refLumaAt(f720, 960, 540, 'full');
const kinds: Kind[] = [
  { name: '720p rows + limited luma 960x540', frame: f720, current: (f) => lumaRowsAndAt(f, 960, 540, 'limited'), former: (f) => formerRowsAndAt(f, 960, 540, 'limited') },
  { name: '720p limited luma 960x540', frame: f720, current: (f) => lumaAt(f, 960, 540, 'limited'), former: (f) => formerLumaAt(f, 960, 540, 'limited') },
  { name: '720p RGB 960x540 (luma given)', frame: f720, current: (f) => rgbAt(f, 960, 540, lim720), former: (f) => formerRgbAt(f, 960, 540, lim720) },
  { name: '720p YUV 960x540 (luma given)', frame: f720, current: (f) => yuvAt(f, full720), former: (f) => formerYuvAt(f, full720) },
  { name: '720p probe luma 480x270', frame: f720, current: (f) => lumaAt(f, 480, 270, 'limited'), former: (f) => formerLumaAt(f, 480, 270, 'limited') },
  { name: '720p probe RGB 480x270', frame: f720, current: (f) => rgbAt(f, 480, 270), former: (f) => formerRgbAt(f, 480, 270) },
  { name: '360p probe RGB 480x270', frame: f360, current: (f) => rgbAt(f, 480, 270), former: (f) => formerRgbAt(f, 480, 270) },
  { name: '360p probe YUV 480x270', frame: f360, current: (f) => yuvAt(f, lumaAt(f, 480, 270)), former: (f) => formerYuvAt(f, formerLumaAt(f, 480, 270)) },
  { name: '360p luma 480x270', frame: f360, current: (f) => lumaAt(f, 480, 270, 'limited'), former: (f) => formerLumaAt(f, 480, 270, 'limited') },
  { name: '1080p limited luma 960x540', frame: f1080, current: (f) => lumaAt(f, 960, 540, 'limited'), former: (f) => formerLumaAt(f, 960, 540, 'limited') },
];

/** CPU ms (user + system of this process) per frame: on a shared machine it moves less than the wall time. */
function msPerFrame(make: Make, f: YuvPlanes, frames: number): number {
  const t = process.cpuUsage();
  for (let i = 0; i < frames; i++) make(f);
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000 / frames;
}

const reps = Number(argValue('reps', '7'));
const frames = Number(argValue('frames', '12'));
// Warm both paths first so the timings are of optimized code.
for (const k of kinds) for (let i = 0; i < 3; i++) (k.current(k.frame), k.former(k.frame));

/** The float planes of a plane maker's result (one, or the rows and the luma). */
function planesOf(r: unknown): Float32Array[] {
  const o = r as { data?: Float32Array; rows?: { data: Float32Array }; luma?: { data: Float32Array } };
  return o.data ? [o.data] : [o.rows!.data, o.luma!.data];
}

for (const k of kinds) {
  const a = planesOf(k.current(k.frame)).map((p) => new Uint32Array(p.buffer, p.byteOffset, p.length));
  const b = planesOf(k.former(k.frame)).map((p) => new Uint32Array(p.buffer, p.byteOffset, p.length));
  const same = a.length === b.length && a.every((p, i) => p.length === b[i]!.length && p.every((v, j) => v === b[i]![j]));
  if (!same) throw new Error(`${k.name}: the current planes differ from the former ones`);
}
let sumCur = 0;
let sumRef = 0;
for (const k of kinds) {
  const cur: number[] = [];
  const ref: number[] = [];
  for (let r = 0; r < reps; r++) {
    // Alternate which goes first, so each pair meets the same load.
    if (r % 2) (ref.push(msPerFrame(k.former, k.frame, frames)), cur.push(msPerFrame(k.current, k.frame, frames)));
    else (cur.push(msPerFrame(k.current, k.frame, frames)), ref.push(msPerFrame(k.former, k.frame, frames)));
  }
  sumCur += median(cur);
  sumRef += median(ref);
  const ratio = median(cur.map((c, i) => c / ref[i]!));
  console.log(`${k.name.padEnd(36)} former ${median(ref).toFixed(2).padStart(6)} ms  current ${median(cur).toFixed(2).padStart(6)} ms  ratio ${ratio.toFixed(3)}`);
}
console.log(`sum of medians: former ${sumRef.toFixed(1)} ms, current ${sumCur.toFixed(1)} ms (${(sumCur / sumRef).toFixed(3)})`);
