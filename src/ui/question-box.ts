/**
 * The viewer's question box: ask about the analysed video in plain words ("Is there blur?", "When
 * does it freeze?", "What is the main problem?"). The project's own answerer replies from the report;
 * when a vision-language model is in use, it writes the answer, grounded on the report. At tier 2 the
 * box also lists a short explanation of each artifact event (the model's, or the project's own).
 */
import { ask, type Answer } from '../answer/ask.ts';
import type { Report } from '../report/types.ts';
import type { VlmBackend } from '../vlm/backend.ts';
import { explainEvents, ruleExplanation } from '../vlm/explain.ts';
import { h, replaceChildren } from './dom.ts';

const EXAMPLES = ['What is the main problem?', 'Is there any blur?', 'When does it freeze?', 'Where is the noise?', 'How good is it overall?'];

/** The question box; `vlm()` gives the model in use, if any, at the time of asking. */
export function createQuestionBox(vlm: () => VlmBackend | undefined = () => undefined) {
  let report: Report | undefined;
  let controller: AbortController | undefined;
  let explaining: AbortController | undefined;
  const input = h('input', { type: 'text', id: 'question', name: 'question', placeholder: 'e.g. Is there any blur?', autocomplete: 'off', 'aria-label': 'Your question' });
  const button = h('button', { type: 'submit', id: 'ask' }, 'Ask');
  const answer = h('p', { class: 'answer', id: 'answer', role: 'status', 'aria-live': 'polite' });
  const examples = h(
    'p',
    { class: 'examples' },
    'Try: ',
    ...EXAMPLES.flatMap((q, i) => [
      i ? ' · ' : '',
      h('button', { type: 'button', class: 'link', onclick: () => ((input.value = q), void submit()) }, q),
    ]),
  );
  const form = h('form', { class: 'question-form', onsubmit: (e: Event) => (e.preventDefault(), void submit()) }, input, button);
  const explanations = h('ol', { class: 'explanations', id: 'explanations' });
  const explained = h('div', { hidden: true }, h('h3', {}, 'What the events mean'), explanations);
  const el = h('section', { class: 'questions', id: 'questions', hidden: true, 'aria-label': 'Questions about this video' }, h('h3', {}, 'Ask about this video'), form, examples, answer, explained);

  /** Tier 2: one paragraph per event, the project's own at once, the model's when it has written them. */
  function explain(r: Report, signal: AbortSignal): void {
    const items = r.tier === 2 ? r.artifacts.slice(0, 12) : [];
    explained.hidden = items.length === 0;
    replaceChildren(explanations, ...items.map((e) => h('li', {}, ruleExplanation(e))));
    const model = vlm();
    if (!model || items.length === 0) return;
    void explainEvents(r, { vlm: model, signal, maxEvents: 12 }).then(
      (list) => {
        if (signal.aborted) return;
        const byIndex = new Map(list.map((x) => [x.index, x]));
        replaceChildren(explanations, ...items.map((e, i) => h('li', { 'data-by': byIndex.get(i)?.by ?? 'rules' }, byIndex.get(i)?.text ?? ruleExplanation(e))));
      },
      () => undefined,
    );
  }

  async function submit(): Promise<void> {
    const question = input.value.trim();
    if (!report || !question) return;
    controller?.abort();
    const mine = (controller = new AbortController());
    const model = vlm();
    button.disabled = true;
    answer.textContent = model ? `Asking ${model.label}…` : '';
    try {
      const a: Answer = await ask(report, question, { vlm: model, signal: mine.signal });
      if (mine !== controller) return;
      answer.textContent = a.text;
      answer.dataset.answered = String(a.answered);
      answer.dataset.by = a.by;
      answer.title = a.by === 'vlm' ? `Written by ${model?.label ?? 'the model'} from the report` : 'From the report';
    } catch (err) {
      if (mine === controller) answer.textContent = `No answer: ${err instanceof Error ? err.message : String(err)}`;
    } finally {
      if (mine === controller) button.disabled = false;
    }
  }

  return {
    el,
    /** Shows the box for a new report (clears the last answer). */
    show(r: Report): void {
      report = r;
      answer.textContent = '';
      el.hidden = false;
      explaining?.abort();
      explain(r, (explaining = new AbortController()).signal);
    },
    /** Hides the box (a new run started). */
    hide(): void {
      controller?.abort();
      explaining?.abort();
      report = undefined;
      el.hidden = true;
    },
  };
}
