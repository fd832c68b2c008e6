/**
 * Picture statistics of one small RGB keyframe, for the content-type classifier (runs wherever the
 * router runs: the analysis worker in the app, Node in tests and the benchmark). One pass over the
 * pixels for colour and luma, one for gradients; a keyframe larger than `MAX_SIDE` is read with a
 * stride so the cost stays flat (~1 ms per 256x144 keyframe).
 */
import type { Keyframe } from '../types.ts';
import { pictureStructure, type PictureStructure } from './picture-structure.ts';

/** Keyframes are read at most this wide or tall (with a stride beyond it). */
const MAX_SIDE = 320;

/** The grid a keyframe is read on: every `step`-th pixel both ways, `w` × `h` of them (at most `MAX_SIDE` a side). */
export function sampleGrid(kf: Pick<Keyframe, 'width' | 'height'>): { step: number; w: number; h: number } {
  const step = Math.max(1, Math.ceil(Math.max(kf.width, kf.height) / MAX_SIDE));
  return { step, w: Math.floor(kf.width / step), h: Math.floor(kf.height / step) };
}
/** Luma step (code values) that counts as an edge. */
const EDGE = 40;
/** Luma contrast of a stroke against both sides, two pixels away. */
const STROKE = 56;

/** Statistics of one keyframe; every value is a share 0..1 unless noted. */
export interface PictureStats extends PictureStructure {
  /** Mean chroma (max−min of R, G, B) over 255. */
  satMean: number;
  /** Pixels with chroma above 100 (vivid colour). */
  vividShare: number;
  /** Pixels with chroma below 12 (grey, black, white). */
  neutralShare: number;
  /** Hasler–Süsstrunk colourfulness M over 100. */
  colourfulness: number;
  /** Pixels whose four neighbours have exactly the same luma (±1): flat fills. */
  flatShare: number;
  /** Pixels with a luma gradient |gx|+|gy| above `EDGE`. */
  edgeShare: number;
  /** Edge pixels whose gradient is horizontal or vertical (straight UI/text edges). */
  edgeAxis: number;
  /** Pixels on thin high-contrast strokes (brighter or darker by `STROKE` than both sides 2 px away). */
  strokeShare: number;
  /** Pixels with a small luma gradient (|gx|+|gy| <= 6), flat or gently shaded. */
  smoothShare: number;
  /** Pixels with a medium luma gradient (12..40): texture rather than edges or flat fills. */
  textureShare: number;
  /** Share of pixels covered by the 16 most frequent colours (5 bits per channel). */
  paletteTop: number;
  /** log2 of the number of 5-bit colours in use, over 15 (0 one colour, 1 every colour). */
  paletteLog: number;
  /** Mean luma over 255. */
  lumaMean: number;
  /** Luma standard deviation over 255. */
  lumaStd: number;
  /** Pixels with luma below 48. */
  darkShare: number;
  /** Pixels with luma at most 6 (crushed black). */
  blackClip: number;
  /** Pixels with luma at least 250 (clipped white). */
  whiteClip: number;
  /** Mean |Laplacian|/4 where the gradient is small but not zero, in code values (sensor grain, film noise). */
  grain: number;
  /** Standard deviation of HSV saturation (max−min)/max. */
  satStd: number;
  /** Entropy of the hue histogram (12 bins) of chromatic pixels, over log2 12 (0 one hue, 1 every hue). */
  hueEntropy: number;
  /** Share of pixels covered by the 4 most frequent colours (5 bits per channel). */
  paletteTop4: number;
}

/** Computes the statistics of one keyframe. */
export function pictureStats(kf: Keyframe): PictureStats {
  const { step, w, h } = sampleGrid(kf);
  const n = Math.max(1, w * h);
  const luma = new Float32Array(n);
  const counts = new Uint32Array(1 << 15);
  let sat = 0, vivid = 0, neutral = 0, lSum = 0, lSq = 0, dark = 0, black = 0, white = 0;
  let rgSum = 0, rgSq = 0, ybSum = 0, ybSq = 0, hsvSat = 0, hsvSq = 0, chromatic = 0;
  const hues = new Float64Array(12);
  const rgb = kf.rgb;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const o = 3 * (y * step * kf.width + x * step);
      const r = rgb[o]!, g = rgb[o + 1]!, b = rgb[o + 2]!;
      const l = 0.299 * r + 0.587 * g + 0.114 * b;
      luma[y * w + x] = l;
      const mx = r > g ? (r > b ? r : b) : g > b ? g : b;
      const mn = r < g ? (r < b ? r : b) : g < b ? g : b;
      const c = mx - mn;
      sat += c;
      const s1 = mx > 0 ? c / mx : 0;
      hsvSat += s1;
      hsvSq += s1 * s1;
      if (c > 30) {
        chromatic++;
        let hue = mx === r ? (g - b) / c : mx === g ? 2 + (b - r) / c : 4 + (r - g) / c;
        if (hue < 0) hue += 6;
        hues[Math.min(11, Math.floor(hue * 2))]!++;
      }
      if (c > 100) vivid++;
      if (c < 12) neutral++;
      lSum += l;
      lSq += l * l;
      if (l < 48) dark++;
      if (l <= 6) black++;
      if (l >= 250) white++;
      const rg = r - g, yb = 0.5 * (r + g) - b;
      rgSum += rg; rgSq += rg * rg; ybSum += yb; ybSq += yb * yb;
      const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
      counts[key]!++;
    }
  }
  const g = gradients(luma, w, h);
  const lm = lSum / n;
  const rgM = rgSum / n, ybM = ybSum / n;
  const rgS = Math.sqrt(Math.max(0, rgSq / n - rgM * rgM)), ybS = Math.sqrt(Math.max(0, ybSq / n - ybM * ybM));
  const colourfulness = Math.hypot(rgS, ybS) + 0.3 * Math.hypot(rgM, ybM);
  const { used, top16: top, top4 } = paletteCounts(counts);
  let entropy = 0;
  for (const v of hues) if (v > 0) entropy -= (v / chromatic) * Math.log2(v / chromatic);
  const satM = hsvSat / n;
  return {
    satMean: sat / n / 255,
    vividShare: vivid / n,
    neutralShare: neutral / n,
    colourfulness: colourfulness / 100,
    ...g,
    paletteTop: top / n,
    paletteLog: Math.log2(Math.max(1, used)) / 15,
    lumaMean: lm / 255,
    lumaStd: Math.sqrt(Math.max(0, lSq / n - lm * lm)) / 255,
    darkShare: dark / n,
    blackClip: black / n,
    whiteClip: white / n,
    satStd: Math.sqrt(Math.max(0, hsvSq / n - satM * satM)),
    // Fewer than 2 % chromatic pixels: no hue to speak of.
    hueEntropy: chromatic > 0.02 * n ? entropy / Math.log2(12) : 0,
    paletteTop4: top4 / n,
    ...pictureStructure(luma, w, h),
  };
}

/** Colours in use and the pixels of the 16 and 4 most frequent, without sorting every count. */
function paletteCounts(counts: Uint32Array): { used: number; top16: number; top4: number } {
  const best = new Uint32Array(16); // descending
  let used = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (!c) continue;
    used++;
    if (c <= best[15]!) continue;
    let j = 15;
    while (j > 0 && best[j - 1]! < c) {
      best[j] = best[j - 1]!;
      j--;
    }
    best[j] = c;
  }
  let top16 = 0, top4 = 0;
  for (let j = 0; j < 16; j++) {
    top16 += best[j]!;
    if (j < 4) top4 += best[j]!;
  }
  return { used, top16, top4 };
}

/** Gradient-based statistics over the interior of a luma plane. */
function gradients(l: Float32Array, w: number, h: number): Pick<PictureStats, 'flatShare' | 'edgeShare' | 'edgeAxis' | 'strokeShare' | 'grain' | 'smoothShare' | 'textureShare'> {
  let m = 0, flat = 0, edges = 0, axis = 0, strokes = 0, grainSum = 0, grainN = 0, smooth = 0, texture = 0;
  for (let y = 2; y < h - 2; y++) {
    for (let x = 2; x < w - 2; x++) {
      const i = y * w + x;
      const c = l[i]!, le = l[i - 1]!, ri = l[i + 1]!, up = l[i - w]!, dn = l[i + w]!;
      m++;
      const gx = ri - le, gy = dn - up;
      const ax = Math.abs(gx), ay = Math.abs(gy);
      if (Math.max(Math.abs(c - le), Math.abs(c - ri), Math.abs(c - up), Math.abs(c - dn)) <= 1) flat++;
      if (ax + ay <= 6) smooth++;
      else if (ax + ay >= 12 && ax + ay <= EDGE) texture++;
      if (ax + ay > EDGE) {
        edges++;
        if (Math.min(ax, ay) < 0.2 * Math.max(ax, ay)) axis++;
      } else if (ax + ay > 2 && ax + ay <= 16) {
        grainSum += Math.abs(4 * c - le - ri - up - dn) / 4;
        grainN++;
      }
      const h1 = c - l[i - 2]!, h2 = c - l[i + 2]!, v1 = c - l[i - 2 * w]!, v2 = c - l[i + 2 * w]!;
      if ((h1 * h2 > 0 && Math.min(Math.abs(h1), Math.abs(h2)) > STROKE) || (v1 * v2 > 0 && Math.min(Math.abs(v1), Math.abs(v2)) > STROKE)) strokes++;
    }
  }
  m = Math.max(1, m);
  return { flatShare: flat / m, smoothShare: smooth / m, textureShare: texture / m, edgeShare: edges / m, edgeAxis: edges ? axis / edges : 0, strokeShare: strokes / m, grain: grainN ? grainSum / grainN : 0 };
}
