/**
 * Severity ladders for spatial experts: sources, distortions applied at increasing strength (through
 * ffmpeg or deterministic TS code), and the Spearman correlation of each expert's raw output with
 * the strength. Shared by the full benchmark (bench/ladders/spatial.ts) and the quick regression test.
 */
import { mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import type { Plane } from '../../src/testing/expert-harness.ts';
import { loadExpert, runPlanes } from './expert-node.ts';
import { encodeCrf, probeSize, readPlanes, spearman } from '../../src/testing/media.ts';

/** Where the shared photos live. */
export const IMAGES = join(import.meta.dirname, '../../../shared/data/images');

/** A ladder source: a photo and the ffmpeg filter that prepares it (size, crop to even sides). */
export interface Source {
  name: string;
  file: string;
  /** Extra filter applied before everything (e.g. downsizing a large photo). */
  prep?: string;
}

/** One distortion: named levels, and how to make the frame at a level from the prepared source. */
export interface Distortion {
  id: string;
  /** Level values, mildest first (the first is the clean frame). */
  levels: number[];
  make(src: string, level: number, planes: 'luma' | 'rgb', cache: string): Plane;
}

/** A luma plane as a `yuv` plane: half-size chroma rows of 128 (no colour) below it. */
function withNeutralChroma(p: Plane): Plane {
  const data = new Float32Array(p.width * (p.height + Math.floor(p.height / 2))).fill(128);
  data.set(p.data);
  return { width: p.width, height: data.length / p.width, data };
}

function one(src: string, filter: string | undefined, planes: 'luma' | 'rgb'): Plane {
  const p = readPlanes(src, { filter: filter || undefined, planes })[0];
  if (!p) throw new Error(`no frame from ${src}`);
  return p;
}

/** xorshift32 uniform generator in [0, 1): deterministic noise without the Vite-only harness. */
function uniform(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/** Adds deterministic Gaussian noise of standard deviation `sigma` to every channel, clipped to 0..255. */
export function addNoise(p: Plane, sigma: number, seed = 7): Plane {
  const r = uniform(seed);
  const data = new Float32Array(p.data.length);
  for (let i = 0; i < data.length; i++) {
    // Box–Muller.
    const u = Math.max(r(), 1e-12);
    const v = r();
    const n = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    data[i] = Math.min(255, Math.max(0, Math.round(p.data[i]! + sigma * n)));
  }
  return { width: p.width, height: p.height, data };
}

const lutY = (expr: string) => `lutyuv=y='${expr}'`;

/** The distortions, by id. Luma filters use lutyuv so the RGB read sees the same change. */
export const DISTORTIONS: Record<string, Distortion> = {
  blur: {
    id: 'blur',
    levels: [0, 0.5, 1, 1.5, 2, 3, 4],
    make: (src, s, planes) => one(src, s > 0 ? `gblur=sigma=${s}` : '', planes),
  },
  downup: {
    id: 'downup',
    levels: [1, 1.5, 2, 3, 4, 6],
    make: (src, f, planes) => {
      const { width, height } = probeSize(src);
      return one(src, f > 1 ? `scale=trunc(iw/${f}):trunc(ih/${f}):flags=area,scale=${width}:${height}:flags=bicubic` : '', planes);
    },
  },
  crf: {
    id: 'crf',
    levels: [18, 24, 30, 36, 42, 48, 51],
    make: (src, crf, planes, cache) => one(encoded(src, crf, cache), '', planes),
  },
  crf075: {
    id: 'crf075',
    levels: [18, 24, 30, 36, 42, 48, 51],
    make: (src, crf, planes, cache) => one(encoded(src, crf, cache), 'scale=trunc(iw*0.75/2)*2:trunc(ih*0.75/2)*2:flags=area', planes),
  },
  noise: {
    id: 'noise',
    levels: [0, 5, 10, 15, 20, 30, 40],
    make: (src, s, planes) => addNoise(one(src, '', planes), s),
  },
  posterize: {
    id: 'posterize',
    levels: [256, 128, 64, 32, 16, 8],
    make: (src, n, planes) => {
      const q = 256 / n;
      return one(src, n < 256 ? lutY(`trunc(val/${q})*${q}+${q / 2 - 0.5}`) : '', planes);
    },
  },
  over: {
    id: 'over',
    levels: [1, 1.15, 1.3, 1.5, 1.75, 2, 2.5],
    make: (src, k, planes) => one(src, k !== 1 ? lutY(`clip(val*${k},0,255)`) : '', planes),
  },
  under: {
    id: 'under',
    levels: [1, 0.85, 0.7, 0.55, 0.4, 0.3, 0.2],
    make: (src, k, planes) => one(src, k !== 1 ? lutY(`val*${k}`) : '', planes),
  },
  contrast: {
    id: 'contrast',
    levels: [1, 0.8, 0.6, 0.45, 0.3, 0.2],
    make: (src, c, planes) => one(src, c !== 1 ? lutY(`128+(val-128)*${c}`) : '', planes),
  },
  desaturate: {
    id: 'desaturate',
    levels: [1, 0.8, 0.6, 0.4, 0.2, 0],
    make: (src, s, planes) => one(src, s !== 1 ? `hue=s=${s}` : '', planes),
  },
};

function encoded(src: string, crf: number, cache: string): string {
  const out = join(cache, `${src.split('/').pop()}.crf${crf}.mp4`);
  if (!existsSync(out)) encodeCrf(src, crf, out);
  return out;
}

/** Prepares each source once as a lossless PNG with even sides, at most `maxWidth` wide. */
export function prepareSources(sources: Source[], maxWidth: number, cache: string): { name: string; path: string }[] {
  mkdirSync(cache, { recursive: true });
  return sources.map((s) => {
    const path = join(cache, `${s.name}.w${maxWidth}.png`);
    if (!existsSync(path)) {
      const vf = [s.prep, `scale='min(iw,${maxWidth})':-2:flags=area`, 'crop=trunc(iw/2)*2:trunc(ih/2)*2'].filter(Boolean).join(',');
      execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', join(IMAGES, s.file), '-vf', vf, path]);
    }
    return { name: s.name, path };
  });
}

/** A default cache folder for prepared sources and encodes. */
export function defaultCache(tag: string): string {
  return join(tmpdir(), `qrouter-ladders-${tag}`);
}

/** Result of one expert on one distortion. */
export interface LadderCell {
  expert: string;
  distortion: string;
  /** Spearman of severity with "worse" (raw, negated for higher-is-better experts), mean over sources. */
  spearman: number;
  perSource: Record<string, number>;
  /** Raw values per source, in level order. */
  raw: Record<string, number[]>;
  min: number;
  max: number;
}

/** Runs every expert over every distortion ladder of every source. */
export async function runLadders(options: {
  experts: string[];
  distortions: string[];
  sources: { name: string; path: string }[];
  cache: string;
  levels?: (d: Distortion) => number[];
}): Promise<LadderCell[]> {
  const cells: LadderCell[] = [];
  for (const dId of options.distortions) {
    const d = DISTORTIONS[dId];
    if (!d) throw new Error(`unknown distortion ${dId}`);
    const levels = options.levels ? options.levels(d) : d.levels;
    // Frames per plane kind, made once per distortion and source.
    const frames = new Map<string, Plane[]>();
    const get = (src: { path: string }, planes: 'luma' | 'rgb') => {
      const key = `${src.path}|${planes}`;
      let f = frames.get(key);
      if (!f) {
        f = levels.map((l) => d.make(src.path, l, planes, options.cache));
        frames.set(key, f);
      }
      return f;
    };
    for (const eId of options.experts) {
      const { meta, session } = await loadExpert(eId);
      const sign = meta.lowerIsBetter ? 1 : -1;
      const raw: Record<string, number[]> = {};
      const perSource: Record<string, number> = {};
      for (const src of options.sources) {
        // The distortions are made on luma or RGB; a `yuv` expert reads the luma with neutral chroma below.
        const f = meta.inputs.planes === 'yuv' ? get(src, 'luma').map(withNeutralChroma) : get(src, meta.inputs.planes);
        const values = Array.from((await runPlanes(session, f, meta.inputs.planes === 'rgb' ? 3 : 1)).score);
        raw[src.name] = values;
        perSource[src.name] = spearman(levels.map((_, i) => i), values.map((v) => sign * v));
      }
      const all = Object.values(raw).flat();
      const rhos = Object.values(perSource);
      cells.push({
        expert: eId,
        distortion: dId,
        spearman: rhos.reduce((a, b) => a + b, 0) / rhos.length,
        perSource,
        raw,
        min: Math.min(...all),
        max: Math.max(...all),
      });
    }
  }
  return cells;
}
