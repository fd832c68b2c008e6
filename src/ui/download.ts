/**
 * Exports through temporary object URLs (nothing leaves the device): the report as JSON, its events
 * as CSV, and a PNG of the current frame with its overlay.
 */
import type { Report } from '../report/types.ts';

/** The video's name without its extension. */
function baseName(report: Report): string {
  return report.input.name.replace(/\.[^.]+$/, '') || 'video';
}

/** The file name for a report: the video's name with `.qrouter.json`. */
export function reportFileName(report: Report): string {
  return `${baseName(report)}.qrouter.json`;
}

/** The events of a report as CSV: one header line, then one line per event (region blank when whole-frame). */
export function eventsCsv(report: Report): string {
  const lines = ['type,start_s,end_s,severity,confidence,x,y,w,h'];
  for (const a of [...report.artifacts].sort((x, y) => x.startS - y.startS)) {
    const r = a.region;
    lines.push([a.type, a.startS, a.endS, a.severity, a.confidence, r?.x ?? '', r?.y ?? '', r?.w ?? '', r?.h ?? ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Starts a download of `blob` as `name`. */
export function downloadBlob(blob: Blob, name: string, root: Node = document.body): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  (root instanceof ShadowRoot ? root : document.body).append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Starts a download of `report` as pretty-printed JSON. */
export function downloadReport(report: Report, root: Node = document.body): void {
  downloadBlob(new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' }), reportFileName(report), root);
}

/** Starts a download of the report's events as CSV. */
export function downloadEventsCsv(report: Report, root: Node = document.body): void {
  downloadBlob(new Blob([eventsCsv(report)], { type: 'text/csv' }), `${baseName(report)}.events.csv`, root);
}

/** Starts a download of a frame PNG taken at `t` seconds. */
export function downloadFramePng(report: Report, png: Blob, t: number, root: Node = document.body): void {
  downloadBlob(png, `${baseName(report)}.${t.toFixed(3)}s.png`, root);
}
