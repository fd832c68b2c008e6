/** The artifacts list: type, time span, severity, confidence and region of each event. */
import type { Report, Region } from '../report/types.ts';
import { h } from './dom.ts';
import { clock, fixed } from './format.ts';

/** Builds the artifacts card. */
export function createArtifactsView(report: Report): HTMLElement {
  const items = [...report.artifacts].sort((a, b) => a.startS - b.startS || b.severity - a.severity);
  const body = items.length
    ? h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Artifact'), h('th', {}, 'When'), h('th', {}, 'Severity'), h('th', {}, 'Confidence'), h('th', {}, 'Where'))),
        h(
          'tbody',
          {},
          ...items.map((a) =>
            h(
              'tr',
              { 'data-type': a.type },
              h('td', {}, h('span', { class: 'tag' }, a.type)),
              h('td', {}, `${clock(a.startS)} – ${clock(a.endS)}`),
              h('td', {}, `${fixed(a.severity * 100, 0)}%`),
              h('td', {}, `${fixed(a.confidence * 100, 0)}%`),
              h('td', {}, regionText(a.region)),
            ),
          ),
        ),
      )
    : h('p', { class: 'empty' }, 'No artifacts found.');
  return h('section', { class: 'card wide', id: 'artifacts' }, h('h3', {}, `Artifacts (${items.length})`), body);
}

function regionText(r: Region | undefined): string {
  if (!r) return 'whole frame';
  const pct = (v: number): string => `${Math.round(v * 100)}%`;
  return `x ${pct(r.x)}, y ${pct(r.y)}, ${pct(r.w)} × ${pct(r.h)}`;
}
