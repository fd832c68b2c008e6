/** The progress panel: a bar that only rises, the current stage in words, and a Cancel button. */
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
  const el = h('div', { class: 'progress', hidden: true, 'aria-live': 'polite' }, h('div', { class: 'row' }, stage, pct, cancel), track);
  let value = 0;
  let name = '';

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
      cancel.disabled = false;
      el.hidden = false;
      show(0, `Starting analysis of ${name}…`);
    },
    update(event) {
      const text = event.message ? `${STAGE_TEXT[event.stage]} · ${event.message}` : STAGE_TEXT[event.stage];
      const frames = event.framesDecoded !== undefined && !event.message ? ` · ${event.framesDecoded} frames` : '';
      show(event.progress, `${text}${frames}`);
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
