/**
 * The labelled content-type dataset: the real clips of `../shared/data/footage/` labelled by their
 * category prefix (with the per-clip decisions below), OpenCV's box/cup clips, and the generated clips
 * in `bench/clips/content/<type>/`. Every clip carries a group, its origin: the upstream repository for
 * real clips (from the footage README), the family for generated ones, and the source clip's group for
 * clips made by darkening a real one. Held-out evaluation never splits a group.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_TYPES, type ContentType } from '../../src/router/types.ts';
import { INJECT_SOURCES, MIXED_SOURCES } from '../real/injected-sources.ts';
import { CLIPS_DIR, FOOTAGE_DIR, LADDERS_DIR, VIDEOS_DIR } from './paths.ts';

/** One labelled clip. */
export interface LabelledClip {
  /** Short unique name (file name, with the type folder for generated clips). */
  name: string;
  path: string;
  label: ContentType;
  /** Origin group: clips of one group are never split between fit and test. */
  group: string;
  /** Real footage, or made by `make-clips.ts` / `make-rendered.ts` (or distorted from real footage). */
  synthetic: boolean;
  /** A real-footage benchmark ladder clip: its distortion (`blur-2`), labelled as its source. */
  distorted?: string;
}

const PREFIX: Record<string, ContentType> = {
  natural: 'natural-camera',
  screen: 'screen-content',
  animation: 'animation',
  gaming: 'gameplay',
  aigc: 'ai-generated',
};

/**
 * Per-clip decisions for the defect clips and for natural clips that are really low-light (from the
 * footage README's descriptions). `null` leaves a clip out: the three synthetic test patterns
 * (corrupted stream, interlaced and telecined MPEG-2) are neither camera footage nor animation.
 */
const OVERRIDES: Record<string, ContentType | null> = {
  'natural_lowlight_aquarium_crowd.mp4': 'low-light',
  'natural_street_pedestrians_night_1080p_mpeg4.mp4': 'low-light',
  'defect_near_black_webcam_vp9_no_duration.webm': 'low-light',
  'defect_compression_carphone_qcif_7kb.mp4': 'natural-camera',
  'defect_old_film_chaplin_bw.mp4': 'natural-camera',
  'defect_old_film_archival_bw_footage.mp4': 'natural-camera',
  'defect_old_film_street_scene_frames.mp4': 'natural-camera',
  'defect_old_film_house_roof_frames.mp4': 'natural-camera',
  'defect_corrupted_h264_bitstream_testpattern.mp4': null,
  'defect_interlaced_tff_mpeg2_testpattern.mkv': null,
  'defect_telecined_hard_mpeg2_testpattern.ts': null,
};

/** Upstream repository of each footage clip, read from the footage README's table. */
function footageRepos(): Map<string, string> {
  const repos = new Map<string, string>();
  const readme = join(FOOTAGE_DIR, 'README.md');
  if (!existsSync(readme)) return repos;
  for (const line of readFileSync(readme, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`([^`]+)`$/.exec(cells[1] ?? '')?.[1];
    const repo = /`([^`]+\/[^`]+)`/.exec(cells[10] ?? '')?.[1];
    if (file && repo) repos.set(file, repo);
  }
  return repos;
}

function footage(): LabelledClip[] {
  if (!existsSync(FOOTAGE_DIR)) return [];
  const repos = footageRepos();
  const out: LabelledClip[] = [];
  for (const file of readdirSync(FOOTAGE_DIR).sort()) {
    if (file.endsWith('.md')) continue;
    const label = file in OVERRIDES ? OVERRIDES[file] : PREFIX[file.split('_')[0]!];
    if (!label) continue;
    out.push({ name: file, path: join(FOOTAGE_DIR, file), label, group: repos.get(file) ?? file, synthetic: false });
  }
  for (const file of ['box.mp4', 'cup.mp4']) {
    const path = join(VIDEOS_DIR, file);
    if (existsSync(path)) out.push({ name: file, path, label: 'natural-camera', group: 'opencv/opencv', synthetic: false });
  }
  return out;
}

/**
 * The origin group of a generated clip from its file name `<family>__<variant>.mp4`: a game drawn at
 * full resolution (`-hd`) shares its drawing code, so its origin, with the pixel-art one; a darkened
 * clip (`dark-`, `night-`, `black-`) or a desaturated one (`grey-`, `muted-`) belongs with the clip it
 * was made from: the real clip's group (`groupOfSource`, by file name without extension) or the
 * generated family's.
 */
export function generatedGroup(file: string, groupOfSource: ReadonlyMap<string, string>): string {
  const family = file.split('__')[0]!.replace(/-hd$/, '');
  const source = /^(dark|night|black|grey|muted)-/.exec(family) ? family.slice(family.indexOf('-') + 1) : undefined;
  return (source && groupOfSource.get(source)) || `gen:${source ?? family}`;
}

function generated(groupOfSource: Map<string, string>): LabelledClip[] {
  const out: LabelledClip[] = [];
  for (const label of CONTENT_TYPES) {
    const dir = join(CLIPS_DIR, label);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.mp4') || file.includes('.part.')) continue;
      const group = generatedGroup(file, groupOfSource);
      out.push({ name: `${label}/${file}`, path: join(dir, file), label, group, synthetic: true });
    }
  }
  return out;
}

/** Ladder levels read by the content evaluation (two levels keep the probe time down). */
export const DISTORTED_LEVELS = [2, 5];

/**
 * The real-footage benchmark's ladder clips (bench/real/make-ladders.ts: blur, CRF, compressed noise,
 * scale, posterize, exposure) at `DISTORTED_LEVELS`, each labelled and grouped as the footage clip it
 * was cut from: a soft, blocky or blown-out picture is still the same content, and the router must
 * say so before the experts measure the damage. Held out only, never fitted on (fitting on them made
 * the held-out figures worse, see eval.ts). Absent until the benchmark has made the ladders.
 */
function distorted(real: LabelledClip[]): LabelledClip[] {
  const dir = join(LADDERS_DIR);
  if (!existsSync(dir)) return [];
  const byFile = new Map(real.map((c) => [c.name, c]));
  const out: LabelledClip[] = [];
  for (const src of [...INJECT_SOURCES, ...MIXED_SOURCES]) {
    const index = join(dir, `index-${src.id}.json`);
    const origin = byFile.get(src.file);
    if (!origin || !existsSync(index)) continue;
    for (const c of JSON.parse(readFileSync(index, 'utf8')) as { file: string; kind: string; level: number }[]) {
      if (!DISTORTED_LEVELS.includes(c.level) || !existsSync(join(dir, c.file))) continue;
      out.push({ name: `ladders/${c.file}`, path: join(dir, c.file), label: origin.label, group: origin.group, synthetic: true, distorted: `${c.kind}-${c.level}` });
    }
  }
  return out;
}

/** Every labelled clip present on this machine (real footage first, distorted real footage last). */
export function loadDataset(): LabelledClip[] {
  const real = footage();
  const bySource = new Map(real.map((c) => [c.name.replace(/\.[^.]+$/, ''), c.group]));
  return [...real, ...generated(bySource), ...distorted(real)];
}
