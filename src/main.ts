/**
 * The demo page: mounts `<qrouter-analyzer>` and exposes hooks for automation (the CLI and tests):
 * `window.qrouter.analyzeVideo`, `document.body.dataset.state`, `window.__qrouterLastReport` and
 * `window.__qrouterLastError`; `window.qrouter.OverlayModel` is there for the overlay benchmark.
 */
import { analyzeVideo, measureDecode } from './api/analyze.ts';
import { ask } from './answer/ask.ts';
import * as vlm from './vlm/index.ts';
import { defineAnalyzerElement, type AnalyzerStateDetail } from './ui/analyzer-element.ts';
import type { Report } from './report/types.ts';
import { OverlayModel } from './ui/overlay.ts';

declare global {
  interface Window {
    qrouter: { analyzeVideo: typeof analyzeVideo; measureDecode: typeof measureDecode; OverlayModel: typeof OverlayModel; ask: typeof ask; vlm: typeof vlm };
    __qrouterLastReport?: Report;
    __qrouterLastError?: { code: string; message: string };
  }
}

window.qrouter = { analyzeVideo, measureDecode, OverlayModel, ask, vlm };
defineAnalyzerElement();

const analyzer = document.querySelector('qrouter-analyzer');
analyzer?.addEventListener('statechange', (event) => {
  const { state, report, error } = (event as CustomEvent<AnalyzerStateDetail>).detail;
  if (state === 'running') {
    window.__qrouterLastReport = undefined;
    window.__qrouterLastError = undefined;
  }
  if (report) window.__qrouterLastReport = report;
  if (error) window.__qrouterLastError = { code: error.code, message: error.message };
  document.body.dataset.state = state;
});
document.body.dataset.state = 'idle';
