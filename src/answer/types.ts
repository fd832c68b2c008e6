/** Questions about a report and their answers (as in the Q-Bench-Video benchmark's question forms). */
import type { ArtifactType, Region } from '../report/types.ts';

/** The forms of question the project's own answerer handles. */
export type QuestionKind = 'presence' | 'when' | 'where' | 'severity' | 'overall' | 'main-problem' | 'compare' | 'unknown';

/** How strong a problem is, in words. */
export type Level = 'none' | 'slight' | 'moderate' | 'strong';

/** A question, as understood. */
export interface ParsedQuestion {
  kind: QuestionKind;
  /** The artifact asked about, when the question names one. */
  artifact?: ArtifactType;
}

/** The checkable part of an answer. */
export interface AnswerValue {
  /** presence */
  yes?: boolean;
  /** when: time spans in seconds */
  spans?: { startS: number; endS: number }[];
  /** where: regions in fractions of the frame (a whole-frame artifact has `{x:0,y:0,w:1,h:1}`) */
  regions?: Region[];
  /** main-problem: the artifact, or `none` */
  artifact?: ArtifactType | 'none';
  /** severity / overall */
  level?: Level;
  /** overall: the score */
  score?: number;
  /** compare: index of the better clip (0 or 1) */
  better?: 0 | 1;
}

/** An answer to a question about one or two reports. */
export interface Answer {
  question: string;
  kind: QuestionKind;
  /** False when the answerer could not answer; `text` then says why and what it can answer. */
  answered: boolean;
  /** The answer for a person. */
  text: string;
  value: AnswerValue;
  /** Who wrote `text`: the project's own rules, or a vision-language model grounded on the report. */
  by: 'rules' | 'vlm';
}
