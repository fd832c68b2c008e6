/**
 * Severity ladders from real sources: 1-s excerpts of the injection bases (a lossless reference
 * each) × blur, CRF, noise-then-compressed-at-a-capped-bitrate, down-up scale, posterize and exposure,
 * × 6 levels, plus the pristine encode; each clip carries its full-reference measures (SSIM, PSNR,
 * VIF against the reference). Writes bench/clips/real/ladders/index-<source>.json. Deterministic.
 *
 *   npx tsx bench/real/make-ladders.ts [source,source [level,level]]   (mixed sources: gumtable,neovide,doom,minerl,anime,cogcar,cogkitten)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ffmpeg, fullReference, X264 } from './ffmpeg.ts';
import { baseClip, HELDOUT_SOURCES, INJECT_SOURCES, MIXED_SOURCES } from './injected-sources.ts';
import { CLIPS } from './paths.ts';

/** One ladder clip. */
export interface LadderClip {
  file: string;
  source: string;
  half: 'A' | 'B';
  /** Ladder kind, or 'pristine'. */
  kind: string;
  /** 0 = pristine, 1..6 = mildest..harshest. */
  level: number;
  /** The distortion parameter at this level. */
  param: number;
  ssim: number;
  psnr: number;
  vif: number;
}

const FRAMES = 30;
/** Ladder sources: four of the real injection sources (animation, outdoor people, road and sky, indoor), few and short for run time. */
const LADDER_IDS = ['bbb', 'courtyard', 'dashcam', 'coffee'];
export const LADDER_SOURCES = INJECT_SOURCES.filter((s) => LADDER_IDS.includes(s.id));
/** The mixed-content ladder sources (screen, game, animation, generated), made only when named. */
export const MIXED_LADDER_SOURCES = MIXED_SOURCES;
/**
 * Held-out ladder sources, made only when named (`run.ts --heldout`): the injection sources whose
 * ladders the fusion fit never read (the slow pan is the same photo as the pan) and `HELDOUT_SOURCES`.
 */
export const HELDOUT_LADDER_SOURCES = [...INJECT_SOURCES.filter((s) => !LADDER_IDS.includes(s.id) && s.id !== 'slowpan'), ...HELDOUT_SOURCES];

interface Kind {
  id: string;
  params: number[];
  /** Encoder arguments for the distorted clip from the reference. */
  args(p: number): string[];
}

const crf12 = [...X264, '-preset', 'fast', '-crf', '12'];
const q = (step: number) => `lutyuv=y='floor(val/${step})*${step}+${step >> 1}':u='floor(val/${Math.max(2, step >> 1)})*${Math.max(2, step >> 1)}':v='floor(val/${Math.max(2, step >> 1)})*${Math.max(2, step >> 1)}'`;

/** The six ladders. */
export const KINDS: Kind[] = [
  { id: 'blur', params: [0.6, 1, 1.5, 2, 3, 4], args: (s) => ['-vf', `gblur=sigma=${s}`, ...crf12] },
  { id: 'crf', params: [28, 33, 37, 41, 44, 48], args: (c) => [...X264, '-preset', 'fast', '-crf', String(c)] },
  { id: 'noisecap', params: [4, 8, 12, 18, 25, 35], args: (s) => ['-vf', `noise=alls=${s}:allf=t:all_seed=3`, ...X264, '-preset', 'fast', '-b:v', '500k', '-maxrate', '500k', '-bufsize', '500k'] },
  { id: 'scale', params: [0.75, 0.6, 0.5, 0.4, 0.3, 0.22], args: (f) => ['-vf', `scale=trunc(iw*${f}/2)*2:-2:flags=bicubic,scale=640:360:flags=bicubic`, ...crf12] },
  { id: 'posterize', params: [4, 6, 8, 12, 16, 24], args: (s) => ['-vf', q(s), ...crf12] },
  { id: 'exposure', params: [1.15, 1.3, 1.5, 1.75, 2, 2.5], args: (g) => ['-vf', `lutyuv=y='clip((val-16)*${g}+16,16,235)'`, ...crf12] },
];

/**
 * Makes every missing clip of the given sources (default: the four camera/animation sources; mixed
 * sources when named; only `levels` when given), measures it against its reference and records it in
 * index-<source>.json (one file per source, so sources can be made in parallel).
 */
export function makeLadders(log = console.log, only?: string[], levels?: number[]): LadderClip[] {
  const dir = join(CLIPS, 'ladders');
  mkdirSync(dir, { recursive: true });
  const out: LadderClip[] = [];
  const chosen = only ? [...INJECT_SOURCES, ...MIXED_LADDER_SOURCES, ...HELDOUT_SOURCES].filter((x) => only.includes(x.id)) : LADDER_SOURCES;
  for (const s of chosen) {
    const indexFile = join(dir, `index-${s.id}.json`);
    const known = new Map<string, LadderClip>(existsSync(indexFile) ? (JSON.parse(readFileSync(indexFile, 'utf8')) as LadderClip[]).map((c) => [c.file, c]) : []);
    const ref = join(dir, `.ref-${s.id}.mkv`);
    if (!existsSync(ref)) ffmpeg(['-i', baseClip(s), '-frames:v', String(FRAMES), '-c:v', 'ffv1', '-threads', '1', '-an', ref]);
    const jobs: { kind: string; level: number; param: number; args: string[] }[] = [{ kind: 'pristine', level: 0, param: 0, args: crf12 }];
    for (const k of KINDS) k.params.forEach((p, i) => jobs.push({ kind: k.id, level: i + 1, param: p, args: k.args(p) }));
    for (const j of jobs.filter((x) => !levels || levels.includes(x.level))) {
      const file = `${s.id}-${j.kind}-${j.level}.mp4`;
      const path = join(dir, file);
      const have = known.get(file);
      if (have && existsSync(path) && Number.isFinite(have.vif)) {
        out.push(have);
        continue;
      }
      ffmpeg(['-i', ref, ...j.args, '-frames:v', String(FRAMES), path]);
      const fr = fullReference(path, ref);
      const clip: LadderClip = { file, source: s.id, half: s.half, kind: j.kind, level: j.level, param: j.param, ...fr };
      out.push(clip);
      known.set(file, clip);
      // Written after every clip so an interrupted run keeps its measurements.
      writeFileSync(indexFile, JSON.stringify([...known.values()], null, 1) + '\n');
      log(`make-ladders: ${file} ssim ${fr.ssim.toFixed(3)} psnr ${fr.psnr.toFixed(1)} vif ${fr.vif.toFixed(3)}`);
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) makeLadders(console.log, process.argv[2]?.split(','), process.argv[3]?.split(',').map(Number));
