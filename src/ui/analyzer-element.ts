/**
 * `<qrouter-analyzer>`: the analyzer as a custom element with its own shadow DOM. Drop or pick a
 * video, watch progress (and cancel), read the result, download the report.
 *
 * Attributes: `tier` (0 | 1 | 2, default 1), `model-base-url` (folder of the expert models),
 * `compact` (one line for upload forms: the drop zone, progress and a verdict), `min-score` (0..100:
 * the verdict passes at or above it), `theme` (`light` | `dark`; default: the system's).
 * Events (bubbling, composed): `progress` (detail: ProgressEvent), `report` (detail: Report),
 * `statechange` (detail: AnalyzerStateDetail), `verdict` (detail: VerdictDetail, after each report).
 * Styles are a constructed stylesheet, so the element renders under a strict CSP.
 */
import { analyzeVideo } from '../api/analyze.ts';
import type { AnalyzeOptions, ProgressEvent } from '../api/options.ts';
import type { Report, Tier } from '../report/types.ts';
import { h } from './dom.ts';
import { adoptStyles } from './styles.ts';
import { createDropZone } from './drop-zone.ts';
import { createProgressView } from './progress-view.ts';
import { createNoticeView, toShownError, type ShownError } from './error-view.ts';
import { createResultView } from './result-view.ts';
import { headline } from './explain.ts';
import { createCompareView, type CompareView } from './compare-view.ts';
import { createQuestionBox } from './question-box.ts';
import { createVlmPanel } from '../vlm/vlm-panel.ts';

/** Where the element is in its life cycle. */
export type AnalyzerState = 'idle' | 'running' | 'done' | 'error' | 'cancelled';

/** Detail of the `statechange` event. */
export interface AnalyzerStateDetail {
  state: AnalyzerState;
  report?: Report;
  error?: ShownError;
}

/** Detail of the `verdict` event: whether the score reaches `min-score` (always true without one). */
export interface VerdictDetail {
  pass: boolean;
  score: number;
  minScore: number | undefined;
  label: Report['label'];
  /** The one-line verdict shown in compact mode. */
  text: string;
}

/** The function the element calls to analyse; replaceable for embedding or testing. */
export type AnalyzeFn = (input: File | Blob | URL, options?: AnalyzeOptions) => Promise<Report>;

/** How long a cancelled run may take to stop before the element lets go of it. */
const CANCEL_GRACE_MS = 5000;

/** The `<qrouter-analyzer>` element. */
export class QRouterAnalyzerElement extends HTMLElement {
  static readonly observedAttributes = ['tier', 'min-score'];

  /** The analysis function; defaults to the library's `analyzeVideo`. */
  analyzeFn: AnalyzeFn = analyzeVideo;

  #state: AnalyzerState = 'idle';
  #report: Report | undefined;
  #run = 0;
  #controller: AbortController | undefined;
  readonly #tierSelect: HTMLSelectElement;
  readonly #drop = createDropZone((files) => void (files.length >= 2 ? this.compare(files[0]!, files[1]!) : this.analyze(files[0]!)));
  #compareView: CompareView | undefined;
  readonly #compareHost = h('div', { id: 'compare-host' });
  readonly #progress = createProgressView(() => this.cancel());
  readonly #notice = createNoticeView();
  readonly #result: ReturnType<typeof createResultView>;
  readonly #verdict = h('div', { class: 'verdict', id: 'verdict', role: 'status', hidden: true });
  // The optional vision-language model (opt-in download or a local endpoint) and the question box.
  readonly #vlm = createVlmPanel({ recordUrl: this.getAttribute('vlm-model-record') ?? undefined });
  readonly #questions = createQuestionBox(() => this.#vlm.backend);

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    adoptStyles(root);
    this.#result = createResultView(root);
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
      this.#verdict,
      this.#result.el,
      this.#compareHost,
      this.#questions.el,
      this.#vlm.el,
    );
  }

  attributeChangedCallback(name: string): void {
    if (name === 'tier') this.#tierSelect.value = String(this.tier);
    if (name === 'min-score' && this.#report) this.#showVerdict(this.#report);
  }

  /** The pass mark from the `min-score` attribute, or undefined. */
  get minScore(): number | undefined {
    const v = Number(this.getAttribute('min-score') ?? Number.NaN);
    return this.hasAttribute('min-score') && Number.isFinite(v) ? Math.max(0, Math.min(100, v)) : undefined;
  }

  /** The player of the last report (undefined before a report or without a file). */
  get viewer() {
    return this.#result.viewer;
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
    this.#compareView?.destroy();
    this.#compareView = undefined;
    this.#compareHost.replaceChildren();
    this.#verdict.hidden = true;
    this.#questions.hide();
    this.#progress.start(name);
    this.#drop.setDisabled(true);
    // The tier cannot change under a running analysis.
    this.#tierSelect.disabled = true;
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
      ...(this.#vlm.backend ? { router: 'vlm' as const, vlm: this.#vlm.backend } : {}),
    });
    const outcome = await settle(work, controller.signal);
    if (run !== this.#run) return undefined;
    this.#controller = undefined;
    this.#progress.hide();
    this.#drop.setDisabled(false);
    this.#tierSelect.disabled = false;

    if (controller.signal.aborted) {
      const error = outcome.ok ? { code: 'CANCELLED', message: 'The analysis was cancelled.' } : toShownError(outcome.error);
      this.#notice.showInfo('Analysis cancelled. Drop or choose a video to start again.');
      this.#setState({ state: 'cancelled', error });
      return undefined;
    }
    if (!outcome.ok) {
      const error = toShownError(outcome.error, name);
      this.#notice.showError(error);
      this.#setState({ state: 'error', error });
      return undefined;
    }
    this.#report = outcome.report;
    this.#result.show(outcome.report, input instanceof Blob ? input : undefined);
    this.dispatchEvent(new CustomEvent('report', { detail: outcome.report, bubbles: true, composed: true }));
    this.#showVerdict(outcome.report);
    this.#questions.show(outcome.report);
    this.#setState({ state: 'done', report: outcome.report });
    return outcome.report;
  }

  /**
   * Analyses two encodes one after the other and shows them side by side on one time axis; resolves
   * to both reports, or undefined when either run failed or was cancelled. Emits `compare`
   * (detail: `{ a, b }`) besides each run's own events.
   */
  async compare(a: File | Blob, b: File | Blob): Promise<{ a: Report; b: Report } | undefined> {
    const ra = await this.analyze(a);
    if (!ra) return undefined;
    const rb = await this.analyze(b);
    if (!rb) return undefined;
    this.#result.hide();
    this.#compareView = createCompareView({ report: ra, file: a }, { report: rb, file: b }, { modelBaseUrl: this.getAttribute('model-base-url') ?? undefined, root: this.shadowRoot ?? undefined });
    this.#compareHost.replaceChildren(this.#compareView.el);
    this.dispatchEvent(new CustomEvent('compare', { detail: { a: ra, b: rb }, bubbles: true, composed: true }));
    return { a: ra, b: rb };
  }

  /** The side-by-side view of the last comparison, if one is shown. */
  get comparison(): CompareView | undefined {
    return this.#compareView;
  }

  /** Cancels the run in progress, if any. */
  cancel(): void {
    if (!this.#controller || this.#controller.signal.aborted) return;
    this.#progress.cancelling();
    this.#controller.abort();
  }

  #showVerdict(report: Report): void {
    const min = this.minScore;
    const pass = min === undefined || report.score >= min;
    const { verdict, why } = headline(report);
    const text = `${report.input.name}: ${verdict}${min === undefined ? '' : pass ? ` · passes (minimum ${min})` : ` · below the minimum of ${min}`}. ${why}`;
    this.#verdict.textContent = text;
    this.#verdict.className = `verdict tone-${pass ? 'good' : 'bad'}`;
    this.#verdict.hidden = false;
    const detail: VerdictDetail = { pass, score: report.score, minScore: min, label: report.label, text };
    this.dispatchEvent(new CustomEvent('verdict', { detail, bubbles: true, composed: true }));
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
