/**
 * `<qrouter-analyzer>`: the analyzer as a custom element with its own shadow DOM. Drop or pick a
 * video, watch progress (and cancel), read the result, download the report.
 *
 * Attributes: `tier` (0 | 1 | 2, default 1), `model-base-url` (folder of the expert models).
 * Events (bubbling, composed): `progress` (detail: ProgressEvent), `report` (detail: Report),
 * `statechange` (detail: AnalyzerStateDetail).
 */
import { analyzeVideo } from '../api/analyze.ts';
import type { AnalyzeOptions, ProgressEvent } from '../api/options.ts';
import type { Report, Tier } from '../report/types.ts';
import { h } from './dom.ts';
import { STYLES } from './styles.ts';
import { createDropZone } from './drop-zone.ts';
import { createProgressView } from './progress-view.ts';
import { createNoticeView, toShownError, type ShownError } from './error-view.ts';
import { createResultView } from './result-view.ts';
import { downloadReport } from './download.ts';

/** Where the element is in its life cycle. */
export type AnalyzerState = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** Detail of the `statechange` event. */
export interface AnalyzerStateDetail {
  state: AnalyzerState;
  report?: Report;
  error?: ShownError;
}

/** The function the element calls to analyse; replaceable for embedding or testing. */
export type AnalyzeFn = (input: File | Blob | URL, options?: AnalyzeOptions) => Promise<Report>;

/** How long a cancelled run may take to stop before the element lets go of it. */
const CANCEL_GRACE_MS = 5000;

/** The `<qrouter-analyzer>` element. */
export class QRouterAnalyzerElement extends HTMLElement {
  static readonly observedAttributes = ['tier'];

  /** The analysis function; defaults to the library's `analyzeVideo`. */
  analyzeFn: AnalyzeFn = analyzeVideo;

  #state: AnalyzerState = 'idle';
  #report: Report | undefined;
  #run = 0;
  #controller: AbortController | undefined;
  readonly #tierSelect: HTMLSelectElement;
  readonly #drop = createDropZone((file) => void this.analyze(file));
  readonly #progress = createProgressView(() => this.cancel());
  readonly #notice = createNoticeView();
  readonly #result = createResultView((report) => downloadReport(report, this.shadowRoot ?? undefined));

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    this.#tierSelect = h(
      'select',
      { id: 'tier', 'aria-label': 'Analysis tier' },
      h('option', { value: '0' }, '0 · Glance (fastest)'),
      h('option', { value: '1' }, '1 · Assess'),
      h('option', { value: '2' }, '2 · Inspect (dense)'),
    );
    this.#tierSelect.value = String(this.tier);
    this.#tierSelect.addEventListener('change', () => this.setAttribute('tier', this.#tierSelect.value));
    root.append(
      h('style', {}, STYLES),
      h(
        'div',
        { class: 'toolbar' },
        h('label', {}, 'Tier', this.#tierSelect),
        h('span', { class: 'spacer' }),
        h('span', { class: 'privacy' }, 'Runs on this device · nothing is uploaded'),
      ),
      this.#drop.el,
      this.#progress.el,
      this.#notice.el,
      this.#result.el,
    );
  }

  attributeChangedCallback(name: string): void {
    if (name === 'tier') this.#tierSelect.value = String(this.tier);
  }

  /** The analysis tier from the `tier` attribute (default 1). */
  get tier(): Tier {
    const v = this.getAttribute('tier');
    return v === '0' ? 0 : v === '2' ? 2 : 1;
  }

  set tier(value: Tier) {
    this.setAttribute('tier', String(value));
  }

  /** The current state. */
  get state(): AnalyzerState {
    return this.#state;
  }

  /** The last report, if the last run finished. */
  get report(): Report | undefined {
    return this.#report;
  }

  /** Analyses a video; resolves to the report, or undefined when the run failed or was cancelled. */
  async analyze(input: File | Blob | URL): Promise<Report | undefined> {
    if (this.#state === 'running') this.cancel();
    const run = ++this.#run;
    const controller = new AbortController();
    this.#controller = controller;
    const name = input instanceof File ? input.name : input instanceof URL ? decodeURIComponent(input.pathname.split('/').pop() ?? 'video') : 'video';
    this.#notice.hide();
    this.#result.hide();
    this.#progress.start(name);
    this.#drop.setDisabled(true);
    this.#setState({ state: 'running' });

    const modelBaseUrl = this.getAttribute('model-base-url') ?? undefined;
    const work = this.analyzeFn(input, {
      tier: this.tier,
      signal: controller.signal,
      onProgress: (event: ProgressEvent) => {
        if (run !== this.#run) return;
        this.#progress.update(event);
        this.dispatchEvent(new CustomEvent('progress', { detail: event, bubbles: true, composed: true }));
      },
      ...(modelBaseUrl ? { modelBaseUrl } : {}),
    });
    const outcome = await settle(work, controller.signal);
    if (run !== this.#run) return undefined;
    this.#controller = undefined;
    this.#progress.hide();
    this.#drop.setDisabled(false);

    if (controller.signal.aborted) {
      const error = outcome.ok ? { code: 'CANCELLED', message: 'The analysis was cancelled.' } : toShownError(outcome.error);
      this.#notice.showInfo('Analysis cancelled. Drop or choose a video to start again.');
      this.#setState({ state: 'cancelled', error });
      return undefined;
    }
    if (!outcome.ok) {
      const error = toShownError(outcome.error);
      this.#notice.showError(error);
      this.#setState({ state: 'error', error });
      return undefined;
    }
    this.#report = outcome.report;
    this.#result.show(outcome.report);
    this.dispatchEvent(new CustomEvent('report', { detail: outcome.report, bubbles: true, composed: true }));
    this.#setState({ state: 'done', report: outcome.report });
    return outcome.report;
  }

  /** Cancels the run in progress, if any. */
  cancel(): void {
    if (!this.#controller || this.#controller.signal.aborted) return;
    this.#progress.cancelling();
    this.#controller.abort();
  }

  #setState(detail: AnalyzerStateDetail): void {
    this.#state = detail.state;
    this.setAttribute('state', detail.state);
    this.dispatchEvent(new CustomEvent('statechange', { detail, bubbles: true, composed: true }));
  }
}

type Outcome = { ok: true; report: Report } | { ok: false; error: unknown };

/** Waits for the run; once `signal` fires, waits at most CANCEL_GRACE_MS more. */
function settle(work: Promise<Report>, signal: AbortSignal): Promise<Outcome> {
  const result: Promise<Outcome> = work.then(
    (report) => ({ ok: true, report }),
    (error: unknown) => ({ ok: false, error }),
  );
  const grace = new Promise<Outcome>((resolve) => {
    const onAbort = (): void => {
      setTimeout(() => resolve({ ok: false, error: { code: 'CANCELLED', message: 'The analysis was cancelled.' } }), CANCEL_GRACE_MS);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([result, grace]);
}

/** Registers `<qrouter-analyzer>` once. */
export function defineAnalyzerElement(tag = 'qrouter-analyzer'): void {
  if (!customElements.get(tag)) customElements.define(tag, QRouterAnalyzerElement);
}

declare global {
  interface HTMLElementTagNameMap {
    'qrouter-analyzer': QRouterAnalyzerElement;
  }
}
