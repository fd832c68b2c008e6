/**
 * The player, its overlay and the timeline, end to end on regional.mp4 (combing in the box
 * x 320..512, y 64..256 of the 640×360 frame, from 2.5 s to 3.5 s): the overlay is drawn inside that
 * box during the event and nowhere else; clicking the event (on its track, or in the list) seeks the
 * video to within one frame of its start; the keys step between events; the exports work.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeViaUi, fixture, openAppSession, type AppSession, type UiOutcome } from './helpers.ts';
import { validateReport } from '../src/report/validate.ts';

/** The box drawn into the fixture, in pixels of the 640×360 frame. */
const BOX = { x0: 320, y0: 64, x1: 512, y1: 256 };
/**
 * Slack around it: one 32-px patch, the resolution of the expert's map (a patch that touches the
 * box's edge may see the combing through the expert's neighbourhood filters).
 */
const SLACK = 32;
const TYPE = 'interlacing';

describe('viewer: overlay, timeline and seeking on a clip with a known regional artifact', () => {
  let app: AppSession;
  let out: UiOutcome;

  before(async () => {
    fixture('regional.mp4');
    app = await openAppSession();
    out = await analyzeViaUi(app.page, fixture('regional.mp4'), 1);
  });
  after(async () => {
    await app?.close();
  });

  const event = () => {
    const e = out.report?.artifacts.find((a) => a.type === TYPE);
    assert.ok(e, `an ${TYPE} event: ${JSON.stringify(out.report?.artifacts)}`);
    return e;
  };

  it('finds the event at the right time, with its region, and ships the detail document', () => {
    assert.equal(out.state, 'done', `${out.error?.code} ${out.error?.message}`);
    assert.deepEqual(validateReport(out.report), []);
    const e = event();
    assert.ok(e.startS >= 2.4 && e.startS <= 2.9, `starts at ${e.startS}`);
    assert.ok(e.endS >= 3.3 && e.endS <= 3.7, `ends at ${e.endS}`);
    assert.ok(e.region, 'has a region');
    assert.ok(out.report?.detail?.experts.some((x) => x.artifact === TYPE && (x.maps?.frames.length ?? 0) > 0), `${TYPE} maps in the detail`);
  });

  it('clicking the event on its track seeks the video to within one frame of its start', async () => {
    const { page } = app;
    const e = event();
    await page.click(`#timeline .ev[data-type="${TYPE}"]`);
    await waitSeeked(page);
    const t = await page.evaluate(() => document.querySelector('qrouter-analyzer')!.viewer!.video.currentTime);
    assert.ok(Math.abs(t - e.startS) <= 1 / 30 + 1e-3, `video at ${t} s, event starts at ${e.startS} s`);
  });

  it('clicking the event in the list seeks there too, and ] / [ step between events', async () => {
    const { page } = app;
    const e = event();
    await seek(page, 0.2);
    await page.click(`#artifacts tr[data-type="${TYPE}"] .seek`);
    await waitSeeked(page);
    let t = await videoTime(page);
    assert.ok(Math.abs(t - e.startS) <= 1 / 30 + 1e-3, `list seek: video at ${t} s, event at ${e.startS} s`);
    await seek(page, 0.1);
    const first = Math.min(...out.report!.artifacts.map((a) => a.startS));
    await page.focus('#play');
    await page.keyboard.press(']');
    await waitSeeked(page);
    t = await videoTime(page);
    assert.ok(Math.abs(t - first) <= 1 / 30 + 1e-3, `] went to ${t} s, first event at ${first} s`);
  });

  it('draws the overlay inside the region during the event and nowhere outside it', async () => {
    const { page } = app;
    const e = event();
    await seek(page, (e.startS + e.endS) / 2);
    const px = await overlayPixels(page);
    assert.equal(px.width, 640);
    assert.equal(px.height, 360);
    let inBox = 0;
    let outside = 0;
    for (let y = 0; y < px.height; y++)
      for (let x = 0; x < px.width; x++) {
        if (px.alpha[y * px.width + x]! === 0) continue;
        if (x >= BOX.x0 && x < BOX.x1 && y >= BOX.y0 && y < BOX.y1) inBox++;
        else if (!(x >= BOX.x0 - SLACK && x < BOX.x1 + SLACK && y >= BOX.y0 - SLACK && y < BOX.y1 + SLACK)) outside++;
      }
    const area = (BOX.x1 - BOX.x0) * (BOX.y1 - BOX.y0);
    assert.ok(inBox >= 0.6 * area, `overlay covers ${inBox} px of the ${area}-px box`);
    assert.equal(outside, 0, `${outside} overlay pixels farther than one patch from the box`);
  });

  it('draws nothing of that type before the event, and hides it when its toggle is off', async () => {
    const { page } = app;
    const e = event();
    await seek(page, e.startS - 0.4);
    const before = await overlayPixels(page);
    const inBox = (px: typeof before) => {
      let n = 0;
      for (let y = BOX.y0; y < BOX.y1; y++) for (let x = BOX.x0; x < BOX.x1; x++) if (px.alpha[y * px.width + x]! > 0) n++;
      return n;
    };
    assert.equal(inBox(before), 0, 'nothing drawn in the box before the event');
    await seek(page, (e.startS + e.endS) / 2);
    await page.click(`input[data-type="${TYPE}"]`);
    const off = await overlayPixels(page);
    assert.equal(off.alpha.filter((a) => a > 0).length, 0, 'no overlay with the type switched off');
    await page.click(`input[data-type="${TYPE}"]`);
  });

  it('exports the events as CSV and the frame as a PNG', async () => {
    const { page } = app;
    const csv = page.waitForEvent('download');
    await page.click('#download-csv');
    const file = await csv;
    assert.equal(file.suggestedFilename(), 'regional.events.csv');
    const text = await streamText(await file.createReadStream());
    assert.match(text.split('\n')[0]!, /^type,start_s,end_s/);
    assert.ok(text.includes(`${TYPE},`), text);
    const png = page.waitForEvent('download');
    await page.click('#download-png');
    const img = await png;
    assert.match(img.suggestedFilename(), /^regional\.\d+\.\d{3}s\.png$/);
    const bytes = Buffer.from(await streamText(await img.createReadStream(), 'latin1'), 'latin1');
    assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  });

  it('logged no page error', () => {
    assert.deepEqual(app.pageErrors, []);
  });
});

type Page = AppSession['page'];

async function videoTime(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('qrouter-analyzer')!.viewer!.video.currentTime);
}

async function waitSeeked(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const v = document.querySelector('qrouter-analyzer')!.viewer!.video;
    return !v.seeking && v.readyState >= 2;
  });
}

async function seek(page: Page, t: number): Promise<void> {
  await page.evaluate((time) => document.querySelector('qrouter-analyzer')!.viewer!.seek(time), t);
  await waitSeeked(page);
}

async function overlayPixels(page: Page): Promise<{ width: number; height: number; alpha: Uint8Array }> {
  const { width, height, b64 } = await page.evaluate(() => {
    const c = document.querySelector('qrouter-analyzer')!.viewer!.overlay;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    // The alpha channel as base64: far cheaper to carry out of the page than a number array.
    let bin = '';
    for (let i = 3; i < d.length; i += 4) bin += String.fromCharCode(d[i]!);
    return { width: c.width, height: c.height, b64: btoa(bin) };
  });
  return { width, height, alpha: new Uint8Array(Buffer.from(b64, 'base64')) };
}

async function streamText(stream: NodeJS.ReadableStream, encoding: BufferEncoding = 'utf8'): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString(encoding);
}
