/**
 * `ask(report, question)`: answers a quality question about an analysed video (or, given two
 * reports, compares them). The project's own rules answer from the report; with a vision-language
 * model (`options.vlm`), the model writes the answer grounded on the report's facts, the rules'
 * answer and the keyframes, and the rules' checkable value is kept. When the model fails or takes too
 * long, the rules' answer is returned.
 */
import { describeWithin, messageOf, type VlmBackend } from '../vlm/backend.ts';
import { keyframeDataUrl } from '../vlm/png.ts';
import type { Report } from '../report/types.ts';
import type { Keyframe } from '../router/types.ts';
import { reportFacts } from './facts.ts';
import { parseQuestion } from './parse.ts';
import { answerByRules } from './rules.ts';
import type { Answer } from './types.ts';

export type { Answer, AnswerValue, Level, ParsedQuestion, QuestionKind } from './types.ts';
export { parseQuestion } from './parse.ts';

/** Options of `ask`. */
export interface AskOptions {
  /** A loaded vision-language model to write the answer. */
  vlm?: VlmBackend;
  /** Keyframes of the (first) video for the model to look at. */
  keyframes?: readonly Keyframe[];
  /** How long the model may take (default 20 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Answers `question` about `report` (or about two reports, to compare them).
 * @returns the answer, with `answered: false` and a sentence saying why when it cannot answer
 */
export async function ask(report: Report | readonly Report[], question: string, options: AskOptions = {}): Promise<Answer> {
  const reports: readonly Report[] = Array.isArray(report) ? report : [report as Report];
  if (typeof question !== 'string' || !question.trim()) {
    return { question: String(question ?? ''), kind: 'unknown', answered: false, text: 'Ask a question about the video, for example "Is there blur?".', value: {}, by: 'rules' };
  }
  const parsed = parseQuestion(question, reports.length === 2);
  const rules: Answer = { question, ...answerByRules(reports, parsed, question), by: 'rules' };
  if (!options.vlm) return rules;
  try {
    const text = await askModel(options.vlm, reports, question, rules, options);
    return { ...rules, answered: true, text, by: 'vlm' };
  } catch (err) {
    if (options.signal?.aborted) throw err;
    return { ...rules, text: `${rules.text} (The vision-language model could not answer: ${messageOf(err)}.)` };
  }
}

async function askModel(vlm: VlmBackend, reports: readonly Report[], question: string, rules: Answer, options: AskOptions): Promise<string> {
  const facts = reports.map((r, i) => (reports.length > 1 ? `Clip ${i + 1}:\n` : '') + reportFacts(r)).join('\n\n');
  const images = (options.keyframes ?? []).slice(0, 4).map(keyframeDataUrl);
  return describeWithin(
    vlm,
    {
      system:
        'You answer questions about the visual quality of a video. Ground every statement on the measurements given and on the keyframes; never invent times or regions that the measurements do not contain. Answer in two or three sentences.',
      user: `${facts}\n\nThe measurement-based answer is: ${rules.text}\n\nQuestion: ${question}`,
    },
    images,
    options.timeoutMs ?? 20_000,
    options.signal,
  );
}
