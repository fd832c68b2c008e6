/**
 * The progress panel: a bar that only rises, the current stage in words, frames decoded of the
 * expected total, a time estimate, and a Cancel button.
 */
import type { ProgressEvent } from '../api/options.ts';
import { h } from './dom.ts';

/** Stage names as shown to people. */
const STAGE_TEXT: Record<ProgressEvent['stage'], string> = {
  decode: 'Decoding frames',
  route: 'Choosing experts',
  infer: 'Running quality experts',
  localize: 'Locating artifacts',
  done: 'Finishing',
};

/** The progress panel and its controls. */
export interface ProgressView {
  readonly el: HTMLElement;
  /** Shows the panel at 0 for a new run named `name`. */
  start(name: string): void;
  /** Applies one event; the bar never moves back within a run. */
  update(event: ProgressEvent): void;
  /** Shows that cancelling was asked for. */
  cancelling(): void;
  /** Hides the panel. */
  hide(): void;
  /** The highest progress shown in this run (0..1). */
  readonly value: number;
}

/** Builds the progress panel; `onCancel` runs when the Cancel button is pressed. */
export function createProgressView(onCancel: () => void): ProgressView {
  const stage = h('span', { class: 'stage', id: 'stage' }, '');
  const pct = h('span', { class: 'pct' }, '0%');
  const fill = h('div', {});
  const track = h('div', { class: 'track', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': 0, 'aria-labelledby': 'stage' }, fill);
  const cancel = h('button', { id: 'cancel', type: 'button', onclick: () => onCancel() }, 'Cancel');
  const eta = h('div', { class: 'eta', id: 'eta' }, '');
  const el = h('div', { class: 'progress', hidden: true, 'aria-live': 'polite' }, h('div', { class: 'row' }, stage, pct, cancel), track, eta);
  let value = 0;
  let name = '';
  let startedAt = 0;
  let framesTotal = createFrameTotalEstimator();

  const show = (v: number, text: string): void => {
    value = Math.max(value, Math.min(1, Math.max(0, v)));
    const p = Math.round(value * 100);
    fill.style.width = `${value * 100}%`;
    pct.textContent = `${p}%`;
    track.setAttribute('aria-valuenow', String(p));
    stage.textContent = text;
  };

  return {
    el,
    get value() {
      return value;
    },
    start(fileName) {
      name = fileName;
      value = 0;
      startedAt = performance.now();
      framesTotal = createFrameTotalEstimator();
      eta.textContent = '';
      cancel.disabled = false;
      el.hidden = false;
      show(0, `Starting analysis of ${name}…`);
    },
    update(event) {
      const text = event.message ? `${STAGE_TEXT[event.stage]} · ${event.message}` : STAGE_TEXT[event.stage];
      const total = framesTotal(event);
      const frames = event.framesDecoded !== undefined && !event.message ? ` · frame ${event.framesDecoded}${total ? ` of about ${total}` : ''}` : '';
      show(event.progress, `${text}${frames}`);
      eta.textContent = estimate(value, performance.now() - startedAt);
    },
    cancelling() {
      cancel.disabled = true;
      stage.textContent = 'Cancelling…';
    },
    hide() {
      el.hidden = true;
    },
  };
}

/** Where the infer stage ends on the 0..1 scale (frames decoded drive progress up to here). */
const INFER_END = 0.9;

/**
 * Estimates the frame total: the event's own `framesTotal` when it has one; otherwise, while frames
 * are being decoded, progress rises linearly with them up to INFER_END, so two events fix the line.
 */
export function createFrameTotalEstimator(): (event: ProgressEvent) => number | undefined {
  let first: { frames: number; progress: number } | undefined;
  return (event) => {
    const own = event.framesTotal;
    if (typeof own === 'number' && own > 0) return own;
    const frames = event.framesDecoded;
    if (event.stage !== 'infer' || frames === undefined) return undefined;
    if (!first) {
      first = { frames, progress: event.progress };
      return undefined;
    }
    const slope = (event.progress - first.progress) / Math.max(1, frames - first.frames);
    if (frames - first.frames < 5 || slope <= 0) return undefined;
    return Math.max(frames, Math.round(frames + (INFER_END - event.progress) / slope));
  };
}

/** "about 12 s left", from the rate so far; empty until there is enough to go on. */
function estimate(progress: number, elapsedMs: number): string {
  if (progress < 0.05 || elapsedMs < 1500 || progress >= 1) return '';
  const left = (elapsedMs / progress) * (1 - progress) / 1000;
  const text = left < 60 ? `${Math.max(1, Math.round(left))} s` : `${Math.floor(left / 60)} min ${Math.round(left % 60)} s`;
  return `About ${text} left · ${(elapsedMs / 1000).toFixed(0)} s so far`;
}
