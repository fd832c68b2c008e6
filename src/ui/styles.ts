/** The analyzer element's stylesheet; it lives inside the shadow root, so nothing leaks out or in. */
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
  --qr-fair: #d08a12;
  --qr-bad: #d2453b;
  --qr-radius: 10px;
  display: block;
  color: var(--qr-text);
  background: var(--qr-bg);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, sans-serif;
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
.notice.error { border-color: #f0c3bf; background: #fdf2f1; color: #8c2a22; }
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
`;
