/**
 * The artifacts list: type, time span, severity, confidence and region of each event. Each row seeks
 * the player to the event's start (click, or Enter on its button).
 */
import type { Report, Region } from '../report/types.ts';
import { h } from './dom.ts';
import { clock, fixed } from './format.ts';
import { typeColor } from './overlay.ts';

/** Builds the artifacts card; `onSeek` receives an event's start time when it is chosen. */
export function createArtifactsView(report: Report, onSeek?: (t: number) => void): HTMLElement {
  const items = [...report.artifacts].sort((a, b) => a.startS - b.startS || b.severity - a.severity);
  const body = items.length
    ? h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Artifact'), h('th', {}, 'When'), h('th', {}, 'Severity'), h('th', {}, 'Confidence'), h('th', {}, 'Where'))),
        h(
          'tbody',
          {},
          ...items.map((a) => {
            const swatch = h('span', { class: 'swatch' });
            swatch.style.background = typeColor(a.type);
            const when = onSeek
              ? h('button', { type: 'button', class: 'linkish seek', 'data-start': a.startS, 'aria-label': `Seek to ${a.type} at ${fixed(a.startS, 2)} s` }, `${clock(a.startS)} – ${clock(a.endS)}`)
              : `${clock(a.startS)} – ${clock(a.endS)}`;
            const row = h(
              'tr',
              { 'data-type': a.type, class: onSeek ? 'seekable' : undefined },
              h('td', {}, h('span', { class: 'tag' }, swatch, ' ', a.type)),
              h('td', {}, when),
              h('td', {}, `${fixed(a.severity * 100, 0)}%`),
              h('td', {}, `${fixed(a.confidence * 100, 0)}%`),
              h('td', {}, regionText(a.region)),
            );
            if (onSeek) row.addEventListener('click', () => onSeek(a.startS));
            return row;
          }),
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
