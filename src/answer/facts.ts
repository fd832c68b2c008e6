/**
 * A report in a few plain sentences: the facts a vision-language model is grounded on when it answers
 * a question or explains an event. Only what the report measured, nothing inferred.
 */
import { getExpert } from '../experts/registry.ts';
import type { Report } from '../report/types.ts';
import { ARTIFACT_NOUN, regionText, spanText } from './evidence.ts';

/** The report's facts as lines of text. */
export function reportFacts(report: Report): string {
  const i = report.input;
  const lines = [
    `File ${i.name}: ${i.width}x${i.height}, ${i.durationS.toFixed(1)} s at ${i.fps.toFixed(2)} fps, codec ${i.codec}.`,
    `Score ${report.score.toFixed(0)}/100 (${report.label}), confidence ${Math.round(report.confidence * 100)} %, analysed at tier ${report.tier}.`,
    `Content type: ${report.route.contentType}.`,
    'Experts (0..100, higher is better): ' + report.experts.map((e) => `${getExpert(e.id)?.label ?? e.id} ${Math.round(e.score)}`).join(', ') + '.',
  ];
  if (report.artifacts.length === 0) lines.push('No artifact events were found.');
  for (const a of report.artifacts.slice(0, 20)) {
    lines.push(`Event: ${ARTIFACT_NOUN[a.type]} at ${spanText(a)}, severity ${a.severity.toFixed(2)}, confidence ${a.confidence.toFixed(2)}, in ${regionText(a.region)}.`);
  }
  return lines.join('\n');
}
