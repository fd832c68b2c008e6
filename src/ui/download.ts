/** Saves a report as a JSON file through a temporary object URL (nothing leaves the device). */
import type { Report } from '../report/types.ts';

/** The file name for a report: the video's name with `.qrouter.json`. */
export function reportFileName(report: Report): string {
  const base = report.input.name.replace(/\.[^.]+$/, '') || 'video';
  return `${base}.qrouter.json`;
}

/** Starts a download of `report` as pretty-printed JSON. */
export function downloadReport(report: Report, root: Node = document.body): void {
  const blob = new Blob([`${JSON.stringify(report, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = reportFileName(report);
  a.style.display = 'none';
  (root instanceof ShadowRoot ? root : document.body).append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
