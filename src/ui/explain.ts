/**
 * Why the score is what it is. Fusion keeps 100 · Π(1 − wᵢ·dᵢ'), so each expert's factor takes a
 * share of the points lost in proportion to −ln(1 − wᵢ·dᵢ'): the shares add up to exactly 100 − score.
 * Experts that describe the content rather than a defect (no artifact, and a scale on which more is
 * simply more of the property, such as colourfulness and contrast) are listed apart, never as faults.
 */
import type { ExpertMeta } from '../experts/types.ts';
import { EXPERTS } from '../experts/registry.ts';
import { tolerance } from '../fusion/weights.ts';
import type { Report } from '../report/types.ts';

/** One expert's part in the score. */
export interface Contribution {
  id: string;
  label: string;
  /** The artifact the expert detects, if any. */
  artifact?: string;
  /** Points of the 100 − score lost that this expert accounts for. */
  points: number;
  /** True for measures of the content (colourfulness, contrast), not of a defect. */
  content: boolean;
}

/** True when an expert measures a property of the content rather than a defect (decided from metadata). */
export function isContentMeasure(meta: Pick<ExpertMeta, 'artifact' | 'lowerIsBetter'> | undefined): boolean {
  return !!meta && !meta.artifact && !meta.lowerIsBetter;
}

/** Each weighted expert's share of the points lost, largest first. */
export function contributions(report: Report): Contribution[] {
  const weight = new Map(report.route.experts.map((e) => [e.id, e.weight]));
  const parts = report.experts.map((e) => {
    const meta = EXPERTS.find((m) => m.id === e.id);
    const w = Math.min(1, weight.get(e.id) ?? 0);
    const d = Math.min(1, Math.max(0, (100 - e.score) / 100));
    const tau = Math.min(0.95, Math.max(0, tolerance(e.id)));
    const keep = 1 - w * (Math.max(0, d - tau) / (1 - tau));
    return { id: e.id, label: meta?.label ?? e.id, artifact: meta?.artifact, content: isContentMeasure(meta), log: -Math.log(Math.max(1e-6, keep)) };
  });
  const total = parts.reduce((s, p) => s + p.log, 0);
  const lost = Math.max(0, 100 - report.score);
  return parts
    .map(({ log, ...p }) => ({ ...p, points: total > 0 ? (lost * log) / total : 0 }))
    .filter((p) => p.points >= 0.05)
    .sort((a, b) => b.points - a.points);
}

/** The headline sentence and its reason, e.g. "45 · fair" and "Mostly blur (sharpness): −38 points; …". */
export function headline(report: Report): { verdict: string; why: string } {
  const parts = contributions(report);
  const faults = parts.filter((p) => !p.content);
  const content = parts.filter((p) => p.content);
  const pts = (p: Contribution) => `−${p.points >= 10 ? Math.round(p.points) : p.points.toFixed(1)}`;
  const name = (p: Contribution) => (p.artifact && p.artifact !== p.label.toLowerCase() ? `${p.artifact} (${p.label.toLowerCase()})` : p.artifact ?? p.label);
  const verdict = `${Math.round(report.score)} / 100 · ${report.label}`;
  if (faults.length === 0 && content.length === 0) return { verdict, why: 'No expert found a defect that lowers the score.' };
  const top = faults.slice(0, 3).map((p, i) => `${name(p)} ${pts(p)}${i === 0 ? ' points' : ''}`);
  const lead = faults[0] ? `${faults[0].points >= (100 - report.score) / 2 ? 'Mostly' : 'Largest losses'}: ${top.join(', ')}.` : 'No defect expert lowers the score.';
  const counted = report.artifacts.length ? ` ${report.artifacts.length} artifact event${report.artifacts.length === 1 ? '' : 's'} located.` : '';
  const contentText = content.length ? ` The content itself (${content.map((p) => `${p.label.toLowerCase()} ${pts(p)}`).join(', ')}) is a property of the picture, not a fault.` : '';
  return { verdict, why: `${lead}${counted}${contentText}` };
}

/** An expert's raw value explained in words: what the number means and where the artifact starts. */
export function unitInWords(id: string, raw: number): string {
  const meta = EXPERTS.find((m) => m.id === id);
  if (!meta) return '';
  const [a, b] = meta.range;
  const best = meta.lowerIsBetter ? Math.min(a, b) : Math.max(a, b);
  const worst = meta.lowerIsBetter ? Math.max(a, b) : Math.min(a, b);
  const num = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(1) : v.toFixed(2));
  const dir = meta.lowerIsBetter ? 'lower is better' : 'higher is better';
  const where = meta.threshold !== undefined && meta.artifact ? `; frames ${meta.lowerIsBetter ? 'above' : 'below'} ${num(meta.threshold)} show ${meta.artifact}` : '';
  const scale = `${meta.unit}: ${dir}, ${num(best)} scores 100 and ${num(worst)} scores 0${where}.`;
  return Number.isFinite(raw) ? `Measured ${num(raw)}. ${scale.charAt(0).toUpperCase()}${scale.slice(1)}` : scale;
}
