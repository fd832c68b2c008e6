/** Scoring detected artifact events against ground truth: time IoU matching, precision/recall/F1, region IoU. */
import type { Region } from '../../src/report/types.ts';

/** An event in time, with an optional region (omitted = whole frame). */
export interface TimedEvent {
  type: string;
  startS: number;
  endS: number;
  region?: Region;
}

/** Intersection over union of two time spans. */
export function timeIoU(a: TimedEvent, b: TimedEvent): number {
  const inter = Math.max(0, Math.min(a.endS, b.endS) - Math.max(a.startS, b.startS));
  const union = Math.max(a.endS, b.endS) - Math.min(a.startS, b.startS);
  return union > 0 ? inter / union : 0;
}

/** Intersection over union of two regions (a missing region is the whole frame). */
export function regionIoU(a?: Region, b?: Region): number {
  const p = a ?? { x: 0, y: 0, w: 1, h: 1 };
  const q = b ?? { x: 0, y: 0, w: 1, h: 1 };
  const iw = Math.max(0, Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x));
  const ih = Math.max(0, Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y));
  const inter = iw * ih;
  const union = p.w * p.h + q.w * q.h - inter;
  return union > 0 ? inter / union : 0;
}

/** Joins events of one type that touch or are at most `gapS` apart (detectors often split one event). */
export function mergeEvents<T extends TimedEvent>(events: T[], gapS = 0.1): T[] {
  const sorted = [...events].sort((a, b) => a.type.localeCompare(b.type) || a.startS - b.startS);
  const out: T[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.type === e.type && e.startS - last.endS <= gapS) out[out.length - 1] = { ...last, endS: Math.max(last.endS, e.endS) };
    else out.push({ ...e });
  }
  return out;
}

/** One truth/detection pairing. */
export interface Match<T extends TimedEvent> {
  truth: TimedEvent;
  found: T;
  iou: number;
}

/**
 * Greedy one-to-one matching within one clip: a detection matches a truth event when the types are
 * equal and their time IoU is at least `minIoU`; best IoU first.
 */
export function matchEvents<T extends TimedEvent>(truth: TimedEvent[], found: T[], minIoU = 0.3): { matches: Match<T>[]; missed: TimedEvent[]; extra: T[] } {
  const pairs: { t: number; f: number; iou: number }[] = [];
  truth.forEach((t, ti) => found.forEach((f, fi) => {
    const iou = t.type === f.type ? timeIoU(t, f) : 0;
    if (iou >= minIoU) pairs.push({ t: ti, f: fi, iou });
  }));
  pairs.sort((a, b) => b.iou - a.iou);
  const usedT = new Set<number>();
  const usedF = new Set<number>();
  const matches: Match<T>[] = [];
  for (const p of pairs) {
    if (usedT.has(p.t) || usedF.has(p.f)) continue;
    usedT.add(p.t);
    usedF.add(p.f);
    matches.push({ truth: truth[p.t]!, found: found[p.f]!, iou: p.iou });
  }
  return { matches, missed: truth.filter((_, i) => !usedT.has(i)), extra: found.filter((_, i) => !usedF.has(i)) };
}

/** Counts per type and the scores they give. */
export interface TypeScore {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts (NaN where undefined: no detections or no truth). */
export function score(tp: number, fp: number, fn: number): TypeScore {
  const precision = tp + fp > 0 ? tp / (tp + fp) : NaN;
  const recall = tp + fn > 0 ? tp / (tp + fn) : NaN;
  const f1 = tp + fp + fn > 0 ? (2 * tp) / (2 * tp + fp + fn) : NaN;
  return { tp, fp, fn, precision, recall, f1 };
}
