/**
 * The analyzer element's stylesheet. It is adopted as a constructed stylesheet
 * (`shadowRoot.adoptedStyleSheets`), so it works under a strict Content-Security-Policy
 * (`style-src 'self'`, no `unsafe-inline`): no `<style>` element and no `style=` attribute is used;
 * dynamic sizes are CSSOM property writes. It lives in the shadow root, so nothing leaks out or in.
 *
 * Theme variables (set them on the element from the host page to restyle it):
 * `--qr-bg`, `--qr-panel`, `--qr-border`, `--qr-text`, `--qr-muted`, `--qr-accent`, `--qr-accent-soft`,
 * `--qr-good`, `--qr-fair`, `--qr-bad`, `--qr-radius`, `--qr-font`. Light and dark defaults follow
 * `prefers-color-scheme`; the `theme="light"` or `theme="dark"` attribute forces one.
 */
export const STYLES = `
:host {
  --qr-bg: #ffffff;
  --qr-panel: #f7f8fa;
  --qr-border: #e2e5ea;
  --qr-text: #1c2430;
  --qr-muted: #5d6878;
  --qr-accent: #2f6fed;
  --qr-accent-soft: #e8effd;
  --qr-good: #1e9e62;
  --qr-fair: #b97a0c;
  --qr-bad: #d2453b;
  --qr-error-bg: #fdf2f1;
  --qr-error-border: #f0c3bf;
  --qr-error-text: #8c2a22;
  --qr-radius: 10px;
  --qr-font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif;
  color-scheme: light;
display: block;
  color: var(--qr-text);
  background: var(--qr-bg);
  font: var(--qr-font);
  border: 1px solid var(--qr-border);
  border-radius: 14px;
  padding: 20px;
  box-sizing: border-box;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
h2, h3 { margin: 0; font-weight: 600; }
h3 { font-size: 12px; text-transform: uppercase; letter-spacing: .06em; color: var(--qr-muted); margin-bottom: 10px; }
button, select, input { font: inherit; color: inherit; }
button {
  border: 1px solid var(--qr-border); background: var(--qr-bg); border-radius: 8px;
  padding: 7px 14px; cursor: pointer; font-weight: 500;
}
button:hover:not(:disabled) { border-color: var(--qr-accent); color: var(--qr-accent); }
button:disabled { opacity: .5; cursor: default; }
button.primary { background: var(--qr-accent); border-color: var(--qr-accent); color: #fff; }
button.primary:hover:not(:disabled) { color: #fff; filter: brightness(1.08); }
:focus-visible { outline: 2px solid var(--qr-accent); outline-offset: 2px; }

.toolbar { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin-bottom: 14px; }
.toolbar label { color: var(--qr-muted); display: flex; align-items: center; gap: 8px; }
.toolbar select { border: 1px solid var(--qr-border); border-radius: 8px; padding: 6px 10px; background: var(--qr-bg); }
.toolbar .spacer { flex: 1; }
.privacy { color: var(--qr-muted); font-size: 12px; }

.drop {
  display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 6px;
  min-height: 140px; padding: 24px; text-align: center; border: 2px dashed var(--qr-border);
  border-radius: var(--qr-radius); background: var(--qr-panel); cursor: pointer; transition: border-color .15s, background .15s;
}
.drop:hover, .drop.over { border-color: var(--qr-accent); background: var(--qr-accent-soft); }
.drop.disabled { pointer-events: none; opacity: .6; }
.drop strong { font-size: 15px; }
.drop .sub { color: var(--qr-muted); font-size: 13px; }
.drop input { position: absolute; width: 1px; height: 1px; opacity: 0; pointer-events: none; }

.progress { margin-top: 16px; padding: 14px 16px; border: 1px solid var(--qr-border); border-radius: var(--qr-radius); }
.progress .row { display: flex; align-items: center; gap: 12px; }
.progress .stage { flex: 1; color: var(--qr-muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.progress .pct { font-variant-numeric: tabular-nums; font-weight: 600; min-width: 3.5em; text-align: right; }
.track { height: 8px; background: var(--qr-panel); border-radius: 99px; overflow: hidden; margin-top: 10px; }
.track > div { height: 100%; width: 0; background: var(--qr-accent); border-radius: 99px; transition: width .2s ease-out; }

.notice { margin-top: 16px; padding: 12px 16px; border-radius: var(--qr-radius); border: 1px solid; }
.notice.error { border-color: var(--qr-error-border); background: var(--qr-error-bg); color: var(--qr-error-text); }
.notice.info { border-color: var(--qr-border); background: var(--qr-panel); color: var(--qr-muted); }
.notice .hint { display: block; margin-top: 4px; color: var(--qr-text); }
.notice code { font-size: 12px; opacity: .75; }

.result { margin-top: 18px; display: grid; gap: 16px; grid-template-columns: repeat(2, minmax(0, 1fr)); }
@media (max-width: 720px) { .result { grid-template-columns: minmax(0, 1fr); } }
.card { border: 1px solid var(--qr-border); border-radius: var(--qr-radius); padding: 16px; background: var(--qr-bg); min-width: 0; }
.card.wide { grid-column: 1 / -1; }

.summary { display: flex; align-items: center; gap: 22px; flex-wrap: wrap; }
.score { font-size: 56px; font-weight: 700; line-height: 1; font-variant-numeric: tabular-nums; letter-spacing: -.02em; }
.score small { font-size: 18px; color: var(--qr-muted); font-weight: 500; }
.badge { display: inline-block; padding: 3px 10px; border-radius: 99px; font-weight: 600; font-size: 13px; color: #fff; }
.tone-good { color: var(--qr-good); } .tone-fair { color: var(--qr-fair); } .tone-bad { color: var(--qr-bad); }
.badge.tone-good { background: var(--qr-good); color: #fff; }
.badge.tone-fair { background: var(--qr-fair); color: #fff; }
.badge.tone-bad { background: var(--qr-bad); color: #fff; }
.summary .meta { color: var(--qr-muted); display: grid; gap: 2px; }
.summary .actions { margin-left: auto; }

.bars { display: grid; gap: 10px; }
.bar-row { display: grid; grid-template-columns: minmax(110px, 36%) 1fr 3em; gap: 10px; align-items: center; }
.bar-row .name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-row .raw { grid-column: 1 / -1; color: var(--qr-muted); font-size: 12px; margin-top: -6px; }
.bar-row .val { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.bar { height: 8px; border-radius: 99px; background: var(--qr-panel); overflow: hidden; }
.bar > div { height: 100%; border-radius: 99px; }
.fill-good { background: var(--qr-good); } .fill-fair { background: var(--qr-fair); } .fill-bad { background: var(--qr-bad); }
.fill-accent { background: var(--qr-accent); }

dl.facts { display: grid; grid-template-columns: auto 1fr; gap: 4px 14px; margin: 0; }
dl.facts dt { color: var(--qr-muted); }
dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
.rationale { margin: 10px 0 0; color: var(--qr-muted); }

table { width: 100%; border-collapse: collapse; font-size: 13px; }
th { text-align: left; color: var(--qr-muted); font-weight: 500; border-bottom: 1px solid var(--qr-border); padding: 6px 8px; }
td { border-bottom: 1px solid var(--qr-border); padding: 6px 8px; font-variant-numeric: tabular-nums; }
tr:last-child td { border-bottom: 0; }
.empty { color: var(--qr-muted); }
.tag { display: inline-block; padding: 1px 8px; border-radius: 99px; background: var(--qr-accent-soft); color: var(--qr-accent); font-size: 12px; font-weight: 600; }

.chart { width: 100%; height: auto; display: block; }
.chart .grid { stroke: var(--qr-border); stroke-width: 1; }
.chart .axis { fill: var(--qr-muted); font-size: 11px; }
.chart .line { fill: none; stroke: var(--qr-accent); stroke-width: 2; stroke-linejoin: round; }
.chart .area { fill: var(--qr-accent); opacity: .08; }
.chart .span { fill: var(--qr-bad); opacity: .07; }
.chart .dot { fill: var(--qr-accent); }

.route-bars { margin-top: 12px; }
.fill-content { background: var(--qr-accent); opacity: .55; }
.bar-row .kind { font-size: 11px; color: var(--qr-muted); margin-left: 6px; }

/* Dark theme: from the system, or forced with theme="dark". */
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) {
    --qr-bg: #151a21; --qr-panel: #1d242d; --qr-border: #303a47; --qr-text: #e6eaf0; --qr-muted: #9aa6b5;
    --qr-accent: #6c9cff; --qr-accent-soft: #1f2d47; --qr-good: #3cc486; --qr-fair: #e0a83a; --qr-bad: #f0706a;
    --qr-error-bg: #3a1d1b; --qr-error-border: #6b302b; --qr-error-text: #ffc9c4;
    color-scheme: dark;
  }
}
:host([theme="dark"]) {
  --qr-bg: #151a21; --qr-panel: #1d242d; --qr-border: #303a47; --qr-text: #e6eaf0; --qr-muted: #9aa6b5;
  --qr-accent: #6c9cff; --qr-accent-soft: #1f2d47; --qr-good: #3cc486; --qr-fair: #e0a83a; --qr-bad: #f0706a;
  --qr-error-bg: #3a1d1b; --qr-error-border: #6b302b; --qr-error-text: #ffc9c4;
  color-scheme: dark;
}

.headline { margin: 14px 0 0; font-size: 15px; }
.headline .why { color: var(--qr-muted); display: block; margin-top: 4px; font-size: 13px; }
.progress .eta { color: var(--qr-muted); font-size: 12px; margin-top: 6px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; }

/* The player: the video, the overlay canvas on top of it, and its controls. */
.stage { position: relative; width: 100%; background: #000; border-radius: 8px; overflow: hidden; aspect-ratio: 16 / 9; }
.stage video, .stage canvas { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }
.stage canvas.overlay { pointer-events: none; }
.stage .nofile { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; color: #ccd; padding: 16px; text-align: center; }
.controls { display: flex; flex-wrap: wrap; align-items: center; gap: 8px; margin-top: 10px; }
.controls .time { font-variant-numeric: tabular-nums; color: var(--qr-muted); min-width: 9em; }
.controls button { padding: 5px 10px; }
.toggles { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.chip { display: inline-flex; align-items: center; gap: 6px; border: 1px solid var(--qr-border); border-radius: 99px; padding: 3px 10px; font-size: 12px; cursor: pointer; user-select: none; }
.chip input { margin: 0; accent-color: var(--qr-accent); }
.swatch { width: 10px; height: 10px; border-radius: 3px; display: inline-block; }
.opacity { display: inline-flex; align-items: center; gap: 6px; color: var(--qr-muted); font-size: 12px; }

/* The timeline: score curve on top, then one track per artifact type. */
.tl-plot { position: relative; height: 140px; margin-left: var(--qr-track-label, calc(6.5em + 6px)); border-left: 1px solid var(--qr-border); border-bottom: 1px solid var(--qr-border); }
.tl-plot svg { position: absolute; inset: 0; width: 100%; height: 100%; overflow: visible; }
.tl-plot .line { fill: none; stroke: var(--qr-accent); stroke-width: 2; vector-effect: non-scaling-stroke; stroke-linejoin: round; }
.tl-plot .expert-line { fill: none; stroke: var(--qr-fair); stroke-width: 1.5; stroke-dasharray: 4 3; vector-effect: non-scaling-stroke; }
.tl-plot .grid { stroke: var(--qr-border); stroke-width: 1; vector-effect: non-scaling-stroke; }
.tl-y { position: absolute; left: -2.6em; width: 2.2em; text-align: right; font-size: 11px; color: var(--qr-muted); transform: translateY(-50%); }
.tl-x { position: relative; height: 1.6em; margin-left: var(--qr-track-label, calc(6.5em + 6px)); font-size: 11px; color: var(--qr-muted); }
.tl-x span { position: absolute; top: 2px; transform: translateX(-50%); white-space: nowrap; }
.tracks { display: grid; gap: 4px; margin-top: 4px; }
.track-row { display: grid; grid-template-columns: 6.5em 1fr; align-items: center; gap: 6px; }
.track-row .tname { font-size: 12px; color: var(--qr-muted); text-align: right; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.lane { position: relative; height: 22px; background: var(--qr-panel); border-radius: 4px; cursor: pointer; }
.lane .ev { position: absolute; top: 3px; bottom: 3px; min-width: 6px; border: 0; padding: 0; border-radius: 3px; cursor: pointer; }
.lane .ev:focus-visible { outline: 2px solid var(--qr-text); outline-offset: 1px; }
.playhead { position: absolute; top: 0; bottom: 0; width: 2px; background: var(--qr-text); opacity: .6; pointer-events: none; }
.tl-wrap { position: relative; }
.tl-opts { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-top: 10px; color: var(--qr-muted); font-size: 12px; }
.tl-opts select { border: 1px solid var(--qr-border); border-radius: 6px; padding: 3px 6px; background: var(--qr-bg); }
.keys { color: var(--qr-muted); font-size: 12px; margin-top: 6px; }
kbd { border: 1px solid var(--qr-border); border-radius: 4px; padding: 0 4px; font-size: 11px; background: var(--qr-panel); }
#artifacts { overflow-x: auto; }
tr.seekable { cursor: pointer; }
tr.seekable:hover td, tr.seekable.current td { background: var(--qr-accent-soft); }
.linkish { border: 0; background: none; padding: 0; color: var(--qr-accent); cursor: pointer; font-weight: 600; }

/* Compact mode for upload forms: one line, verdict and progress. */
:host([compact]) { padding: 10px 12px; }
:host([compact]) .result, :host([compact]) .toolbar .privacy { display: none; }
:host([compact]) .drop { min-height: 0; padding: 10px 12px; flex-direction: row; gap: 10px; }
:host([compact]) .drop .sub { display: none; }
:host([compact]) .progress { margin-top: 8px; padding: 8px 10px; }
.verdict { display: none; margin-top: 8px; font-weight: 600; }
:host([compact]) .verdict:not([hidden]) { display: block; }

/* Phones: one column, bigger touch targets, no clipped labels. */
@media (max-width: 560px) {
  :host { padding: 12px; border-radius: 10px; }
  .score { font-size: 44px; }
  .summary .actions { margin-left: 0; }
  .track-row { grid-template-columns: 5em 1fr; }
  .tl-plot, .tl-x { margin-left: calc(5em + 6px); }
  .bar-row { grid-template-columns: minmax(90px, 40%) 1fr 2.6em; }
  th, td { padding: 5px 4px; }
  .card { padding: 12px; }
}
`;

let sheet: CSSStyleSheet | undefined;

/** The shared constructed stylesheet (made once per document realm). */
export function analyzerSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

/** Applies the styles to a shadow root without `<style>` elements. */
export function adoptStyles(root: ShadowRoot): void {
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, analyzerSheet()];
}
