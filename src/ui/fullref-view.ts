/**
 * The compare view's full-reference part: PSNR and SSIM between the two encodes, frame by frame,
 * measured in the media worker on the full-reference ONNX model. A line for the comparison's header
 * (the two means, or why there are none), and a card with the per-frame curves on the comparison's
 * time axis, progress with cancel, and exports (CSV of the frames, JSON of the whole comparison).
 */
import type { Report } from '../report/types.ts';
import { planFullRef, type FullRefResult } from '../compare/fullref.ts';
import { measureFullReference } from '../compare/media-client.ts';
import { h, svg } from './dom.ts';
import { fixed } from './format.ts';
import { downloadBlob } from './download.ts';

/** What the full-reference part needs from the comparison. */
export interface FullRefContext {
  a: { report: Report; file?: Blob };
  b: { report: Report; file?: Blob };
  /** Time (s) to percent of the shared axis. */
  pct(t: number): number;
  /** The shared axis's end, seconds. */
  end: number;
  /** Seeks both players. */
  seek(t: number): void;
  modelBaseUrl?: string;
  /** Where downloads are attached (the shadow root). */
  root?: Node;
}

/** The full-reference part of the comparison. */
export interface FullRefView {
  /** The line for the comparison's header. */
  readonly summary: HTMLElement;
  /** The card with curves, progress and exports. */
  readonly el: HTMLElement;
  /** The last result, once measured. */
  readonly result: FullRefResult | undefined;
  /** Moves the curves' playheads to `t` seconds. */
  setTime(t: number): void;
  /** Stops a measurement in progress. */
  cancel(): void;
}

/** The frames as CSV: one header line, one line per frame pair. */
export function fullRefCsv(r: FullRefResult): string {
  const cols = ['frame', 't_s', 'psnr_y', 'psnr_u', 'psnr_v', 'psnr_avg', 'ssim_y', 'ssim_u', 'ssim_v', 'ssim_all'] as const;
  const lines = [cols.join(',')];
  for (const f of r.frames) lines.push([f.i, f.tS, f.psnrY, f.psnrU, f.psnrV, f.psnrAvg, f.ssimY, f.ssimU, f.ssimV, f.ssimAll].map((v) => (v === undefined ? '' : String(Math.round(v * 1e6) / 1e6))).join(','));
  return `${lines.join('\n')}\n`;
}

/** Builds the part and starts measuring when the two encodes can be compared. */
export function createFullRefView(ctx: FullRefContext): FullRefView {
  const { a, b } = ctx;
  const summary = h('p', { class: 'meta', id: 'fullref-summary' });
  const status = h('p', { class: 'rationale', id: 'fullref-status' });
  const body = h('div', {});
  const el = h('section', { class: 'card wide', id: 'fullref' }, h('h3', {}, 'Full-reference: PSNR and SSIM of B against A, per frame'), status, body);
  const playheads: HTMLElement[] = [];
  /** Each curve follows the players: its slider position is the measured frame at the current time. */
  const focusers: ((t: number) => void)[] = [];
  let result: FullRefResult | undefined;
  let controller: AbortController | undefined;
  const setState = (s: string) => el.setAttribute('data-state', s);

  const plan = planFullRef(a.report.input, b.report.input);
  const unavailable = (why: string) => {
    setState('unavailable');
    summary.textContent = 'PSNR and SSIM are not shown: see below.';
    status.textContent = why;
  };

  const measure = (): void => {
    if (!plan.ok || !a.file || !b.file) return;
    controller = new AbortController();
    const mine = controller;
    setState('measuring');
    summary.textContent = 'PSNR and SSIM: measuring…';
    status.textContent = `Decoding both files and measuring every frame pair at ${plan.width}×${plan.height}${plan.downscaled ? ` (downscaled from ${a.report.input.width}×${a.report.input.height} to fit 1920×1080)` : ''}.`;
    const fill = h('div', {});
    const pctText = h('span', { class: 'pct', id: 'fullref-progress' }, '0%');
    const stage = h('span', { class: 'stage' }, 'Frame pairs measured');
    body.replaceChildren(
      h('div', { class: 'progress' }, h('div', { class: 'row' }, stage, pctText, h('button', { type: 'button', id: 'fullref-cancel', onclick: () => mine.abort() }, 'Cancel')), h('div', { class: 'track', role: 'progressbar', 'aria-label': 'Full-reference progress' }, fill)),
    );
    measureFullReference(a.file, b.file, {
      signal: mine.signal,
      modelBaseUrl: ctx.modelBaseUrl,
      onProgress: (done, total) => {
        const p = total > 0 ? Math.min(1, done / total) : 0;
        fill.style.width = `${(p * 100).toFixed(1)}%`;
        pctText.textContent = `${Math.round(p * 100)}%`;
        stage.textContent = `Frame pairs measured: ${done} of ${total}`;
      },
    }).then(
      (r) => {
        if (controller !== mine) return;
        result = r;
        show(r);
      },
      (err: unknown) => {
        if (controller !== mine) return;
        const cancelled = mine.signal.aborted;
        setState(cancelled ? 'cancelled' : 'error');
        summary.textContent = cancelled ? 'PSNR and SSIM: cancelled.' : 'PSNR and SSIM could not be measured.';
        status.textContent = cancelled ? 'The measurement was cancelled.' : `The measurement failed: ${err instanceof Error ? err.message : String(err)}`;
        body.replaceChildren(h('button', { type: 'button', id: 'fullref-again', onclick: measure }, 'Measure again'));
      },
    );
  };

  const show = (r: FullRefResult): void => {
    setState('done');
    const avg = r.mean.psnrAvg !== undefined ? ` (Y/U/V ${fixed(r.mean.psnrAvg, 2)} dB)` : '';
    const all = r.mean.ssimAll !== undefined ? ` (Y/U/V ${fixed(r.mean.ssimAll, 4)})` : '';
    summary.replaceChildren(
      'B against A: ',
      h('strong', { id: 'fullref-psnr', 'data-value': r.mean.psnrY }, `PSNR ${fixed(r.mean.psnrY, 2)} dB`),
      `${avg} · `,
      h('strong', { id: 'fullref-ssim', 'data-value': r.mean.ssimY }, `SSIM ${fixed(r.mean.ssimY, 4)}`),
      `${all}, luma means over ${r.frames.length} frame pairs.`,
    );
    const notes = [`${r.frames.length} frame pairs at ${r.width}×${r.height}, measured in ${fixed(r.ms / 1000, 1)} s.`];
    if (r.downscaled) notes.push(`Downscaled from ${a.report.input.width}×${a.report.input.height} to fit 1920×1080 before measuring.`);
    if (r.unpaired > 0) notes.push(`${r.unpaired} frame(s) of the longer encode had no partner and were left out.`);
    notes.push('SSIM as ffmpeg\'s ssim filter defines it (8×8 windows on a 4-pixel grid); PSNR of 8-bit code values, identical frames shown as 100 dB.');
    status.textContent = notes.join(' ');
    const psnr = r.frames.map((f) => f.psnrY);
    const ssim = r.frames.map((f) => f.ssimY);
    body.replaceChildren(
      curve('PSNR (dB, luma)', 'fullref-psnr-plot', r, psnr, 1),
      curve('SSIM (luma)', 'fullref-ssim-plot', r, ssim, 3),
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', id: 'fullref-csv', onclick: () => downloadBlob(new Blob([fullRefCsv(r)], { type: 'text/csv' }), `${stem()}.fullref.csv`, ctx.root) }, 'PSNR/SSIM CSV'),
        h('button', { type: 'button', id: 'compare-json', onclick: () => downloadBlob(new Blob([`${JSON.stringify(comparisonJson(r), null, 2)}\n`], { type: 'application/json' }), `${stem()}.compare.json`, ctx.root) }, 'Comparison JSON'),
      ),
    );
  };

  const stem = () => `${a.report.input.name.replace(/\.[^.]+$/, '')}-vs-${b.report.input.name.replace(/\.[^.]+$/, '')}`;
  const comparisonJson = (r: FullRefResult) => ({
    schema: 'qrouter.compare/1',
    a: { name: a.report.input.name, score: a.report.score, label: a.report.label, events: a.report.artifacts },
    b: { name: b.report.input.name, score: b.report.score, label: b.report.label, events: b.report.artifacts },
    fullRef: r,
  });

  /** One per-frame curve on the shared time axis, its y range fitted to the values. */
  const curve = (title: string, id: string, r: FullRefResult, values: number[], digits: number): HTMLElement => {
    let lo = Math.min(...values);
    let hi = Math.max(...values);
    if (hi - lo < 1e-6) [lo, hi] = [lo - 0.5 * 10 ** -digits, hi + 0.5 * 10 ** -digits];
    const pad = (hi - lo) * 0.08;
    lo -= pad;
    hi += pad;
    const y = (v: number) => 100 - ((v - lo) / (hi - lo)) * 100;
    // A slider over the measured frames: arrows step a frame, Page keys ten, Home/End the ends; each step seeks.
    const plot = h('div', {
      class: 'tl-plot',
      id,
      role: 'slider',
      tabindex: '0',
      'aria-label': `${title} per frame, from ${fixed(Math.min(...values), digits)} to ${fixed(Math.max(...values), digits)}`,
      'aria-valuemin': '0',
      'aria-valuemax': String(r.frames.length - 1),
    });
    const show = (k: number) => {
      plot.setAttribute('aria-valuenow', String(k));
      plot.setAttribute('aria-valuetext', `frame ${k + 1} of ${r.frames.length}, ${fixed(r.frames[k]!.tS, 2)} s: ${fixed(values[k]!, digits)}`);
    };
    let at = 0;
    show(at);
    focusers.push((t) => {
      // The measured frame at or just before time t.
      let k = 0;
      while (k + 1 < r.frames.length && r.frames[k + 1]!.tS <= t + 1e-6) k++;
      at = k;
      show(at);
    });
    plot.addEventListener('keydown', (e) => {
      const last = r.frames.length - 1;
      const to = ({ ArrowRight: at + 1, ArrowUp: at + 1, ArrowLeft: at - 1, ArrowDown: at - 1, PageUp: at + 10, PageDown: at - 10, Home: 0, End: last } as Record<string, number>)[e.key];
      if (to === undefined) return;
      e.preventDefault();
      at = Math.max(0, Math.min(last, to));
      show(at);
      ctx.seek(r.frames[at]!.tS);
    });
    const chart = svg('svg', { viewBox: '0 0 100 100', preserveAspectRatio: 'none', 'aria-hidden': 'true' });
    for (const v of [lo + pad, (lo + hi) / 2, hi - pad]) {
      chart.append(svg('line', { class: 'grid', x1: 0, x2: 100, y1: y(v), y2: y(v) }));
      const label = h('span', { class: 'tl-y' }, fixed(v, digits));
      label.style.top = `${y(v)}%`;
      plot.append(label);
    }
    chart.append(svg('polyline', { class: 'line', points: r.frames.map((f, k) => `${fixed(ctx.pct(f.tS), 2)},${fixed(y(values[k]!), 2)}`).join(' ') }));
    const head = h('div', { class: 'playhead', 'aria-hidden': 'true' });
    playheads.push(head);
    plot.append(chart, head);
    plot.addEventListener('click', (e) => {
      const box = plot.getBoundingClientRect();
      ctx.seek(((e.clientX - box.left) / Math.max(1, box.width)) * ctx.end);
    });
    return h('div', {}, h('p', { class: 'meta' }, title), h('div', { class: 'tl-wrap' }, plot));
  };

  if (!plan.ok) unavailable(plan.reason);
  else if (!a.file || !b.file) unavailable('PSNR and SSIM need both files; this comparison was made from reports alone.');
  else measure();

  return {
    summary,
    el,
    get result() {
      return result;
    },
    setTime(t) {
      for (const p of playheads) p.style.left = `${ctx.pct(t)}%`;
      for (const f of focusers) f(t);
    },
    cancel() {
      controller?.abort();
    },
  };
}
