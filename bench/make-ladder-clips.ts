/**
 * Makes the distortion ladders in bench/clips/ladder/ from the 8-s 360p clips: Gaussian blur
 * (sigma), x264 compression (CRF) and temporal noise (strength), five levels each, and index.json
 * listing every clip with its ladder and level (level 0 = least distorted). Existing files are kept
 * unless FORCE=1.
 *
 *   npx tsx bench/make-ladder-clips.ts [--quick]   (--quick: the synthetic clip only)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { argFlag } from './lib/stats.ts';

/** One clip of a ladder. */
export interface LadderClip {
  file: string;
  source: string;
  ladder: 'blur' | 'crf' | 'noise';
  /** Position on the ladder, 0 = least distorted. */
  level: number;
  /** The distortion parameter (sigma, CRF, noise strength). */
  param: number;
}

/** The ladders: parameter per level, and the filter/encoder settings each parameter gives. */
export const LADDERS = {
  blur: { params: [0, 0.75, 1.5, 2.5, 4], vf: (p: number) => (p > 0 ? `gblur=sigma=${p}` : 'null'), crf: () => 16 },
  crf: { params: [18, 28, 36, 44, 51], vf: () => 'null', crf: (p: number) => p },
  noise: { params: [0, 8, 16, 28, 40], vf: (p: number) => (p > 0 ? `noise=alls=${p}:allf=t:all_seed=3` : 'null'), crf: () => 16 },
} as const;

const clips = resolve(import.meta.dirname, 'clips');
const out = join(clips, 'ladder');
const X264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-preset', 'fast', '-x264-params', 'threads=1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1'];

function main(): void {
  mkdirSync(out, { recursive: true });
  const sources = argFlag('quick') ? ['synth-360.mp4'] : ['synth-360.mp4', 'cup-360.mp4'];
  const index: LadderClip[] = [];
  for (const source of sources) {
    const src = join(clips, source);
    if (!existsSync(src)) {
      console.log(`make-ladder-clips: ${source} is missing, skipped`);
      continue;
    }
    for (const [ladder, spec] of Object.entries(LADDERS) as [LadderClip['ladder'], (typeof LADDERS)[LadderClip['ladder']]][]) {
      spec.params.forEach((param, level) => {
        const file = `${source.replace('.mp4', '')}-${ladder}-${level}.mp4`;
        const path = join(out, file);
        if (process.env.FORCE === '1' || !existsSync(path)) {
          execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', src, '-vf', spec.vf(param), ...X264, '-crf', String(spec.crf(param)), path]);
          console.log(`make-ladder-clips: ${file}`);
        }
        index.push({ file, source, ladder, level, param });
      });
    }
  }
  writeFileSync(join(out, 'index.json'), JSON.stringify(index, null, 2) + '\n');
}

main();
