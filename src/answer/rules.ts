/**
 * The project's own answerer: answers from the report alone, with sentences of its own. It says so
 * when a question is outside what the report can tell (an expert that did not run, regions below tier
 * 2, a form of question it does not know).
 */
import { ARTIFACT_TYPES, type ArtifactType, type Report } from '../report/types.ts';
import { ARTIFACT_NOUN, eventsOf, expertScore, impact, PRESENT_BELOW, regionText, scoreLevel, severityLevel, spanText } from './evidence.ts';
import type { Answer, AnswerValue, Level, ParsedQuestion } from './types.ts';

type Draft = Omit<Answer, 'question' | 'by'>;

const answer = (kind: Answer['kind'], text: string, value: AnswerValue = {}): Draft => ({ kind, answered: true, text, value });
const cannot = (kind: Answer['kind'], text: string): Draft => ({ kind, answered: false, text, value: {} });

/** What the answerer can be asked, for "I cannot answer" replies. */
export const HELP =
  'I can answer: is there blur/blocking/noise/… in the video, when does it happen, where in the frame, how bad is it, what is the main problem, how good is the video overall, and which of two clips is better.';

function notMeasured(type: ArtifactType, report: Report): string | undefined {
  if (eventsOf(report, type).length > 0 || expertScore(report, type)) return undefined;
  return `The analysis did not measure ${ARTIFACT_NOUN[type]} (no expert for it ran at tier ${report.tier}), so I cannot say. Try tier 2.`;
}

function presence(report: Report, type: ArtifactType): Draft {
  const why = notMeasured(type, report);
  if (why) return cannot('presence', why);
  const events = eventsOf(report, type);
  const expert = expertScore(report, type);
  if (events.length) {
    const spans = events.map(spanText).join(', ');
    return answer('presence', `Yes: ${ARTIFACT_NOUN[type]} at ${spans} (${severityLevel(Math.max(...events.map((e) => e.severity)))}).`, { yes: true, spans: events.map(({ startS, endS }) => ({ startS, endS })) });
  }
  if (expert && expert.score < PRESENT_BELOW) {
    return answer('presence', `Yes, throughout rather than in one span: the ${expert.label.toLowerCase()} expert scores it ${Math.round(expert.score)}/100.`, { yes: true, spans: [{ startS: 0, endS: report.input.durationS }] });
  }
  const note = expert ? ` (the ${expert.label.toLowerCase()} expert scores ${Math.round(expert.score)}/100)` : '';
  return answer('presence', `No: no ${ARTIFACT_NOUN[type]} was found${note}.`, { yes: false, spans: [] });
}

function when(report: Report, type: ArtifactType | undefined): Draft {
  if (type) {
    const why = notMeasured(type, report);
    if (why) return cannot('when', why);
    const events = eventsOf(report, type);
    if (!events.length) return answer('when', `No ${ARTIFACT_NOUN[type]} was found at any time.`, { spans: [] });
    return answer('when', `${cap(ARTIFACT_NOUN[type])} at ${events.map(spanText).join(', ')}.`, { spans: events.map(({ startS, endS }) => ({ startS, endS })) });
  }
  const all = ARTIFACT_TYPES.flatMap((t) => eventsOf(report, t).map((e) => ({ ...e, type: t }))).sort((a, b) => a.startS - b.startS);
  if (!all.length) return answer('when', 'No artifact was found at any time.', { spans: [] });
  return answer('when', all.map((e) => `${ARTIFACT_NOUN[e.type]} at ${spanText(e)}`).join('; ') + '.', { spans: all.map(({ startS, endS }) => ({ startS, endS })) });
}

function where(report: Report, type: ArtifactType | undefined): Draft {
  const types = type ? [type] : [...ARTIFACT_TYPES];
  if (type) {
    const why = notMeasured(type, report);
    if (why) return cannot('where', why);
  }
  const events = types.flatMap((t) => eventsOf(report, t).map((e) => ({ ...e, type: t })));
  if (!events.length) return answer('where', type ? `No ${ARTIFACT_NOUN[type]} was found, so it is nowhere in the frame.` : 'No artifact was found anywhere in the frame.', { regions: [] });
  if (report.tier < 2 && !events.some((e) => e.region)) {
    return cannot('where', `Regions are located only at tier 2 (inspect); this report is tier ${report.tier}. Analyse again with tier 2.`);
  }
  const regions = events.map((e) => e.region ?? { x: 0, y: 0, w: 1, h: 1 });
  const text = events.map((e) => `${type ? '' : `${ARTIFACT_NOUN[e.type]}: `}${regionText(e.region)}, ${spanText(e)}`).join('; ');
  return answer('where', `${cap(text)}.`, { regions });
}

function severity(report: Report, type: ArtifactType): Draft {
  const why = notMeasured(type, report);
  if (why) return cannot('severity', why);
  const events = eventsOf(report, type);
  const expert = expertScore(report, type);
  if (events.length) {
    const worst = Math.max(...events.map((e) => e.severity));
    const level = severityLevel(worst);
    return answer('severity', `${cap(level)}: the worst ${ARTIFACT_NOUN[type]} has severity ${worst.toFixed(2)} of 1${expert ? `; over the whole video the ${expert.label.toLowerCase()} expert scores ${Math.round(expert.score)}/100` : ''}.`, { level });
  }
  const level = expert ? scoreLevel(expert.score) : 'none';
  return answer('severity', level === 'none' ? `There is no noticeable ${ARTIFACT_NOUN[type]}${expert ? ` (${Math.round(expert.score)}/100)` : ''}.` : `${cap(level)} across the video: the ${expert!.label.toLowerCase()} expert scores ${Math.round(expert!.score)}/100, with no localized event.`, { level });
}

/** The overall level of a score: how much quality is missing. */
export function overallLevel(score: number): Level {
  if (score >= 80) return 'none';
  if (score >= 60) return 'slight';
  if (score >= 40) return 'moderate';
  return 'strong';
}

function overall(report: Report): Draft {
  const main = mainProblem(report);
  const tail = main.value.artifact && main.value.artifact !== 'none' ? ` The main problem is ${ARTIFACT_NOUN[main.value.artifact]}.` : '';
  return answer('overall', `It scores ${report.score.toFixed(0)}/100 (${report.label}), confidence ${Math.round(report.confidence * 100)} %.${tail}`, { score: report.score, level: overallLevel(report.score) });
}

function mainProblem(report: Report): Draft {
  const ranked = ARTIFACT_TYPES.map((t) => ({ t, impact: impact(report, t) })).filter((x) => x.impact > 0).sort((a, b) => b.impact - a.impact);
  if (ranked.length) {
    const t = ranked[0]!.t;
    const events = eventsOf(report, t);
    const others = ranked.slice(1, 3).map((x) => ARTIFACT_NOUN[x.t]);
    return answer('main-problem', `${cap(ARTIFACT_NOUN[t])}, at ${events.map(spanText).join(', ')}${others.length ? `; also ${others.join(' and ')}` : ''}.`, { artifact: t });
  }
  const weakest = ARTIFACT_TYPES.map((t) => ({ t, e: expertScore(report, t) }))
    .filter((x): x is { t: ArtifactType; e: NonNullable<ReturnType<typeof expertScore>> } => !!x.e && x.e.score < PRESENT_BELOW)
    .sort((a, b) => a.e.score - b.e.score)[0];
  if (weakest) return answer('main-problem', `${cap(ARTIFACT_NOUN[weakest.t])} throughout the video (${Math.round(weakest.e.score)}/100).`, { artifact: weakest.t });
  return answer('main-problem', `No clear problem: no artifact was localized and the score is ${report.score.toFixed(0)}/100 (${report.label}).`, { artifact: 'none' });
}

function compare(reports: readonly Report[], q: ParsedQuestion, question: string): Draft {
  if (reports.length !== 2) return cannot('compare', 'To compare, ask about two analysed clips.');
  const [a, b] = reports as [Report, Report];
  const names = [a.input.name, b.input.name];
  let sa = a.score;
  let sb = b.score;
  let what = 'overall';
  if (q.artifact) {
    const ea = expertScore(a, q.artifact);
    const eb = expertScore(b, q.artifact);
    if (ea && eb) {
      sa = ea.score;
      sb = eb.score;
      what = `on ${ARTIFACT_NOUN[q.artifact]}`;
    }
  }
  const better: 0 | 1 = sa >= sb ? 0 : 1;
  const gap = Math.abs(sa - sb);
  const askWorse = /\b(worse|worst|lower|more (blurry|noisy|blocky)|blurrier|noisier|blockier)\b/i.test(question);
  const pick = askWorse ? 1 - better : better;
  const verdict = `${names[pick]} is ${askWorse ? 'worse' : 'better'} ${what}`;
  const close = gap < 3 ? ', though only slightly' : '';
  return answer('compare', `${verdict}${close}: ${names[0]} ${sa.toFixed(0)}/100, ${names[1]} ${sb.toFixed(0)}/100.`, { better });
}

/** Answers a parsed question from one report (or two, to compare). */
export function answerByRules(reports: readonly Report[], q: ParsedQuestion, question: string): Draft {
  const report = reports[0];
  if (!report) return cannot(q.kind, 'There is no report to answer from; analyse a video first.');
  switch (q.kind) {
    case 'presence':
      return q.artifact ? presence(report, q.artifact) : cannot('presence', HELP);
    case 'when':
      return when(report, q.artifact);
    case 'where':
      return where(report, q.artifact);
    case 'severity':
      return q.artifact ? severity(report, q.artifact) : overall(report);
    case 'overall':
      return overall(report);
    case 'main-problem':
      return mainProblem(report);
    case 'compare':
      return compare(reports, q, question);
    default:
      return cannot('unknown', `I do not understand the question. ${HELP}`);
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
