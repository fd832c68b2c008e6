/**
 * The overlay drawn over the video at one moment: for each chosen artifact type, the per-patch map of
 * its expert as a heat layer (only patches beyond the expert's threshold, stronger the further
 * beyond), and the regions of the events under way as labelled boxes. Pure drawing on a 2D context,
 * so the player, the PNG export and the benchmark share it. Maps are decoded into small images once
 * and scaled up with smoothing off, which keeps a frame's draw to a few scaled blits.
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

type Layer = { expert: DetailExpert & { artifact: ArtifactType }; maps: DetailMaps; images: (CanvasImageSource | undefined)[] };

/** Decoded maps of one detail document, cached per map frame. */
export class OverlayModel {
  readonly #layers: Layer[];

  constructor(
    detail: Detail | undefined,
    readonly events: readonly ReportArtifact[],
  ) {
    this.#layers = (detail?.experts ?? [])
      .filter((e): e is DetailExpert & { maps: DetailMaps; artifact: ArtifactType } => !!e.maps && !!e.artifact && e.threshold !== undefined && e.maps.frames.length > 0)
      .map((e) => ({ expert: e, maps: e.maps, images: new Array<CanvasImageSource | undefined>(e.maps.frames.length) }));
  }

  /** Artifact types that have a heat layer. */
  get heatTypes(): ArtifactType[] {
    return [...new Set(this.#layers.map((l) => l.expert.artifact!))];
  }

  /** Draws the overlay for time `t` (seconds) onto a `width`×`height` context (cleared first). */
  draw(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, width: number, height: number, t: number, opts: OverlayOptions): void {
    ctx.clearRect(0, 0, width, height);
    ctx.save();
    ctx.imageSmoothingEnabled = false;
    ctx.globalAlpha = Math.max(0, Math.min(1, opts.opacity));
    for (const layer of this.#layers) {
      if (!opts.types.has(layer.expert.artifact!)) continue;
      const i = nearest(layer.maps, t);
      if (i < 0) continue;
      const image = (layer.images[i] ??= heatImage(layer.expert, layer.maps, i));
      if (image) ctx.drawImage(image, 0, 0, layer.maps.pw, layer.maps.ph, 0, 0, width * layer.maps.coverW, height * layer.maps.coverH);
    }
    ctx.restore();
    if (opts.boxes !== false) this.#drawBoxes(ctx, width, height, t, opts.types);
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

/** The heat image of one map frame (pw×ph pixels), or undefined where no canvas is available. */
function heatImage(expert: DetailExpert & { artifact: ArtifactType }, maps: DetailMaps, index: number): CanvasImageSource | undefined {
  const values = decodeMap(maps, maps.frames[index]!);
  const canvas = typeof OffscreenCanvas !== 'undefined' ? new OffscreenCanvas(maps.pw, maps.ph) : document.createElement('canvas');
  canvas.width = maps.pw;
  canvas.height = maps.ph;
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null;
  if (!ctx) return undefined;
  const img = ctx.createImageData(maps.pw, maps.ph);
  const [r, g, b] = TYPE_COLORS[expert.artifact];
  for (let i = 0; i < values.length; i++) {
    const heat = heatOf(expert, maps, values[i]!);
    if (heat <= 0) continue;
    img.data[i * 4] = r;
    img.data[i * 4 + 1] = g;
    img.data[i * 4 + 2] = b;
    // Visible from the first step beyond the threshold, opaque at the bad end.
    img.data[i * 4 + 3] = Math.round(255 * (0.45 + 0.55 * heat));
  }
  ctx.putImageData(img, 0, 0);
  return canvas;
}
