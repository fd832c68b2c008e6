/**
 * Where the real-footage benchmark reads and writes: shared data beside the checkout (never an
 * absolute path), generated clips in bench/clips/real/ and results in bench/out/ (both git-ignored).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Shared data, resolved from the repository root (`../shared/data`). */
export const SHARED_DATA = resolve(ROOT, '../shared/data');
/** Real clips made elsewhere, by category (see its README). */
export const FOOTAGE = join(SHARED_DATA, 'footage');
/** Other shared videos (box.mp4, cup.mp4). */
export const VIDEOS = join(SHARED_DATA, 'videos');
/** Generated clips of this benchmark. */
export const CLIPS = join(ROOT, 'bench/clips/real');
/** Raw results of this benchmark. */
export const OUT = join(ROOT, 'bench/out');

/** True when the shared footage is present; otherwise prints why the step is skipped. */
export function footagePresent(step: string): boolean {
  if (existsSync(FOOTAGE)) return true;
  console.log(`bench/real ${step}: skipped, ${FOOTAGE} is absent (the real-footage benchmark needs ../shared/data/footage beside the checkout)`);
  return false;
}
