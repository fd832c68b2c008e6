/**
 * Per-expert scores as bars, each with its raw value and unit explained in words and its weight in
 * the route. Measures of the content (colourfulness, contrast) are drawn in a neutral colour and
 * marked as content, never as faults.
 */
import type { Report } from '../report/types.ts';
import { EXPERTS } from '../experts/registry.ts';
import { h } from './dom.ts';
import { fixed, scoreTone } from './format.ts';
import { isContentMeasure, unitInWords } from './explain.ts';

/** Builds the experts card. */
export function createExpertsView(report: Report): HTMLElement {
  const weights = new Map(report.route.experts.map((e) => [e.id, e.weight]));
  const rows = [...report.experts]
    .sort((a, b) => (weights.get(b.id) ?? 0) - (weights.get(a.id) ?? 0) || a.id.localeCompare(b.id))
    .map((e) => {
      const meta = EXPERTS.find((m) => m.id === e.id);
      const content = isContentMeasure(meta);
      const w = weights.get(e.id);
      const fill = h('div', { class: content ? 'fill-content' : `fill-${scoreTone(e.score)}` });
      fill.style.width = `${Math.max(0, Math.min(100, e.score))}%`;
      const words = unitInWords(e.id, e.raw);
      return h(
        'div',
        { class: 'bar-row', 'data-expert': e.id, 'data-content': content ? 'true' : undefined, title: [meta?.description, words].filter(Boolean).join(' ') },
        h('span', { class: 'name' }, meta?.label ?? e.id, content ? h('span', { class: 'kind' }, 'content') : null),
        h('div', { class: 'bar' }, fill),
        h('span', { class: 'val' }, fixed(e.score, 0)),
        h('span', { class: 'raw' }, `${words || `${fixed(e.raw, 3)} ${e.unit}`}${w !== undefined ? ` Weight ${fixed(w, 2)}.` : ' Not weighted.'}`),
      );
    });
  return h(
    'section',
    { class: 'card', id: 'experts' },
    h('h3', {}, 'Experts'),
    rows.length ? h('div', { class: 'bars' }, ...rows) : h('p', { class: 'empty' }, 'No expert ran on this video.'),
  );
}
