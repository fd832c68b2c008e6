/**
 * Prototype of a texture-detail-loss reading, outside the engine: extracts a few luma frames of every
 * real ladder clip (bench/clips/real/ladders/, at their own 640×360) and of every clean clip (fitted
 * into the 960×540 analysis box, never enlarged) with ffmpeg, computes the candidate readings of
 * detail-readings.ts, writes them to a side file (bench/out/detail-loss.json: { clip file name →
 * reading → value }, the clip's median over its frames) and prints each reading per kind × level and
 * source, and CRF 44–48 against blur σ 1.5–2, the pristine encodes and the clean clips.
 *
 *   npx tsx bench/calibrate/detail-loss.ts [--reuse]     # --reuse: print from the side file only
 *   npx tsx bench/calibrate/detail-loss.ts --readings exposure   # exposure-readings.ts instead, to bench/out/exposure-loss.json
 *   npx tsx bench/calibrate/detail-loss.ts --readings noise      # noise-readings.ts, to bench/out/noise-loss.json
 *
 * The side file joins the recorded evidence in refuse.ts / search.ts (`--side detail-loss.json:<reading>`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { argFlag, argValue, median } from '../lib/stats.ts';
import { cleanClips } from '../real/clean-set.ts';
import { probe } from '../real/ffmpeg.ts';
import type { LadderClip } from '../real/make-ladders.ts';
import { CLIPS, OUT, footagePresent } from '../real/paths.ts';
import { detailReadings } from './detail-readings.ts';
import { exposureReadings } from './exposure-readings.ts';
import { noiseReadings } from './noise-readings.ts';

/** The candidate readings of one frame, by name (`--readings`, default detail). */
const READINGS: Record<string, (y: Uint8Array, w: number, h: number) => object> = { detail: detailReadings, exposure: exposureReadings, noise: noiseReadings };
const KIND = argValue('readings', 'detail')!;
const readingsOf = READINGS[KIND]!;
type DetailReadings = Record<string, number>;

const SIDE = join(OUT, `${KIND}-loss.json`);
const FRAMES = 4;

/** Extracted frames are kept here (git-ignored) so that a change of the readings reruns in seconds. */
const CACHE = join(OUT, 'detail-frames');
/**
 * The noise readings take 4:2:0 frames (luma, then half-size Cb and Cr: the speckle a capped encode
 * leaves is in chroma); the others luma alone.
 */
const YUV = KIND === 'noise';
const FORMAT = YUV ? 'yuv420p' : 'gray';
const FRAME_CACHE = YUV ? join(OUT, 'noise-frames') : CACHE;

/** `FRAMES` luma frames spread over the clip, fitted into 960×540 (even sides, never enlarged); cached by file name. */
function lumaFrames(file: string): { w: number; h: number; frames: Uint8Array[] } {
  const cached = join(FRAME_CACHE, `${basename(file)}.${FORMAT}`);
  if (existsSync(cached) && existsSync(`${cached}.json`)) {
    const { w, h } = JSON.parse(readFileSync(`${cached}.json`, 'utf8')) as { w: number; h: number };
    return split(readFileSync(cached), w, h);
  }
  const got = extract(file);
  mkdirSync(FRAME_CACHE, { recursive: true });
  writeFileSync(cached, got.buf);
  writeFileSync(`${cached}.json`, JSON.stringify({ w: got.w, h: got.h }));
  return split(got.buf, got.w, got.h);
}

function split(buf: Buffer, w: number, h: number): { w: number; h: number; frames: Uint8Array[] } {
  const size = YUV ? w * h + 2 * Math.ceil(w / 2) * Math.ceil(h / 2) : w * h;
  const n = Math.floor(buf.length / size);
  return { w, h, frames: Array.from({ length: n }, (_, i) => new Uint8Array(buf.buffer, buf.byteOffset + i * size, size)) };
}

function extract(file: string): { w: number; h: number; buf: Buffer } {
  const info = probe(file);
  const s = Math.min(1, 960 / info.width, 540 / info.height);
  const w = s < 1 ? 2 * Math.round((info.width * s) / 2) : info.width;
  const h = s < 1 ? 2 * Math.round((info.height * s) / 2) : info.height;
  const dur = Number.isFinite(info.durationS) && info.durationS > 0 ? info.durationS : 1;
  const vf = `fps=${(FRAMES / dur).toFixed(4)},scale=${w}:${h}:flags=bicubic,format=${FORMAT}`;
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-threads', '1', '-i', file, '-vf', vf, '-frames:v', String(FRAMES), '-f', 'rawvideo', '-'], { maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`ffmpeg failed on ${file}: ${r.stderr.toString().slice(-300)}`);
  return { w, h, buf: r.stdout as Buffer };
}

/** Each reading's median over the clip's frames. */
function clipReadings(file: string): DetailReadings {
  const { w, h, frames } = lumaFrames(file);
  const per = frames.map((f) => readingsOf(f, w, h) as DetailReadings);
  const keys = Object.keys(per[0]!) as (keyof DetailReadings)[];
  return Object.fromEntries(keys.map((k) => [k, Math.round(median(per.map((p) => p[k]!)) * 1e4) / 1e4]));
}

interface Row {
  file: string;
  source: string;
  kind: string;
  level: number;
  r: DetailReadings;
}

function measure(): Record<string, DetailReadings> {
  const dir = join(CLIPS, 'ladders');
  const out: Record<string, DetailReadings> = {};
  const index = existsSync(dir) ? spawnSync('ls', [dir], { encoding: 'utf8' }).stdout.split('\n').filter((f) => /^index-.*\.json$/.test(f)) : [];
  if (!index.length) console.log(`detail-loss: no ladder clips in ${dir} (make them with bench/real/make-ladders.ts)`);
  for (const f of index) {
    for (const c of JSON.parse(readFileSync(join(dir, f), 'utf8')) as LadderClip[]) {
      if (existsSync(join(dir, c.file))) out[c.file] = clipReadings(join(dir, c.file));
    }
    console.error(`detail-loss: ${f} done`);
  }
  if (footagePresent('detail-loss clean set')) {
    for (const c of cleanClips()) out[c.name] = clipReadings(c.file);
    console.error('detail-loss: clean set done');
  }
  writeFileSync(SIDE, JSON.stringify(out, null, 1) + '\n');
  return out;
}

function main(): void {
  const side = argFlag('reuse') && existsSync(SIDE) ? (JSON.parse(readFileSync(SIDE, 'utf8')) as Record<string, DetailReadings>) : measure();
  const rows: Row[] = Object.entries(side).flatMap(([file, r]) => {
    const m = /^(.+)-(pristine|blur|crf|noisecap|scale|posterize|exposure)-(\d)\.mp4$/.exec(file);
    return m ? [{ file, source: m[1]!, kind: m[2]!, level: Number(m[3]), r }] : [];
  });
  const clean = Object.entries(side).filter(([f]) => !rows.some((r) => r.file === f));
  const sources = [...new Set(rows.map((r) => r.source))].sort();
  const keys = Object.keys(Object.values(side)[0] ?? {}) as (keyof DetailReadings)[];
  const f2 = (v: number | undefined) => (v === undefined ? '   –' : v.toFixed(2).padStart(5));
  for (const k of keys) {
    console.log(`\n${k}: per kind × level (columns: ${sources.join(' ')})`);
    for (const kind of ['pristine', 'blur', 'crf', 'noisecap', 'scale', 'posterize', 'exposure']) {
      for (const level of kind === 'pristine' ? [0] : [1, 2, 3, 4, 5, 6]) {
        const cells = sources.map((s) => rows.find((r) => r.source === s && r.kind === kind && r.level === level)?.r[k]);
        const vals = cells.filter((v): v is number => v !== undefined);
        console.log(`${`${kind}-${level}`.padEnd(12)} med ${f2(median(vals))} | ${cells.map(f2).join('')}`);
      }
    }
    const group = (pred: (r: Row) => boolean) => {
      const v = rows.filter(pred).map((r) => r.r[k]!);
      return `${f2(Math.min(...v))}–${f2(Math.max(...v)).trim()}, med ${f2(median(v)).trim()}`;
    };
    const cv = clean.map(([, r]) => r[k]!);
    const cam = clean.filter(([f]) => f.startsWith('natural') || f === 'box.mp4' || f === 'cup.mp4').map(([, r]) => r[k]!);
    console.log(`  CRF 44–48: ${group((r) => r.kind === 'crf' && r.level >= 5)} | blur σ1.5–2: ${group((r) => r.kind === 'blur' && (r.level === 3 || r.level === 4))} | pristine: ${group((r) => r.kind === 'pristine')}`);
    console.log(`  clean (${cv.length}): ${f2(Math.min(...cv))}–${f2(Math.max(...cv)).trim()}, med ${f2(median(cv)).trim()}, p90 ${f2([...cv].sort((a, b) => a - b)[Math.floor(0.9 * (cv.length - 1))]).trim()} | clean camera (${cam.length}): med ${f2(median(cam)).trim()}, max ${f2(Math.max(...cam)).trim()}`);
    const worst = clean.sort((a, b) => b[1][k]! - a[1][k]!).slice(0, 3);
    console.log(`  highest clean: ${worst.map(([f, r]) => `${basename(f)} ${r[k]!.toFixed(2)}`).join(', ')}`);
  }
}

main();
