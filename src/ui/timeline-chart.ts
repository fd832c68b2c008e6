/** The score-over-time chart: an inline SVG line of `report.timeline`, with artifact spans shaded. */
import type { Report } from '../report/types.ts';
import { h, svg } from './dom.ts';
import { fixed } from './format.ts';

const W = 960;
const H = 220;
const PAD = { l: 34, r: 10, t: 10, b: 24 };

/** Builds the timeline card. */
export function createTimelineChart(report: Report): HTMLElement {
  const points = [...report.timeline].filter((p) => Number.isFinite(p.tS) && Number.isFinite(p.score)).sort((a, b) => a.tS - b.tS);
  const card = h('section', { class: 'card wide', id: 'timeline' }, h('h3', {}, 'Score over time'));
  if (points.length === 0) {
    card.append(h('p', { class: 'empty' }, 'No per-frame scores in this report.'));
    return card;
  }
  const end = Math.max(report.input.durationS || 0, points[points.length - 1]?.tS ?? 0, 1e-3);
  const x = (t: number): number => PAD.l + (Math.min(Math.max(t, 0), end) / end) * (W - PAD.l - PAD.r);
  const y = (s: number): number => PAD.t + (1 - Math.min(Math.max(s, 0), 100) / 100) * (H - PAD.t - PAD.b);

  const chart = svg('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': `Score over time, ${points.length} points` });
  for (const s of [0, 25, 50, 75, 100]) {
    chart.append(svg('line', { class: 'grid', x1: PAD.l, x2: W - PAD.r, y1: y(s), y2: y(s) }));
    chart.append(svg('text', { class: 'axis', x: PAD.l - 6, y: y(s) + 4, 'text-anchor': 'end' }, String(s)));
  }
  for (const t of ticks(end)) {
    const anchor = t === 0 ? 'start' : x(t) > W - PAD.r - 20 ? 'end' : 'middle';
    chart.append(svg('text', { class: 'axis', x: x(t), y: H - 6, 'text-anchor': anchor }, `${fixed(t, end < 10 ? 1 : 0)}s`));
  }
  for (const a of report.artifacts) {
    const x0 = x(a.startS);
    const x1 = Math.max(x(a.endS), x0 + 2);
    chart.append(svg('rect', { class: 'span', x: x0, y: PAD.t, width: x1 - x0, height: H - PAD.t - PAD.b }, svg('title', {}, `${a.type} ${fixed(a.startS, 1)}–${fixed(a.endS, 1)} s`)));
  }
  const line = points.map((p) => `${fixed(x(p.tS), 1)},${fixed(y(p.score), 1)}`).join(' ');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  chart.append(svg('polygon', { class: 'area', points: `${fixed(x(first.tS), 1)},${y(0)} ${line} ${fixed(x(last.tS), 1)},${y(0)}` }));
  chart.append(svg('polyline', { class: 'line', points: line }));
  if (points.length < 40) {
    for (const p of points) chart.append(svg('circle', { class: 'dot', cx: x(p.tS), cy: y(p.score), r: 2.5 }, svg('title', {}, `${fixed(p.tS, 2)} s: ${fixed(p.score, 1)}`)));
  }
  card.append(chart);
  return card;
}

/** About five round tick positions between 0 and `end` seconds. */
function ticks(end: number): number[] {
  const raw = end / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = 0; t <= end + 1e-9; t += step) out.push(t);
  return out;
}
