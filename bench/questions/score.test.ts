import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answer/types.ts';
import { parseQuestion } from '../../src/answer/parse.ts';
import { isCorrect, type QuestionItem } from './score.ts';

const a = (value: Answer['value'], answered = true): Answer => ({ question: '', kind: 'presence', answered, text: '', value, by: 'rules' });

describe('question scoring', () => {
  it('matches spans and regions by IoU', () => {
    expect(isCorrect(a({ spans: [{ startS: 6.2, endS: 9.1 }] }), { spans: [{ startS: 6, endS: 9 }] })).toBe(true);
    expect(isCorrect(a({ spans: [{ startS: 0, endS: 20 }] }), { spans: [{ startS: 6, endS: 9 }] })).toBe(false);
    expect(isCorrect(a({ regions: [{ x: 0.5, y: 0.1, w: 0.4, h: 0.5 }] }), { regions: [{ x: 0.5, y: 0.13, w: 0.4, h: 0.53 }] })).toBe(true);
    expect(isCorrect(a({ spans: [] }), { spans: [] })).toBe(true);
  });
  it('needs a refusal where one is expected, and an answer elsewhere', () => {
    expect(isCorrect(a({}, false), { answered: false })).toBe(true);
    expect(isCorrect(a({ yes: true }, false), { yes: true })).toBe(false);
    expect(isCorrect(a({ yes: false }), { yes: true })).toBe(false);
  });
});

describe('the question set', () => {
  const set = JSON.parse(readFileSync(join(import.meta.dirname, 'questions.json'), 'utf8')) as { questions: QuestionItem[] };
  it('has at least 50 questions, unique ids, and every form the answerer handles', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(50);
    expect(new Set(set.questions.map((q) => q.id)).size).toBe(set.questions.length);
    const kinds = new Set(set.questions.map((q) => parseQuestion(q.question, !!q.other).kind));
    for (const k of ['presence', 'when', 'where', 'severity', 'overall', 'main-problem', 'compare', 'unknown']) expect(kinds).toContain(k);
  });
});
