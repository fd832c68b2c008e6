/** Per-expert scores as bars, with each expert's raw value and unit and its weight in the route. */
import type { Report } from '../report/types.ts';
import { EXPERTS } from '../experts/registry.ts';
import { h } from './dom.ts';
import { fixed, scoreTone } from './format.ts';

/** Builds the experts card. */
export function createExpertsView(report: Report): HTMLElement {
  const weights = new Map(report.route.experts.map((e) => [e.id, e.weight]));
  const rows = [...report.experts]
    .sort((a, b) => (weights.get(b.id) ?? 0) - (weights.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .map((e) => {
      const meta = EXPERTS.find((m) => m.id === e.id);
      const w = weights.get(e.id);
      const pct = Math.max(0, Math.min(100, e.score));
      return h(
        'div',
        { class: 'bar-row', 'data-expert': e.id, title: meta?.description },
        h('span', { class: 'name' }, meta?.label ?? e.id),
        h('div', { class: 'bar' }, h('div', { class: `fill-${scoreTone(e.score)}`, style: `width:${pct}%` })),
        h('span', { class: 'val' }, fixed(e.score, 0)),
        h('span', { class: 'raw' }, `${rawText(e.raw)} ${e.unit}${w !== undefined ? ` · weight ${fixed(w, 2)}` : ' · not weighted'}`),
      );
    });
  return h(
    'section',
    { class: 'card', id: 'experts' },
    h('h3', {}, 'Experts'),
    rows.length ? h('div', { class: 'bars' }, ...rows) : h('p', { class: 'empty' }, 'No expert ran on this video.'),
  );
}

function rawText(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(3);
}
