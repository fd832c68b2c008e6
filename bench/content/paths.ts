/**
 * Where the content-type dataset lives, resolved from the repository root (shared data sits beside
 * the checkout in `../shared/data/`; generated clips in the git-ignored `bench/clips/content/`).
 */
import { resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Shared data beside the checkout. */
export const SHARED_DATA = resolve(ROOT, '../shared/data');
/** Real clips sorted by category. */
export const FOOTAGE_DIR = resolve(SHARED_DATA, 'footage');
/** OpenCV's sample clips. */
export const VIDEOS_DIR = resolve(SHARED_DATA, 'videos');
/** Photographs and textures. */
export const IMAGES_DIR = resolve(SHARED_DATA, 'images');
/** Generated clips (git-ignored). */
export const CLIPS_DIR = resolve(ROOT, 'bench/clips/content');
/** The real-footage benchmark's ladder clips (bench/real/make-ladders.ts). */
export const LADDERS_DIR = resolve(ROOT, 'bench/clips/real/ladders');
/** Benchmark outputs (git-ignored). */
export const OUT_DIR = resolve(ROOT, 'bench/out');
/** The fitted model the classifier ships with. */
export const MODEL_PATH = resolve(ROOT, 'src/router/content/model.json');
