/**
 * The overlay drawn over the video at one moment: for each chosen artifact type, the per-patch map of
 * its expert as a heat layer (only patches beyond the expert's threshold, stronger the further
 * beyond), and the regions of the events under way as labelled boxes. Pure drawing on a 2D context,
 * so the player, the PNG export and the benchmark share it. The chosen maps are composited in
 * JavaScript on a coarse grid (squares of the largest common divisor of the cell sizes, so cells keep
 * their edges) and drawn as solid rectangles, one per run of equal colour, which a canvas rasterizes
 * far faster than a scaled image; the composite is reused while the maps stay the same.
 */
import { decodeMap, type Detail, type DetailExpert, type DetailMaps } from '../report/detail.ts';
import type { ArtifactType, ReportArtifact } from '../report/types.ts';

/** One colour per artifact type, as [r, g, b]. */
export const TYPE_COLORS: Record<ArtifactType, [number, number, number]> = {
  blur: [64, 156, 255],
  blocking: [255, 72, 72],
  noise: [255, 170, 0],
  banding: [186, 104, 255],
  overexposure: [255, 220, 40],
  underexposure: [40, 200, 255],
  freeze: [0, 210, 140],
  black: [140, 140, 160],
  flicker: [255, 110, 200],
  stutter: [120, 230, 60],
  interlacing: [255, 130, 60],
};

/** The CSS colour of an artifact type. */
export function typeColor(type: ArtifactType, alpha = 1): string {
  const [r, g, b] = TYPE_COLORS[type];
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/** What to draw. */
export interface OverlayOptions {
  /** Artifact types to show. */
  types: ReadonlySet<ArtifactType>;
  /** Heat opacity, 0..1. */
  opacity: number;
  /** Draw the event boxes (default true). */
  boxes?: boolean;
}

type Layer = { expert: DetailExpert & { artifact: ArtifactType }; maps: DetailMaps; alphas: (Uint8Array | undefined)[] };

/** When cell sizes are fractional, the composite grid is at most this many squares wide. */
const COMPOSITE_MAX_WIDTH = 480;

/** Decoded maps of one detail document, cached per map frame. */
export class OverlayModel {
  readonly #layers: Layer[];
  #composite: { key: string; runs: Map<string, number[]> } | undefined;

  constructor(
    detail: Detail | undefined,
    readonly events: readonly ReportArtifact[],
  ) {
    this.#layers = (detail?.experts ?? [])
      .filter((e): e is DetailExpert & { maps: DetailMaps; artifact: ArtifactType } => !!e.maps && !!e.artifact && e.threshold !== undefined && e.maps.frames.length > 0)
      .map((e) => ({ expert: e, maps: e.maps, alphas: new Array<Uint8Array | undefined>(e.maps.frames.length) }));
  }

  /** Artifact types that have a heat layer. */
  get heatTypes(): ArtifactType[] {
    return [...new Set(this.#layers.map((l) => l.expert.artifact))];
  }

  /** Draws the overlay for time `t` (seconds) onto a `width`×`height` context (cleared first). */
  draw(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, width: number, height: number, t: number, opts: OverlayOptions): void {
    ctx.clearRect(0, 0, width, height);
    const chosen = this.#layers.map((l) => (opts.types.has(l.expert.artifact) ? nearest(l.maps, t) : -1));
    const heat = chosen.some((i) => i >= 0) ? this.#heat(chosen, width, height) : undefined;
    if (heat) {
      ctx.save();
      ctx.globalAlpha = Math.max(0, Math.min(1, opts.opacity));
      // Solid rectangles, one per run of equal colour: much cheaper to rasterize than a scaled image.
      for (const [style, rects] of heat.runs) {
        ctx.fillStyle = style;
        for (let i = 0; i < rects.length; i += 4) ctx.fillRect(rects[i]!, rects[i + 1]!, rects[i + 2]!, rects[i + 3]!);
      }
      ctx.restore();
    }
    if (opts.boxes !== false) this.#drawBoxes(ctx, width, height, t, opts.types);
  }

  /**
   * Every chosen layer's heat composited in JavaScript on a grid of k×k-pixel squares (cells are
   * looked up per row and column), as runs of equal colour grouped by colour: [x, y, w, h, …] in
   * frame pixels. Reused while the chosen maps stay the same.
   */
  #heat(chosen: number[], width: number, height: number): { runs: Map<string, number[]> } {
    const k = this.#scale(chosen, width, height);
    const cw = Math.ceil(width / k);
    const ch = Math.ceil(height / k);
    const key = `${width}x${height}:${chosen.join(',')}`;
    if (this.#composite?.key === key) return this.#composite;
    const acc = new Float32Array(cw * ch * 4); // premultiplied r, g, b and alpha
    this.#layers.forEach((layer, li) => {
      const index = chosen[li]!;
      if (index < 0) return;
      const alpha = (layer.alphas[index] ??= heatAlphas(layer.expert, layer.maps, index));
      const { pw, ph, coverW, coverH } = layer.maps;
      const cols = Int32Array.from({ length: cw }, (_, x) => cellOf(((x + 0.5) * k) / width, coverW, pw));
      const rows = Int32Array.from({ length: ch }, (_, y) => cellOf(((y + 0.5) * k) / height, coverH, ph));
      const [r, g, b] = TYPE_COLORS[layer.expert.artifact];
      for (let y = 0; y < ch; y++) {
        const row = rows[y]!;
        if (row < 0) continue;
        for (let x = 0; x < cw; x++) {
          const col = cols[x]!;
          if (col < 0) continue;
          const a = alpha[row * pw + col]! / 255;
          if (a === 0) continue;
          const o = (y * cw + x) * 4;
          acc[o] = r * a + acc[o]! * (1 - a);
          acc[o + 1] = g * a + acc[o + 1]! * (1 - a);
          acc[o + 2] = b * a + acc[o + 2]! * (1 - a);
          acc[o + 3] = a + acc[o + 3]! * (1 - a);
        }
      }
    });
    // Pack each square's colour into one integer so runs are found without making strings.
    const packed = new Uint32Array(cw * ch);
    for (let i = 0, o = 0; i < packed.length; i++, o += 4) {
      const a = acc[o + 3]!;
      if (a > 0) packed[i] = ((Math.round(acc[o]! / a) << 24) | (Math.round(acc[o + 1]! / a) << 16) | (Math.round(acc[o + 2]! / a) << 8) | Math.max(1, Math.round(a * 255))) >>> 0;
    }
    const runs = new Map<string, number[]>();
    for (let y = 0; y < ch; y++) {
      let x = 0;
      while (x < cw) {
        const c = packed[y * cw + x]!;
        let end = x + 1;
        while (end < cw && packed[y * cw + end] === c) end++;
        if (c !== 0) {
          const style = `rgba(${c >>> 24},${(c >>> 16) & 255},${(c >>> 8) & 255},${((c & 255) / 255).toFixed(3)})`;
          const list = runs.get(style) ?? [];
          // Whole squares: the last row or column may reach past the frame and is clipped.
          list.push(x * k, y * k, (end - x) * k, k);
          runs.set(style, list);
        }
        x = end;
      }
    }
    this.#composite = { key, runs };
    return this.#composite;
  }

  /**
   * Frame pixels per composite pixel: the largest whole number that divides every chosen layer's cell
   * size (cells keep exact edges; typically one composite pixel per 32 frame pixels), or, when cell
   * sizes are fractional, what keeps the composite within COMPOSITE_MAX_WIDTH.
   */
  #scale(chosen: number[], width: number, height: number): number {
    const fallback = Math.max(1, Math.ceil(width / COMPOSITE_MAX_WIDTH));
    let k = 0;
    for (const [li, layer] of this.#layers.entries()) {
      if (chosen[li]! < 0) continue;
      for (const size of [(width * layer.maps.coverW) / layer.maps.pw, (height * layer.maps.coverH) / layer.maps.ph]) {
        // Cover fractions are stored to 1/1000, so sizes within 0.1 px of a whole number are whole.
        const whole = Math.round(size);
        if (whole < 1 || Math.abs(size - whole) > 0.1) return fallback;
        k = gcd(k, whole);
      }
    }
    return k >= fallback ? k : fallback;
  }

  #drawBoxes(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, width: number, height: number, t: number, types: ReadonlySet<ArtifactType>): void {
    const line = Math.max(2, Math.round(Math.min(width, height) / 180));
    const font = Math.max(11, Math.round(height / 36));
    ctx.save();
    ctx.lineWidth = line;
    ctx.font = `600 ${font}px system-ui, sans-serif`;
    ctx.textBaseline = 'top';
    for (const e of this.events) {
      if (!e.region || !types.has(e.type) || t < e.startS || t >= e.endS) continue;
      // The stroke lies inside the region, so nothing is drawn outside it.
      const x = e.region.x * width + line / 2;
      const y = e.region.y * height + line / 2;
      const w = e.region.w * width - line;
      const h = e.region.h * height - line;
      if (w <= 0 || h <= 0) continue;
      ctx.strokeStyle = typeColor(e.type);
      ctx.strokeRect(x, y, w, h);
      const label = `${e.type} ${Math.round(e.severity * 100)}%`;
      const tw = Math.min(w - line, ctx.measureText(label).width + 8);
      if (tw > 8 && h > font + 6) {
        ctx.fillStyle = typeColor(e.type, 0.9);
        ctx.fillRect(x + line / 2, y + line / 2, tw, font + 6);
        ctx.fillStyle = '#111';
        ctx.fillText(label, x + line / 2 + 4, y + line / 2 + 3, tw - 8);
      }
    }
    ctx.restore();
  }
}

/** Index of the map frame that stands for time `t`, or -1 (binary search; frames are sorted by time). */
export function nearest(maps: DetailMaps, t: number): number {
  const f = maps.frames;
  let lo = 0;
  let hi = f.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f[mid]!.tS < t) lo = mid + 1;
    else hi = mid;
  }
  let best = lo;
  if (lo > 0 && Math.abs(f[lo - 1]!.tS - t) <= Math.abs(f[lo]!.tS - t)) best = lo - 1;
  return Math.abs(f[best]!.tS - t) <= maps.holdS + 1e-6 ? best : -1;
}

/** How strongly a raw value shows the artifact: 0 at or inside the threshold, 1 at the bad end. */
export function heatOf(expert: Pick<DetailExpert, 'lowerIsBetter' | 'threshold' | 'range'>, maps: Pick<DetailMaps, 'lo' | 'hi'>, raw: number): number {
  const thr = expert.threshold;
  if (thr === undefined || !Number.isFinite(raw)) return 0;
  const bad = expert.lowerIsBetter ? Math.max(maps.hi, ...expert.range) : Math.min(maps.lo, ...expert.range);
  const beyond = expert.lowerIsBetter ? raw - thr : thr - raw;
  const room = Math.abs(bad - thr) || 1;
  return beyond <= 0 ? 0 : Math.min(1, beyond / room);
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** The cell a position (fraction of the frame) falls in, or -1 beyond the covered part. */
function cellOf(f: number, cover: number, cells: number): number {
  if (f >= cover) return -1;
  return Math.min(cells - 1, Math.floor((f / cover) * cells));
}

/** Per-cell heat opacity (0..255) of one map frame: visible from the first step beyond the threshold, opaque at the bad end. */
function heatAlphas(expert: DetailExpert, maps: DetailMaps, index: number): Uint8Array {
  const values = decodeMap(maps, maps.frames[index]!);
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const heat = heatOf(expert, maps, values[i]!);
    if (heat > 0) out[i] = Math.round(255 * (0.45 + 0.55 * heat));
  }
  return out;
}
