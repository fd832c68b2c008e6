/**
 * The player when Chromium's `<video>` cannot play the file: gen/mpeg4.avi (MPEG-4 Part 2 in AVI,
 * analysed with ffmpeg.wasm) shows the frame at the current time, decoded by the project's decoder
 * and drawn under the overlay. Checked by pixels against ffmpeg's own decode of the same frames:
 * the picture is not blank, each seek shows its own frame, and the two times differ as the source does.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES, analyzeViaUi, fixture, openAppSession, type AppSession, type UiOutcome } from './helpers.ts';

const FPS = 30;
/** Two times well inside frames 10 and 45 (a pan of 0.9 px and 1.5 px per frame: 31 and 52 px apart). */
const TIMES = [0.35, 1.52];

type Page = AppSession['page'];

/** ffmpeg's RGBA of frame `n` of `file`. */
function ffmpegFrame(file: string, n: number): Uint8Array {
  const r = spawnSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-i', file, '-vf', `select=eq(n\\,${n})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', '-'], { maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  return new Uint8Array(r.stdout);
}

/** Mean absolute difference of the RGB channels of two RGBA images of the same size. */
function meanAbsDiff(a: Uint8Array, b: Uint8Array): number {
  assert.equal(a.length, b.length);
  let sum = 0;
  for (let i = 0; i < a.length; i += 4) sum += Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!);
  return sum / ((a.length / 4) * 3);
}

function stdev(a: Uint8Array): number {
  let s = 0;
  let s2 = 0;
  const n = a.length / 4;
  for (let i = 0; i < a.length; i += 4) {
    const l = (a[i]! + a[i + 1]! + a[i + 2]!) / 3;
    s += l;
    s2 += l * l;
  }
  return Math.sqrt(Math.max(0, s2 / n - (s / n) ** 2));
}

/** Seeks the player to `t`, waits until the frame for `t` is drawn, and reads the picture canvas. */
async function frameAt(page: Page, t: number): Promise<{ width: number; height: number; frameT: number; rgba: Uint8Array }> {
  await page.evaluate((time) => document.querySelector('qrouter-analyzer')!.viewer!.seek(time), t);
  await page.waitForFunction((time) => document.querySelector('qrouter-analyzer')!.viewer!.frame?.dataset.t === String(time), t, { timeout: 30_000 });
  const out = await page.evaluate(() => {
    const c = document.querySelector('qrouter-analyzer')!.viewer!.frame!;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let bin = '';
    for (let i = 0; i < d.length; i++) bin += String.fromCharCode(d[i]!);
    return { width: c.width, height: c.height, frameT: Number(c.dataset.frameT), b64: btoa(bin) };
  });
  return { width: out.width, height: out.height, frameT: out.frameT, rgba: new Uint8Array(Buffer.from(out.b64, 'base64')) };
}

describe('viewer: decoded frames when <video> cannot play the file', () => {
  let app: AppSession;
  let out: UiOutcome;
  const file = () => {
    fixture('clean.mp4'); // makes every fixture when missing
    return join(FIXTURES, 'gen', 'mpeg4.avi');
  };

  before(async () => {
    app = await openAppSession();
    out = await analyzeViaUi(app.page, file(), 0);
  });
  after(async () => {
    await app?.close();
  });

  it('analyses the AVI with ffmpeg.wasm and finds that <video> cannot play it', async () => {
    assert.equal(out.state, 'done', `${out.error?.code} ${out.error?.message}`);
    assert.equal(out.report!.input.decoder, 'ffmpeg.wasm');
    await app.page.waitForFunction(() => !!document.querySelector('qrouter-analyzer')!.viewer!.frame, null, { timeout: 30_000 });
    assert.equal(await app.page.evaluate(() => document.querySelector('qrouter-analyzer')!.viewer!.video.hidden), true);
  });

  it('draws the frame at each seeked time, matching ffmpeg’s decode of that frame and not the other', async () => {
    const { page } = app;
    const shown = [];
    for (const t of TIMES) shown.push(await frameAt(page, t));
    const refs = TIMES.map((t) => ffmpegFrame(file(), Math.floor(t * FPS)));
    for (const [k, s] of shown.entries()) {
      assert.equal(s.width, 640);
      assert.equal(s.height, 360);
      assert.ok(stdev(s.rgba) > 20, `the picture at ${TIMES[k]} s is not blank (luma spread ${stdev(s.rgba).toFixed(1)})`);
    }
    const same = shown.map((s, k) => meanAbsDiff(s.rgba, refs[k]!));
    const crossed = shown.map((s, k) => meanAbsDiff(s.rgba, refs[1 - k]!));
    const between = meanAbsDiff(shown[0]!.rgba, shown[1]!.rgba);
    const source = meanAbsDiff(refs[0]!, refs[1]!);
    console.log(`# canvas vs ffmpeg, same frame: ${same.map((v) => v.toFixed(2)).join(', ')}; other frame: ${crossed.map((v) => v.toFixed(2)).join(', ')}; between the two times: canvas ${between.toFixed(2)}, source ${source.toFixed(2)}`);
    for (const [k, d] of same.entries()) {
      assert.ok(d < 3, `frame at ${TIMES[k]} s differs from ffmpeg's by ${d.toFixed(2)} per channel`);
      assert.ok(crossed[k]! > 3 * d, `frame at ${TIMES[k]} s is closer to its own time (${d.toFixed(2)}) than to the other (${crossed[k]!.toFixed(2)})`);
    }
    assert.ok(Math.abs(between - source) < 0.15 * source, `the two times differ by ${between.toFixed(2)} on the canvas, ${source.toFixed(2)} in the source`);
  });

  it('a frame step shows the next frame', async () => {
    const { page } = app;
    const before = await frameAt(page, TIMES[0]!);
    await page.click('#frame-forward');
    await page.waitForFunction(() => {
      const v = document.querySelector('qrouter-analyzer')!.viewer!;
      return v.frame?.dataset.t === String(v.time);
    }, null, { timeout: 30_000 });
    const t = await page.evaluate(() => document.querySelector('qrouter-analyzer')!.viewer!.time);
    const after = await frameAt(page, t);
    const n = Math.floor(TIMES[0]! * FPS);
    const toNext = meanAbsDiff(after.rgba, ffmpegFrame(file(), n + 1));
    const toSame = meanAbsDiff(after.rgba, ffmpegFrame(file(), n));
    console.log(`# step from ${TIMES[0]} s to ${t.toFixed(3)} s: canvas vs frame ${n + 1} ${toNext.toFixed(2)}, vs frame ${n} ${toSame.toFixed(2)}; frame times ${before.frameT}, ${after.frameT}`);
    assert.ok(toNext < 3 && toSame > 2 * toNext, 'after the step the canvas shows the next frame');
  });

  it('the PNG export carries the decoded picture', async () => {
    const spread = await app.page.evaluate(async () => {
      const png = await document.querySelector('qrouter-analyzer')!.viewer!.snapshot();
      const img = await createImageBitmap(png);
      const c = new OffscreenCanvas(img.width, img.height);
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, img.width, img.height).data;
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < d.length; i += 4) {
        const l = (d[i]! + d[i + 1]! + d[i + 2]!) / 3;
        s += l;
        s2 += l * l;
      }
      const n = d.length / 4;
      return Math.sqrt(s2 / n - (s / n) ** 2);
    });
    assert.ok(spread > 20, `the exported frame is not blank (luma spread ${spread.toFixed(1)})`);
  });

  it('logged no page error', () => {
    assert.deepEqual(app.pageErrors, []);
  });
});
