/** The result panel: the score, label and confidence up top, then experts, route, timeline and more. */
import type { Report } from '../report/types.ts';
import { h, replaceChildren } from './dom.ts';
import { fixed, labelText, scoreTone } from './format.ts';
import { createExpertsView } from './experts-view.ts';
import { createRouteView } from './route-view.ts';
import { createTimelineChart } from './timeline-chart.ts';
import { createArtifactsView } from './artifacts-view.ts';
import { createInputView, createTimingsView } from './facts-view.ts';

/** The result panel. */
export interface ResultView {
  readonly el: HTMLElement;
  show(report: Report): void;
  hide(): void;
}

/** Builds the result panel; `onDownload` runs when "Download report JSON" is pressed. */
export function createResultView(onDownload: (report: Report) => void): ResultView {
  const el = h('div', { class: 'result', id: 'result', hidden: true });
  return {
    el,
    show(report) {
      replaceChildren(
        el,
        summaryCard(report, onDownload),
        createExpertsView(report),
        createRouteView(report),
        createTimelineChart(report),
        createArtifactsView(report),
        createInputView(report),
        createTimingsView(report),
      );
      el.hidden = false;
    },
    hide() {
      el.hidden = true;
      replaceChildren(el);
    },
  };
}

function summaryCard(report: Report, onDownload: (report: Report) => void): HTMLElement {
  const tone = scoreTone(report.score);
  return h(
    'section',
    { class: 'card wide', id: 'summary' },
    h(
      'div',
      { class: 'summary' },
      h('div', { class: `score tone-${tone}`, id: 'score', 'aria-label': `Score ${fixed(report.score, 0)} out of 100` }, fixed(report.score, 0), h('small', {}, ' / 100')),
      h(
        'div',
        { class: 'meta' },
        h('div', {}, h('span', { class: `badge tone-${tone}`, id: 'label' }, labelText(report.label))),
        h('div', { id: 'confidence' }, `Confidence ${fixed(report.confidence * 100, 0)}%`),
        h('div', {}, `${report.input.name} · ${report.artifacts.length} artifact${report.artifacts.length === 1 ? '' : 's'}`),
      ),
      h('div', { class: 'actions' }, h('button', { id: 'download', type: 'button', onclick: () => onDownload(report) }, 'Download report JSON')),
    ),
  );
}
