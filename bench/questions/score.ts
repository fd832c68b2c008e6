/**
 * Scoring an answer against the expected one of the question set (`questions.json`): yes/no, the
 * named artifact, the better clip and the level must equal; a time span or region is right when one
 * answered span or region overlaps the expected one with IoU >= 0.3 (the localization benchmark's
 * threshold); an expected "none" needs an empty answer; an expected refusal needs `answered: false`.
 */
import type { Answer } from '../../src/answer/types.ts';
import type { Region } from '../../src/report/types.ts';
import { regionIoU, timeIoU } from '../lib/events.ts';

/** Minimum IoU for a span or region to count. */
export const MIN_IOU = 0.3;

/** What a question expects (one of the fields). */
export interface Expected {
  yes?: boolean;
  spans?: { startS: number; endS: number }[];
  regions?: Region[];
  artifact?: string;
  better?: 0 | 1;
  levels?: string[];
  answered?: false;
}

/** One question of the set. */
export interface QuestionItem {
  id: string;
  clip: string;
  other?: string;
  question: string;
  expect: Expected;
}

/** True when `answer` gives what `expect` asks for. */
export function isCorrect(answer: Answer, expect: Expected): boolean {
  if (expect.answered === false) return !answer.answered;
  if (!answer.answered) return false;
  const v = answer.value;
  if (expect.yes !== undefined) return v.yes === expect.yes;
  if (expect.artifact !== undefined) return v.artifact === expect.artifact;
  if (expect.better !== undefined) return v.better === expect.better;
  if (expect.levels !== undefined) return v.level !== undefined && expect.levels.includes(v.level);
  if (expect.spans !== undefined) {
    const got = v.spans ?? [];
    if (expect.spans.length === 0) return got.length === 0;
    return expect.spans.every((s) => got.some((g) => timeIoU({ type: '', ...g }, { type: '', ...s }) >= MIN_IOU));
  }
  if (expect.regions !== undefined) {
    const got = v.regions ?? [];
    if (expect.regions.length === 0) return got.length === 0;
    return expect.regions.every((r) => got.some((g) => regionIoU(g, r) >= MIN_IOU));
  }
  return false;
}
