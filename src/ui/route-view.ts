/** The route: which router decided, the content type it saw, and the weight of each expert. */
import type { Report } from '../report/types.ts';
import { EXPERTS } from '../experts/registry.ts';
import { h } from './dom.ts';
import { fixed, words } from './format.ts';

/** Builds the route card. */
export function createRouteView(report: Report): HTMLElement {
  const { route } = report;
  const max = route.experts.reduce((m, e) => Math.max(m, e.weight), 0) || 1;
  const rows = [...route.experts]
    .sort((a, b) => b.weight - a.weight)
    .map((e) => {
      const fill = h('div', { class: 'fill-accent' });
      fill.style.width = `${(e.weight / max) * 100}%`;
      return h(
        'div',
        { class: 'bar-row' },
        h('span', { class: 'name' }, EXPERTS.find((m) => m.id === e.id)?.label ?? e.id),
        h('div', { class: 'bar' }, fill),
        h('span', { class: 'val' }, fixed(e.weight, 2)),
      );
    });
  return h(
    'section',
    { class: 'card', id: 'route' },
    h('h3', {}, 'Route'),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Router'),
      h('dd', {}, route.router === 'vlm' ? 'Vision-language model' : 'Fast (built-in)'),
      h('dt', {}, 'Content'),
      h('dd', {}, h('span', { class: 'tag' }, words(route.contentType))),
    ),
    rows.length ? h('div', { class: 'bars route-bars' }, ...rows) : null,
    route.rationale ? h('p', { class: 'rationale' }, route.rationale) : null,
  );
}
