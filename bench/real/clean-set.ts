/**
 * The clean set: every real clip of ../shared/data/footage/ that is not a `defect_*` clip, plus
 * ../shared/data/videos/{box,cup}.mp4. Clips longer than 10.5 s are cut to their first 10 s by a
 * stream copy (no re-encode, so the pictures are the source's own; box.mp4 excepted, see REENCODE)
 * into bench/clips/real/clean/.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { ffmpeg, probe, X264 } from './ffmpeg.ts';
import { CLIPS, FOOTAGE, VIDEOS } from './paths.ts';

/** One clean clip as analysed. */
export interface CleanClip {
  /** Source file name (the clip's id). */
  name: string;
  /** Category: the footage README's prefix (natural, animation, screen, gaming, aigc) or "videos". */
  category: string;
  /** The file analysed (the source itself, or its 10-s excerpt). */
  file: string;
  durationS: number;
}

const MAX_S = 10;
/** Sources whose stream copy cannot be decoded from its start (box.mp4 opens on a damaged IDR slice): re-encoded near-losslessly instead. */
const REENCODE = new Set(['box.mp4']);

/** Lists (and cuts where needed) the clean clips; empty when the footage folder is absent. */
export function cleanClips(): CleanClip[] {
  if (!existsSync(FOOTAGE)) return [];
  const sources = readdirSync(FOOTAGE)
    .filter((f) => !f.startsWith('defect_') && !f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: f, category: f.split('_')[0]!, src: join(FOOTAGE, f) }));
  for (const f of ['box.mp4', 'cup.mp4']) if (existsSync(join(VIDEOS, f))) sources.push({ name: f, category: 'videos', src: join(VIDEOS, f) });
  const dir = join(CLIPS, 'clean');
  mkdirSync(dir, { recursive: true });
  return sources.map(({ name, category, src }) => {
    const info = probe(src);
    if (!(info.durationS > MAX_S + 0.5)) return { name, category, file: src, durationS: info.durationS };
    const file = join(dir, `${name.replace(extname(name), '')}-10s${extname(name)}`);
    if (!existsSync(file)) {
      const codec = REENCODE.has(name) ? [...X264, '-preset', 'medium', '-crf', '10'] : ['-c', 'copy', '-map_metadata', '-1', '-fflags', '+bitexact'];
      ffmpeg(['-i', src, '-map', '0:v:0', ...codec, '-t', String(MAX_S), file]);
    }
    return { name, category, file, durationS: Math.min(MAX_S, probe(file).durationS) };
  });
}
