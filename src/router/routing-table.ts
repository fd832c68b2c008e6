/**
 * Which experts count, and how much, for each content type: multipliers on an expert's fitted base
 * weight, keyed by what the expert measures (its artifact type, or what its measure assumes), never by
 * its name. A multiplier of 0 leaves the expert out of the run.
 *
 * Why each row departs from 1:
 * - natural-scene models (NIQE, BRISQUE) compare against camera statistics: meaningless on screen
 *   content, animation, games and test patterns, weaker on generated and dark footage;
 * - content measures (no artifact: colourfulness, contrast) describe the picture, not a fault: they
 *   inform the route and the viewer but never lower the score;
 * - held pictures are content on slides, screens and limited animation (drawn on twos), and screen
 *   captures repeat frames whenever nothing is redrawn: freeze and stutter weigh little there (below the
 *   weight at which an expert raises events), and held menus and pauses are common in game captures;
 * - white pages and dark terminal themes are content on screens; dark fills are content in animation
 *   and games (two dark game captures of the clean set read 0.36 and 0.47 on the underexposure scale;
 *   0.25 keeps it below the trust at which events are raised);
 *   dark scenes are content in low light: exposure weighs less there. Overexposure keeps its full
 *   weight in animation and games: none of their clean clips reached its range (at most 0.14), and a
 *   blown-out camera clip looks flat enough to be routed as animation, where a weighed-down
 *   overexposure expert let the score rise with the gain (real ladders: 77 → 95 on the coffee source);
 * - pixel art sits on a grid: blocking weighs less in games;
 * - text and UI sit on a character grid with hard edges and flat fills: the blocking and banding
 *   detectors (built for camera pictures) read glyph cells as block edges and flat panels as bands,
 *   so on screen content they weigh less and raise no events (on 8 screen recordings of the clean
 *   real-footage set they raised 5 blocking events at tier 1, none a visible defect). Blocking is left
 *   out there: its reading follows the glyph grid's contrast, so it fell as compression smeared the
 *   text and rose with exposure gain (a terminal's CRF ladder scored higher at CRF 44 than at 28);
 *   compression on screen content is read by edge ringing, which runs on screen content only;
 * - for generated video the weights follow the AIGC benchmarks' dimensions (VBench: temporal
 *   flickering, motion smoothness, imaging quality): flicker and stutter weigh fully, imaging defects
 *   (blur, noise, blocking) fully, the naturalness models at half.
 */
import type { ExpertMeta } from '../experts/types.ts';
import type { ArtifactType } from '../report/types.ts';
import type { ContentType } from './types.ts';

/**
 * One content type's multipliers, keyed by artifact type, `natural-scene` (models assuming natural-scene
 * statistics), `screen-structure` (measures assuming text and UI on flat fills; 0 unless a row gives it)
 * or `content-measure`.
 */
export type Row = Partial<Record<ArtifactType | 'natural-scene' | 'screen-structure' | 'content-measure', number>>;

/** The routing table (read-only; the benchmark refits rows of a copy, bench/routing/fit.ts). */
export const TABLE: Readonly<Record<ContentType, Readonly<Row>>> = {
  'natural-camera': { 'content-measure': 0 },
  'low-light': { 'content-measure': 0, underexposure: 0.2, 'natural-scene': 0.5, noise: 0.7 },
  'screen-content': { 'content-measure': 0, 'natural-scene': 0, 'screen-structure': 1, freeze: 0.05, stutter: 0.2, overexposure: 0.1, underexposure: 0.1, noise: 0.5, blocking: 0, banding: 0.25 },
  animation: { 'content-measure': 0, 'natural-scene': 0, freeze: 0.1, stutter: 0.2, underexposure: 0.25 },
  gameplay: { 'content-measure': 0, 'natural-scene': 0, blocking: 0.3, underexposure: 0.25, freeze: 0.2, stutter: 0.5 },
  'ai-generated': { 'content-measure': 0, 'natural-scene': 0.5, freeze: 0.3 },
  'still-slideshow': { 'content-measure': 0, freeze: 0, stutter: 0 },
};

/** The multiplier for an expert under a content type (1 when the table says nothing); `table` replaces the built-in one. */
export function routeFactor(contentType: ContentType, meta: Pick<ExpertMeta, 'artifact' | 'assumes' | 'post'>, table: Readonly<Record<ContentType, Readonly<Row>>> = TABLE): number {
  const row = table[contentType];
  if (meta.assumes?.includes('natural-scene-statistics')) return row['natural-scene'] ?? 1;
  if (meta.assumes?.includes('screen-content')) return row['screen-structure'] ?? 0;
  if (meta.artifact) return row[meta.artifact] ?? 1;
  return row['content-measure'] ?? 1;
}

/**
 * The least share of probability that screen content must hold for a clip that is probably something
 * else to get the screen-structure measures (edge ringing) at all. Those measures read any other
 * content's texture as ripples beside edges: pristine, the dithered Procgen grid reads 4.4 on the ringing
 * scale, the ViZDoom strip 3.2, the MineRL viewer 2.6 and a GIF cartoon 2.5, where screen recordings read
 * 1.0 to 1.4. A 10-20 % hedge toward screen content (the MineRL rungs) then adds a misreading worth
 * 1-2 points that comes and goes as the hedge crosses the 0.05 weight cut from rung to rung, which put
 * the pristine Minecraft clip below its compressed-noise, exposure and rescaled rungs. Hedges of
 * screen rungs the classifier misread held 0.34 and more (bench/routing/README.md).
 */
export const SCREEN_HEDGE_MIN = 0.25;

/**
 * The multiplier averaged over content types by their probabilities: a clip the classifier is unsure
 * of (a blown-out camera clip that looks flat, a game that looks dark) is weighed as the mix of its
 * likely types instead of flipping between rows, so a small change of evidence moves the score a little.
 * A screen-structure measure that the most likely type leaves out is hedged in only when the types
 * that run it hold `SCREEN_HEDGE_MIN` of the probability or more.
 */
export function expectedFactor(probabilities: Partial<Record<ContentType, number>>, meta: Pick<ExpertMeta, 'artifact' | 'assumes' | 'post'>, table: Readonly<Record<ContentType, Readonly<Row>>> = TABLE): number {
  let sum = 0, mass = 0, running = 0, top: ContentType | undefined, topP = 0;
  for (const [t, p] of Object.entries(probabilities) as [ContentType, number][]) {
    if (!(p > 0) || !table[t]) continue;
    const f = routeFactor(t, meta, table);
    sum += p * f;
    mass += p;
    if (f > 0) running += p;
    if (p > topP) [top, topP] = [t, p];
  }
  if (mass <= 0) return 1;
  const screenMeasure = meta.assumes?.includes('screen-content') ?? false;
  if (screenMeasure && top && routeFactor(top, meta, table) === 0 && running / mass < SCREEN_HEDGE_MIN) return 0;
  return sum / mass;
}

/** Words for a row's departures, for the route's reasons. */
export function routeNotes(contentType: ContentType): string[] {
  const row = TABLE[contentType];
  const off = Object.entries(row).filter(([, v]) => v === 0).map(([k]) => k.replace('natural-scene', 'natural-scene models').replace('content-measure', 'content measures'));
  const low = Object.entries(row).filter(([, v]) => v !== undefined && v > 0 && v < 1).map(([k, v]) => `${k} ×${v}`);
  const notes: string[] = [];
  if (off.length) notes.push(`left out for ${contentType.replace(/-/g, ' ')}: ${off.join(', ')}`);
  if (low.length) notes.push(`weighed down: ${low.join(', ')}`);
  return notes;
}
