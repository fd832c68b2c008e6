/**
 * Two encodes side by side: each one's score, reason and player with its overlay, one time axis for
 * both score curves and for each side's event tracks, and one clock (seeking either side, or an event
 * of either, moves both players). When both have the same size and frame count, PSNR and SSIM between
 * them per frame (fullref-view.ts): the means in the header, the curves on the same time axis.
 */
import type { ArtifactType, Report } from '../report/types.ts';
import { h, svg } from './dom.ts';
import { fixed, labelText, scoreTone } from './format.ts';
import { headline } from './explain.ts';
import { typeColor } from './overlay.ts';
import { createViewer, type Viewer } from './viewer.ts';
import { createFullRefView, type FullRefView } from './fullref-view.ts';

/** One side of the comparison. */
export interface CompareSide {
  report: Report;
  file?: Blob;
}

/** The comparison panel. */
export interface CompareView {
  readonly el: HTMLElement;
  readonly viewers: Viewer[];
  /** PSNR and SSIM between the two (measured in the background when they can be compared). */
  readonly fullRef: FullRefView;
  /** Moves both players (and the playheads) to `t` seconds. */
  seek(t: number): void;
  destroy(): void;
}

/** Where the comparison finds its models and attaches its downloads. */
export interface CompareOptions {
  modelBaseUrl?: string;
  root?: Node;
}

/** Builds the comparison of `a` and `b`. */
export function createCompareView(a: CompareSide, b: CompareSide, options: CompareOptions = {}): CompareView {
  const sides = [a, b];
  const names = ['A', 'B'];
  const end = Math.max(a.report.input.durationS, b.report.input.durationS, 1e-3);
  const pct = (t: number) => (Math.min(Math.max(t, 0), end) / end) * 100;
  const playheads: HTMLElement[] = [];
  const viewers: Viewer[] = [];
  let syncing = false;
  let fullRef: FullRefView | undefined;
  const seek = (t: number) => {
    syncing = true;
    for (const v of viewers) v.seek(t);
    syncing = false;
    for (const p of playheads) p.style.left = `${pct(t)}%`;
    fullRef?.setTime(t);
  };
  const onTime = (t: number) => {
    for (const p of playheads) p.style.left = `${pct(t)}%`;
    fullRef?.setTime(t);
    if (syncing) return;
    // A player moved on its own (play or step): keep the other one on the same time.
    syncing = true;
    for (const v of viewers) if (Math.abs(v.time - t) > 0.5 / (a.report.input.fps || 30) && v.video.paused) v.seek(t);
    syncing = false;
  };

  const columns = sides.map((side, i) => {
    const r = side.report;
    const viewer = side.file ? createViewer(side.file, r, onTime) : undefined;
    if (viewer) viewers.push(viewer);
    return h(
      'section',
      { class: 'card', 'data-side': names[i] },
      h('h3', {}, `${names[i]} · ${r.input.name}`),
      h('div', { class: `score tone-${scoreTone(r.score)}`, 'data-score': r.score }, fixed(r.score, 0), h('small', {}, ' / 100')),
      h('p', {}, h('span', { class: `badge tone-${scoreTone(r.score)}` }, labelText(r.label)), ` ${r.input.width}×${r.input.height}, ${r.input.codec}, ${r.artifacts.length} event${r.artifacts.length === 1 ? '' : 's'}`),
      h('p', { class: 'rationale' }, headline(r).why),
      viewer?.el ?? null,
    );
  });

  const delta = b.report.score - a.report.score;
  const verdict = Math.abs(delta) < 1 ? 'A and B score the same.' : `${delta > 0 ? 'B' : 'A'} scores ${fixed(Math.abs(delta), 1)} points higher.`;

  // One plot: both score curves on the same time axis.
  const plot = h('div', { class: 'tl-plot', role: 'img', 'aria-label': `Scores over time: A solid, B dashed` });
  const chart = svg('svg', { viewBox: '0 0 100 100', preserveAspectRatio: 'none', 'aria-hidden': 'true' });
  for (const s of [0, 50, 100]) {
    chart.append(svg('line', { class: 'grid', x1: 0, x2: 100, y1: 100 - s, y2: 100 - s }));
    const label = h('span', { class: 'tl-y' }, String(s));
    label.style.top = `${100 - s}%`;
    plot.append(label);
  }
  sides.forEach((side, i) => {
    const pts = [...side.report.timeline].sort((p, q) => p.tS - q.tS).map((p) => `${fixed(pct(p.tS), 2)},${fixed(100 - p.score, 2)}`).join(' ');
    if (pts) chart.append(svg('polyline', { class: i === 0 ? 'line' : 'expert-line', 'data-side': names[i], points: pts }));
  });
  const head = h('div', { class: 'playhead' });
  playheads.push(head);
  plot.append(chart, head);

  // Event tracks: per artifact type, A's row above B's.
  const types = [...new Set([...a.report.artifacts, ...b.report.artifacts].map((e) => e.type))].sort() as ArtifactType[];
  const rows = types.flatMap((type) =>
    sides.map((side, i) => {
      const lane = h('div', { class: 'lane', 'data-track': `${names[i]}:${type}` });
      for (const e of side.report.artifacts.filter((x) => x.type === type)) {
        const ev = h('button', { type: 'button', class: 'ev', 'data-side': names[i], 'data-type': type, 'aria-label': `${names[i]}: ${type} from ${fixed(e.startS, 2)} s to ${fixed(e.endS, 2)} s. Seek both to it.`, onclick: () => seek(e.startS) });
        ev.style.left = `${pct(e.startS)}%`;
        ev.style.width = `${Math.max(0.6, pct(e.endS) - pct(e.startS))}%`;
        ev.style.background = typeColor(type, 0.35 + 0.65 * e.severity);
        lane.append(ev);
      }
      const p = h('div', { class: 'playhead' });
      playheads.push(p);
      lane.append(p);
      return h('div', { class: 'track-row' }, h('span', { class: 'tname' }, `${names[i]} · ${type}`), lane);
    }),
  );

  const fr = createFullRefView({ a, b, pct, end, seek, modelBaseUrl: options.modelBaseUrl, root: options.root });
  fullRef = fr;
  const el = h(
    'div',
    { class: 'result', id: 'compare' },
    h('section', { class: 'card wide', id: 'compare-summary' }, h('h3', {}, 'Comparison'), h('p', { class: 'headline', id: 'compare-verdict' }, `${verdict} A ${fixed(a.report.score, 1)}, B ${fixed(b.report.score, 1)}.`), fr.summary),
    ...columns,
    h(
      'section',
      { class: 'card wide', id: 'compare-timeline' },
      h('h3', {}, 'Both over time (A solid, B dashed)'),
      h('div', { class: 'tl-wrap' }, plot),
      rows.length ? h('div', { class: 'tracks' }, ...rows) : h('p', { class: 'empty' }, 'Neither encode has artifact events.'),
    ),
    fr.el,
  );
  return {
    el,
    viewers,
    fullRef: fr,
    seek,
    destroy() {
      fr.cancel();
      for (const v of viewers) v.destroy();
    },
  };
}
