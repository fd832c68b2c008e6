/**
 * The timeline: the fused score over time (and, on request, one expert's quality from the detail
 * series), then one track per artifact type with its events as buttons. Clicking an event or a track
 * seeks; a playhead follows the current time. Labels are HTML, so they stay readable on a phone.
 */
import type { ArtifactType, Report } from '../report/types.ts';
import { EXPERTS } from '../experts/registry.ts';
import { normalizeScore } from '../fusion/normalize.ts';
import { h, svg } from './dom.ts';
import { fixed } from './format.ts';
import { typeColor } from './overlay.ts';

/** The timeline card and its playhead. */
export interface TimelineView {
  readonly el: HTMLElement;
  /** Moves the playhead to `t` seconds. */
  setTime(t: number): void;
}

/** Builds the timeline card; `onSeek` receives the time a person picked. */
export function createTimelineChart(report: Report, onSeek?: (t: number) => void): TimelineView {
  const points = [...report.timeline].filter((p) => Number.isFinite(p.tS) && Number.isFinite(p.score)).sort((a, b) => a.tS - b.tS);
  const card = h('section', { class: 'card wide', id: 'timeline' }, h('h3', {}, 'Timeline'));
  const end = Math.max(report.input.durationS || 0, points[points.length - 1]?.tS ?? 0, ...report.artifacts.map((a) => a.endS), 1e-3);
  const pct = (t: number): number => (Math.min(Math.max(t, 0), end) / end) * 100;
  const playheads: HTMLElement[] = [];
  const playhead = (): HTMLElement => {
    const p = h('div', { class: 'playhead', 'aria-hidden': 'true' });
    playheads.push(p);
    return p;
  };
  const seekFromClick = (lane: HTMLElement) => (e: Event) => {
    if (!onSeek || (e.target as HTMLElement).closest('.ev')) return;
    const r = lane.getBoundingClientRect();
    onSeek(((e as MouseEvent).clientX - r.left) / Math.max(1, r.width) * end);
  };

  // Score plot: an SVG scaled to the box (0..100 in y, 0..end in x), labels in HTML.
  const plot = h('div', { class: 'tl-plot', 'aria-label': `Score over time, ${points.length} points`, role: 'img' });
  const chart = svg('svg', { viewBox: '0 0 100 100', preserveAspectRatio: 'none', 'aria-hidden': 'true' });
  for (const s of [0, 25, 50, 75, 100]) {
    chart.append(svg('line', { class: 'grid', x1: 0, x2: 100, y1: 100 - s, y2: 100 - s }));
    const label = h('span', { class: 'tl-y' }, String(s));
    label.style.top = `${100 - s}%`;
    plot.append(label);
  }
  const line = points.map((p) => `${fixed(pct(p.tS), 2)},${fixed(100 - p.score, 2)}`).join(' ');
  if (points.length) chart.append(svg('polyline', { class: 'line', points: line }));
  const expertLine = svg('path', { class: 'expert-line', d: '' });
  chart.append(expertLine);
  plot.append(chart, playhead());
  plot.addEventListener('click', seekFromClick(plot));
  const axis = h('div', { class: 'tl-x', 'aria-hidden': 'true' });
  for (const t of ticks(end)) {
    const tick = h('span', {}, `${fixed(t, end < 10 ? 1 : 0)} s`);
    tick.style.left = `${pct(t)}%`;
    axis.append(tick);
  }
  card.append(points.length ? h('div', { class: 'tl-wrap' }, plot, axis) : h('p', { class: 'empty' }, 'No per-frame scores in this report.'));

  // One track per artifact type that has events.
  const byType = new Map<ArtifactType, Report['artifacts']>();
  for (const a of [...report.artifacts].sort((x, y) => x.startS - y.startS)) byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
  const rows = [...byType].map(([type, events]) => {
    const lane = h('div', { class: 'lane', 'data-track': type });
    for (const a of events) {
      const where = a.region ? `region x ${Math.round(a.region.x * 100)}%, y ${Math.round(a.region.y * 100)}%` : 'whole frame';
      const ev = h('button', {
        type: 'button',
        class: 'ev',
        'data-type': type,
        'data-start': a.startS,
        'aria-label': `${type} from ${fixed(a.startS, 2)} s to ${fixed(a.endS, 2)} s, severity ${Math.round(a.severity * 100)}%, ${where}. Seek to it.`,
        title: `${type} ${fixed(a.startS, 1)}–${fixed(a.endS, 1)} s`,
        onclick: () => onSeek?.(a.startS),
      });
      ev.style.left = `${pct(a.startS)}%`;
      ev.style.width = `${Math.max(0.6, pct(a.endS) - pct(a.startS))}%`;
      ev.style.background = typeColor(type, 0.35 + 0.65 * a.severity);
      lane.append(ev);
    }
    lane.append(playhead());
    lane.addEventListener('click', seekFromClick(lane));
    return h('div', { class: 'track-row' }, h('span', { class: 'tname' }, type), lane);
  });
  card.append(rows.length ? h('div', { class: 'tracks', role: 'group', 'aria-label': 'Artifact tracks' }, ...rows) : h('p', { class: 'empty' }, 'No artifact events on the timeline.'));

  // Optional per-expert curve from the detail series, as 0..100 quality.
  const series = (report.detail?.experts ?? []).filter((e) => e.series.tS.length > 1);
  if (series.length && points.length) {
    const pick = h('select', { id: 'expert-curve', 'aria-label': 'Show one expert over time' }, h('option', { value: '' }, 'none'), ...series.map((e) => h('option', { value: e.id }, EXPERTS.find((m) => m.id === e.id)?.label ?? e.id)));
    pick.addEventListener('change', () => {
      const e = series.find((s) => s.id === pick.value);
      expertLine.setAttribute('d', e ? 'M' + e.series.tS.map((t, i) => `${fixed(pct(t), 2)},${fixed(100 - normalizeScore(e, e.series.mean[i]!), 2)}`).join('L') : '');
    });
    card.append(h('div', { class: 'tl-opts' }, h('label', {}, 'Expert curve ', pick)));
  }
  card.append(h('p', { class: 'keys' }, 'Keys: ', h('kbd', {}, 'Space'), ' play · ', h('kbd', {}, ','), ' ', h('kbd', {}, '.'), ' frame step · ', h('kbd', {}, '['), ' ', h('kbd', {}, ']'), ' previous / next event'));

  return {
    el: card,
    setTime(t) {
      for (const p of playheads) p.style.left = `${pct(t)}%`;
    },
  };
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
