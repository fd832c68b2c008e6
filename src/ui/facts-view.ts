/** The input facts, timings and backend of a report. */
import type { Report } from '../report/types.ts';
import { h } from './dom.ts';
import { bytes, duration, fixed } from './format.ts';

function facts(pairs: [string, string][]): HTMLElement {
  return h('dl', { class: 'facts' }, ...pairs.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]));
}

/** Builds the card with the video's facts. */
export function createInputView(report: Report): HTMLElement {
  const i = report.input;
  return h(
    'section',
    { class: 'card', id: 'input' },
    h('h3', {}, 'Video'),
    facts([
      ['File', `${i.name} (${bytes(i.bytes)})`],
      ['Format', `${i.container} · ${i.codec}`],
      ['Frame', `${i.width} × ${i.height} at ${fixed(i.fps, 2)} fps`],
      ['Length', `${fixed(i.durationS, 2)} s · ${i.frameCount} frames`],
      ['Decoder', i.decoder === 'webcodecs' ? 'WebCodecs' : 'ffmpeg.wasm'],
    ]),
  );
}

/** Builds the card with timings and the execution backend. */
export function createTimingsView(report: Report): HTMLElement {
  const t = report.timings;
  const b = report.backend;
  return h(
    'section',
    { class: 'card', id: 'timings' },
    h('h3', {}, 'Timings'),
    facts([
      ['Total', duration(t.totalMs)],
      ['Decode', duration(t.decodeMs)],
      ['Route', duration(t.routeMs)],
      ['Experts', duration(t.expertsMs)],
      ['Frames analysed', String(t.framesAnalyzed)],
      ['Backend', b.ep === 'webgpu' ? `WebGPU${b.adapter ? ` (${b.adapter})` : ''}` : 'WebAssembly (CPU)'],
      ['Tier', ['0 · glance', '1 · assess', '2 · inspect'][report.tier] ?? String(report.tier)],
    ]),
  );
}
