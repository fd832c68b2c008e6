/**
 * The clean set re-encoded as a user's export or an upload transcode would re-encode it: every clean
 * clip through x264 once more, at its own size (CRF 23, x264's default quality) and fitted into 480
 * rows (CRF 20, the size an upload form or a phone share often sends). The pictures still look
 * clean, so every event is a false alarm as on the clean set itself (the same native defects excuse
 * theirs). What it tells: whether the event thresholds, set on the footage as downloaded, survive one
 * more generation of compression and a downscale that none of them was set on.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { cleanClips, type CleanClip } from './clean-set.ts';
import { ffmpeg, probe, X264 } from './ffmpeg.ts';
import { CLIPS } from './paths.ts';

/** One re-encoding of the clean set. */
export interface Reencoding {
  /** Folder tag: bench/clips/real/clean-<tag>/. */
  tag: string;
  /** What it is, for the report. */
  label: string;
  crf: number;
  /** Rows the picture is fitted into (never enlarged); the clip's own size when absent. */
  maxHeight?: number;
}

/** The re-encodings measured. */
export const REENCODINGS: Reencoding[] = [
  { tag: 'x264-crf23', label: 'x264 CRF 23, own size', crf: 23 },
  { tag: 'x264-crf20-h480', label: 'x264 CRF 20, fitted into 480 rows', crf: 20, maxHeight: 480 },
];

/** The clean clips re-encoded by `r` (made when missing); empty when the footage folder is absent. */
export function reencodedClips(r: Reencoding, clips: CleanClip[] = cleanClips()): CleanClip[] {
  const dir = join(CLIPS, `clean-${r.tag}`);
  mkdirSync(dir, { recursive: true });
  return clips.map((c) => {
    const file = join(dir, `${c.name.replace(extname(c.name), '')}.mp4`);
    if (!existsSync(file)) {
      // Even sizes for 4:2:0; a downscale keeps the aspect and never enlarges.
      const size = r.maxHeight ? `scale=-2:'min(${r.maxHeight},ih)':flags=bicubic` : 'scale=trunc(iw/2)*2:trunc(ih/2)*2';
      ffmpeg(['-i', c.file, '-map', '0:v:0', '-vf', size, ...X264, '-preset', 'medium', '-crf', String(r.crf), file]);
    }
    return { ...c, file, durationS: probe(file).durationS };
  });
}
