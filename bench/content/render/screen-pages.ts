/**
 * HTML pages for the screen-content part of the dataset: an article, source code, a data table,
 * slides, a form being filled in and a dashboard, each in a light or dark theme. Text comes from this
 * repository's own README and sources; numbers from a seeded generator. Every page defines
 * `window.step(t)` (t in seconds), which scrolls, types or changes slides, so a clip is made by
 * calling it before each screenshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../paths.ts';

/** One screen-content page family. */
export interface ScreenPage {
  family: string;
  html: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const THEMES = {
  light: { bg: '#ffffff', fg: '#1f2328', muted: '#eef1f4', accent: '#0969da', line: '#d0d7de' },
  dark: { bg: '#0d1117', fg: '#e6edf3', muted: '#161b22', accent: '#58a6ff', line: '#30363d' },
};

function shell(theme: keyof typeof THEMES, body: string, script: string, font = 'sans-serif', size = 16): string {
  const c = THEMES[theme];
  return `<!doctype html><html><head><style>
  body{margin:0;background:${c.bg};color:${c.fg};font:${size}px/1.45 ${font}}
  .muted{background:${c.muted}} a,.accent{color:${c.accent}} table{border-collapse:collapse}
  td,th{border:1px solid ${c.line};padding:4px 10px} th{background:${c.muted}}
  input,textarea,select{font:inherit;color:${c.fg};background:${c.bg};border:1px solid ${c.line};padding:6px;border-radius:4px}
  button{font:inherit;background:${c.accent};color:#fff;border:0;padding:8px 16px;border-radius:6px}
  </style></head><body>${body}<script>${script}</script></body></html>`;
}

const scrollScript = (pxPerS: number, pauseEvery = 0) =>
  `window.step=(t)=>{const p=${pauseEvery}?Math.floor(t/${pauseEvery})*${pauseEvery}*0.5+Math.min(t%${pauseEvery},${pauseEvery}/2):t;window.scrollTo(0,p*${pxPerS});};`;

function article(theme: keyof typeof THEMES): string {
  const md = readFileSync(join(ROOT, 'README.md'), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('|') && !l.startsWith('```') && !l.startsWith('!'));
  const body = md.slice(0, 160).map((l) => (l.startsWith('#') ? `<h2>${esc(l.replace(/^#+\s*/, ''))}</h2>` : `<p>${esc(l)}</p>`)).join('');
  return shell(theme, `<article style="max-width:760px;margin:24px auto;padding:0 24px">${body}</article>`, scrollScript(90, 2), 'Georgia, serif', 17);
}

function code(theme: keyof typeof THEMES, file: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8').split('\n').slice(0, 220);
  const kw = /\b(import|export|from|const|let|function|return|if|else|for|of|new|type|interface|async|await|class)\b/g;
  const c = theme === 'dark' ? { kw: '#ff7b72', str: '#a5d6ff', com: '#8b949e', num: '#6e7681' } : { kw: '#cf222e', str: '#0a3069', com: '#6e7781', num: '#8c959f' };
  const lines = text.map((l, i) => {
    let h = esc(l);
    if (/^\s*(\/\/|\*|\/\*\*)/.test(l)) h = `<span style="color:${c.com}">${h}</span>`;
    else h = h.replace(/('[^']*')/g, `<span style="color:${c.str}">$1</span>`).replace(kw, `<span style="color:${c.kw}">$1</span>`);
    return `<div><span style="color:${c.num};display:inline-block;width:3em;text-align:right;margin-right:1em">${i + 1}</span>${h}</div>`;
  });
  const side = ['src', 'api', 'decode', 'frames', 'inference', 'pipeline', 'router', 'fusion', 'report', 'ui'].map((d) => `<div style="padding:2px 12px">${d}/</div>`).join('');
  return shell(theme, `<div style="display:flex"><nav class="muted" style="width:190px;min-height:3000px;font:13px sans-serif;padding-top:8px">${side}</nav><pre style="margin:8px;font:14px/1.4 monospace">${lines.join('')}</pre></div>`, scrollScript(60, 3), 'monospace', 14);
}

function table(theme: keyof typeof THEMES, seed: number): string {
  const r = rng(seed);
  const head = ['clip', 'codec', 'width', 'height', 'fps', 'bitrate kb/s', 'score', 'label'].map((h) => `<th>${h}</th>`).join('');
  const rows = Array.from({ length: 80 }, (_, i) => {
    const s = Math.round(r() * 1000) / 10;
    return `<tr><td>clip_${String(i).padStart(3, '0')}.mp4</td><td>${['avc1', 'vp09', 'av01'][i % 3]}</td><td>${[640, 1280, 1920][i % 3]}</td><td>${[360, 720, 1080][i % 3]}</td><td>${[24, 25, 30, 60][i % 4]}</td><td>${Math.round(r() * 8000)}</td><td>${s}</td><td>${s > 80 ? 'excellent' : s > 60 ? 'good' : s > 40 ? 'fair' : 'poor'}</td></tr>`;
  });
  return shell(theme, `<h3 style="margin:16px">Batch results</h3><table style="margin:0 16px;font-size:14px"><tr>${head}</tr>${rows.join('')}</table>`, scrollScript(70, 2));
}

function slides(theme: keyof typeof THEMES, seed: number): string {
  const r = rng(seed);
  const words = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/[^A-Za-z ]+/g, ' ').split(/\s+/).filter((w) => w.length > 3);
  const pick = (n: number) => Array.from({ length: n }, () => words[Math.floor(r() * words.length)]).join(' ');
  const slidesHtml = Array.from({ length: 8 }, (_, i) => `<section style="display:none;height:100vh;box-sizing:border-box;padding:6vh 8vw"><h1 style="font-size:5vh;border-bottom:4px solid currentColor">${i + 1}. ${pick(3)}</h1><ul style="font-size:3.4vh;line-height:1.6">${Array.from({ length: 4 }, () => `<li>${pick(5 + Math.floor(r() * 4))}</li>`).join('')}</ul>${i % 3 === 1 ? `<div style="display:flex;gap:2vw;align-items:flex-end;height:22vh">${Array.from({ length: 6 }, () => `<div class="accent" style="background:currentColor;width:6vw;height:${20 + r() * 80}%"></div>`).join('')}</div>` : ''}</section>`).join('');
  return shell(theme, slidesHtml, `window.step=(t)=>{const s=[...document.querySelectorAll('section')];const k=Math.floor(t/2.5)%s.length;s.forEach((e,i)=>e.style.display=i===k?'block':'none');};`);
}

function form(theme: keyof typeof THEMES): string {
  const fields = ['Full name', 'E-mail address', 'Organisation', 'Video folder', 'Notes'];
  const body = `<div style="max-width:640px;margin:32px auto;padding:24px;border-radius:8px" class="muted"><h2>Batch analysis settings</h2>${fields
    .map((f, i) => `<label style="display:block;margin:12px 0 4px">${f}</label>${i === 4 ? '<textarea rows="4" style="width:100%"></textarea>' : '<input style="width:100%">'}`)
    .join('')}<label style="display:block;margin:12px 0 4px">Tier</label><select><option>1 assess</option></select><p><label><input type="checkbox" checked> Write CSV</label></p><button>Start</button></div>`;
  const texts = ['Ada Example', 'ada@example.org', 'Video Lab', '/data/clips/2024', 'Check the ladder encodes before publishing and compare the tiers.'];
  const script = `const T=${JSON.stringify(texts)};window.step=(t)=>{const els=[...document.querySelectorAll('input:not([type]),textarea')];let c=Math.floor(t*9);els.forEach((e,i)=>{const n=Math.max(0,Math.min(T[i].length,c));e.value=T[i].slice(0,n);c-=T[i].length;});};`;
  return shell(theme, body, script);
}

function dashboard(theme: keyof typeof THEMES, seed: number): string {
  const r = rng(seed);
  const cards = ['Clips analysed', 'Mean score', 'Flagged', 'Median time'].map((c) => `<div class="muted" style="flex:1;padding:16px;border-radius:8px"><div style="font-size:13px">${c}</div><div class="v" style="font-size:30px;font-weight:600">0</div></div>`).join('');
  const bars = Array.from({ length: 24 }, () => `<div class="accent b" style="background:currentColor;flex:1;height:${10 + r() * 90}%"></div>`).join('');
  const side = ['Overview', 'Clips', 'Experts', 'Ladders', 'Settings'].map((s, i) => `<div style="padding:10px 16px;${i === 0 ? 'font-weight:700' : ''}">${s}</div>`).join('');
  const body = `<div style="display:flex;height:100vh"><nav class="muted" style="width:200px">${side}</nav><main style="flex:1;padding:20px"><div style="display:flex;gap:16px">${cards}</div><div style="display:flex;gap:6px;align-items:flex-end;height:45vh;margin-top:24px">${bars}</div></main></div>`;
  const script = `window.step=(t)=>{document.querySelectorAll('.v').forEach((e,i)=>e.textContent=String(Math.floor((i+1)*37*t+i*11)));document.querySelectorAll('.b').forEach((e,i)=>e.style.height=(20+70*Math.abs(Math.sin(i*0.7+t*0.8)))+'%');};`;
  return shell(theme, body, script);
}

/** Every screen page, with its family name (one family per page kind and theme). */
export function screenPages(): ScreenPage[] {
  return [
    { family: 'html-article-light', html: article('light') },
    { family: 'html-article-dark', html: article('dark') },
    { family: 'html-code-dark', html: code('dark', 'src/pipeline/probe.ts') },
    { family: 'html-code-light', html: code('light', 'src/router/types.ts') },
    { family: 'html-table-light', html: table('light', 3) },
    { family: 'html-table-dark', html: table('dark', 4) },
    { family: 'html-slides-light', html: slides('light', 5) },
    { family: 'html-slides-dark', html: slides('dark', 6) },
    { family: 'html-form-light', html: form('light') },
    { family: 'html-form-dark', html: form('dark') },
    { family: 'html-dashboard-light', html: dashboard('light', 7) },
    { family: 'html-dashboard-dark', html: dashboard('dark', 8) },
  ];
}
