/**
 * The result panel: the score with the reason for it, exports, the player with its overlay, the
 * timeline, the events, then experts, route and facts. Keys anywhere in the panel: Space plays or
 * pauses, `,` and `.` step one frame, `[` and `]` go to the previous or next event.
 */
import type { Report } from '../report/types.ts';
import { h, replaceChildren } from './dom.ts';
import { fixed, labelText, scoreTone } from './format.ts';
import { createExpertsView } from './experts-view.ts';
import { createRouteView } from './route-view.ts';
import { createTimelineChart } from './timeline-chart.ts';
import { createArtifactsView } from './artifacts-view.ts';
import { createInputView, createTimingsView } from './facts-view.ts';
import { headline } from './explain.ts';
import { createViewer, type Viewer } from './viewer.ts';
import { downloadEventsCsv, downloadFramePng, downloadReport } from './download.ts';

/** The result panel. */
export interface ResultView {
  readonly el: HTMLElement;
  /** The player, when the last report came with its file. */
  readonly viewer: Viewer | undefined;
  show(report: Report, file?: Blob): void;
  hide(): void;
}

/** Builds the result panel; downloads are attached under `root` (the shadow root). */
export function createResultView(root?: Node): ResultView {
  const el = h('div', { class: 'result', id: 'result', hidden: true });
  let viewer: Viewer | undefined;
  let report: Report | undefined;

  el.addEventListener('keydown', (e) => {
    const target = e.composedPath()[0] as HTMLElement | undefined;
    if (!viewer || !report || (target && /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName))) return;
    const starts = [...new Set(report.artifacts.map((a) => a.startS))].sort((a, b) => a - b);
    const t = viewer.time;
    const frame = 1 / (report.input.fps || 30);
    const go = (s: number | undefined) => s !== undefined && viewer!.seek(s);
    const handled: Record<string, () => void> = {
      ',': () => viewer!.step(-1),
      '.': () => viewer!.step(1),
      '[': () => go(starts.filter((s) => s < t - frame / 2).pop()),
      ']': () => go(starts.find((s) => s > t + frame / 2)),
    };
    if (e.key === ' ' && target?.tagName !== 'BUTTON') handled[' '] = () => viewer!.toggle();
    const action = handled[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  });

  return {
    el,
    get viewer() {
      return viewer;
    },
    show(r, file) {
      viewer?.destroy();
      report = r;
      const timeline = createTimelineChart(r, (t) => viewer?.seek(t));
      viewer = file ? createViewer(file, r, (t) => timeline.setTime(t)) : undefined;
      const seek = viewer ? (t: number) => viewer!.seek(t) : undefined;
      replaceChildren(
        el,
        summaryCard(r, root, () => viewer),
        viewer ? h('section', { class: 'card wide', id: 'player' }, h('h3', {}, 'Video and artifacts'), viewer.el) : null,
        timeline.el,
        createArtifactsView(r, seek),
        createExpertsView(r),
        createRouteView(r),
        createInputView(r),
        createTimingsView(r),
      );
      el.hidden = false;
    },
    hide() {
      viewer?.destroy();
      viewer = undefined;
      report = undefined;
      el.hidden = true;
      replaceChildren(el);
    },
  };
}

function summaryCard(report: Report, root: Node | undefined, viewer: () => Viewer | undefined): HTMLElement {
  const tone = scoreTone(report.score);
  const { why } = headline(report);
  const png = async () => {
    const v = viewer();
    if (v) downloadFramePng(report, await v.snapshot(), v.time, root);
  };
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
      h(
        'div',
        { class: 'actions' },
        h('button', { id: 'download', type: 'button', onclick: () => downloadReport(report, root) }, 'Report JSON'),
        h('button', { id: 'download-csv', type: 'button', onclick: () => downloadEventsCsv(report, root) }, 'Events CSV'),
        viewer() ? h('button', { id: 'download-png', type: 'button', onclick: () => void png() }, 'Frame PNG') : null,
      ),
    ),
    h('p', { class: 'headline', id: 'headline' }, h('span', { class: 'why' }, why)),
  );
}
