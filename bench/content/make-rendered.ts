/**
 * Makes the Chromium-rendered part of the content-type dataset into `bench/clips/content/`
 * (git-ignored): screen content (pages scrolled, typed into, slides changing), vector animation and
 * small games drawn on a canvas. Every frame is a function of its time, so the clips are the same on
 * every run; frames are screenshots piped into ffmpeg. Existing clips are kept.
 *
 *   npx tsx bench/content/make-rendered.ts
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../bin/lib/browser.mjs';
import { CLIPS_DIR } from './paths.ts';
import { CANVAS_SCENES, scenePage } from './render/canvas-scenes.ts';
import { LINE_SCENES } from './render/canvas-lines.ts';
import { MORE_SCENES } from './render/canvas-scenes-more.ts';
import { screenPages } from './render/screen-pages.ts';

interface Take {
  out: string;
  html: string;
  viewport: { width: number; height: number };
  fps: number;
  seconds: number;
}

async function record(browser: Browser, take: Take): Promise<void> {
  if (existsSync(take.out)) return;
  mkdirSync(dirname(take.out), { recursive: true });
  const page = await browser.newPage({ viewport: take.viewport });
  try {
    await page.setContent(take.html);
    const tmp = `${take.out}.part.mp4`;
    const ff = spawn('ffmpeg', ['-v', 'error', '-y', '-f', 'image2pipe', '-framerate', String(take.fps), '-i', '-', '-vf', 'scale=trunc(iw/2)*2:trunc(ih/2)*2', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '18', '-pix_fmt', 'yuv420p', tmp], { stdio: ['pipe', 'inherit', 'inherit'] });
    const done = new Promise<number>((res) => ff.on('close', (c) => res(c ?? 1)));
    const n = Math.round(take.fps * take.seconds);
    for (let i = 0; i < n; i++) {
      await page.evaluate((t) => (window as unknown as { step(t: number): void }).step(t), i / take.fps);
      const png = await page.screenshot({ type: 'png' });
      if (!ff.stdin.write(png)) await new Promise((r) => ff.stdin.once('drain', r));
    }
    ff.stdin.end();
    if ((await done) !== 0) throw new Error(`ffmpeg failed on ${take.out}`);
    const { renameSync } = await import('node:fs');
    renameSync(tmp, take.out);
    console.log(`made ${take.out}`);
  } finally {
    await page.close();
  }
}

/**
 * Greyscale and muted copies of a drawn cartoon: a cartoon is a cartoon in black and white too (old
 * rubber-hose shorts, line art, a snowy CG scene), and without them every animation the model saw was
 * strongly coloured, so it read colour itself as "animation". The larger variant becomes grey, the
 * smaller one muted (a third of its saturation); each copy keeps its source's family (`grey-`/`muted-`
 * prefix, see dataset.ts), so held-out evaluation never splits a cartoon from its copy.
 */
function desaturate(src: string, family: string, width: number, grey: boolean): void {
  const out = join(dirname(src), `${grey ? 'grey' : 'muted'}-${family}__${width}.mp4`);
  if (!existsSync(src) || existsSync(out)) return;
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', src, '-vf', grey ? 'hue=s=0' : 'hue=s=0.33', '-an', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '20', '-pix_fmt', 'yuv420p', out], { stdio: 'inherit' });
  console.log(`made ${out}`);
}

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
  { width: 800, height: 600 },
  { width: 1920, height: 1080 },
  { width: 960, height: 540 },
];

async function main(): Promise<void> {
  const browser = await launchBrowser({ headless: true });
  try {
    const pages = screenPages();
    for (let i = 0; i < pages.length; i++) {
      const p = pages[i]!;
      const viewport = VIEWPORTS[i % VIEWPORTS.length]!;
      await record(browser, { out: join(CLIPS_DIR, 'screen-content', `${p.family}__${viewport.width}.mp4`), html: p.html, viewport, fps: [10, 15, 30, 12][i % 4]!, seconds: [6, 5, 4, 6][i % 4]! });
    }
    const scenes = [...CANVAS_SCENES, ...MORE_SCENES, ...LINE_SCENES];
    for (let i = 0; i < scenes.length; i++) {
      const s = scenes[i]!;
      const native = s.type === 'animation' || s.smooth;
      const big = native ? { width: s.w, height: s.h } : { width: s.w * 3, height: s.h * 3 };
      const small = native ? { width: Math.round(s.w / 2), height: Math.round(s.h / 2) } : { width: s.w * 2, height: s.h * 2 };
      for (const [k, viewport] of [big, small].entries()) {
        const out = join(CLIPS_DIR, s.type, `${s.family}__${viewport.width}.mp4`);
        await record(browser, { out, html: scenePage(s), viewport, fps: [30, 24, 20, 25][(i + k) % 4]!, seconds: k ? 4 : 5 });
        // The first scenes' cartoons (not the line art, which has little colour to take away).
        if (s.type === 'animation' && !LINE_SCENES.includes(s)) desaturate(out, s.family, viewport.width, k === 0);
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
