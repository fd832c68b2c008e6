/**
 * Temporal artifacts on real footage, end to end: clips made at test time with ffmpeg from a real
 * camera clip and a real photo (../shared/data beside the checkout), analysed by the whole pipeline in
 * Node (src/testing/node-engine.ts), and the report's events checked: one cause gives one event of
 * one type. A pan that advances every other frame and cadence holds are stutter, a long hold is a
 * freeze, a 1.5-s flicker is one event, a black segment is black only, a steady slow pan is motion.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportArtifact } from '../report/types.ts';
import { analyzeFileInNode } from '../testing/node-engine.ts';

const SHARED = resolve(import.meta.dirname, '../../../shared/data');
const CAMERA = join(SHARED, 'footage/natural_courtyard_woman_dog_720p.mp4');
const PHOTO = join(SHARED, 'images/flower.png');
const available = existsSync(CAMERA) && existsSync(PHOTO);
if (!available) console.log(`temporal-events.test: ${SHARED} not found, real-footage event tests skipped`);

const TEMPORAL = ['freeze', 'stutter', 'flicker', 'black'];
const dir = mkdtempSync(join(tmpdir(), 'qr-temporal-'));
const ENC = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '16', '-pix_fmt', 'yuv420p', '-an', '-r', '30', '-frames:v', '150'];
const on = (a: number, b: number) => `enable='between(t,${a},${b - 0.001})'`;

function ffmpeg(args: string[]): void {
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', ...args]);
}

/** 5 s of the camera clip at 640x360, 30 fps, through `filter` (from [0:v] to [v]). */
function fromCamera(name: string, filter: string): string {
  const out = join(dir, `${name}.mp4`);
  ffmpeg(['-ss', '0.5', '-i', CAMERA, '-filter_complex', `[0:v]setpts=N/(30*TB),scale=640:360:flags=area[s];${filter.replace('[0:v]', '[s]')}`, '-map', '[v]', ...ENC, out]);
  return out;
}

/** A 640x360 pan over the photo; `x` is the crop offset as an expression of the frame number n. */
function pan(name: string, x: string): string {
  const still = join(dir, 'photo-540.png');
  if (!existsSync(still)) ffmpeg(['-i', PHOTO, '-vf', 'scale=-2:540:flags=area', still]);
  const out = join(dir, `${name}.mp4`);
  // Cropped in RGB with exact offsets, so odd offsets are kept (4:2:0 would round them to even).
  ffmpeg(['-loop', '1', '-framerate', '30', '-i', still, '-vf', `format=rgb24,crop=640:360:${x}:90:exact=1,setsar=1`, ...ENC, out]);
  return out;
}

async function temporalEvents(path: string, tier: 0 | 1 | 2 = 1): Promise<ReportArtifact[]> {
  const report = await analyzeFileInNode(path, { tier });
  return report.artifacts.filter((a) => TEMPORAL.includes(a.type));
}

const overlap = (a: { startS: number; endS: number }, s: number, e: number) => Math.max(0, Math.min(a.endS, e) - Math.max(a.startS, s));
const iou = (a: { startS: number; endS: number }, s: number, e: number) => overlap(a, s, e) / (Math.max(a.endS, e) - Math.min(a.startS, s));
const show = (ev: ReportArtifact[]) => ev.map((e) => `${e.type}@${e.startS}-${e.endS}`).join(' ') || 'none';

describe.skipIf(!available)('temporal events on real footage', () => {
  it('reads a pan that advances every other frame as one stutter event and no freeze', async () => {
    const ev = await temporalEvents(pan('repeat-pan', '2*floor(n/2)'));
    expect(ev.map((e) => e.type), show(ev)).toEqual(['stutter']);
    expect(ev[0]!.endS - ev[0]!.startS, show(ev)).toBeGreaterThan(4);
  }, 240_000);

  it('reads a steady 1 px/frame pan as motion at tiers 0 and 1', async () => {
    const clip = pan('slow-pan', 'n');
    for (const tier of [0, 1] as const) expect(show(await temporalEvents(clip, tier)), `tier ${tier}`).toBe('none');
  }, 360_000);

  it('reads cadence holds of 3 frames on camera footage as one stutter event over their span', async () => {
    const ev = await temporalEvents(fromCamera('hold3', `[0:v]split[a][b];[b]framestep=3,fps=30[c];[a][c]overlay=0:0:${on(1.5, 4)}[v]`));
    expect(ev.map((e) => e.type), show(ev)).toEqual(['stutter']);
    expect(iou(ev[0]!, 1.5, 4), show(ev)).toBeGreaterThan(0.6);
  }, 240_000);

  it('reads a 2-s hold as one freeze', async () => {
    const ev = await temporalEvents(fromCamera('hold', `[0:v]split[a][b];[a][b]freezeframes=first=45:last=104:replace=44[v]`));
    expect(ev.map((e) => e.type), show(ev)).toEqual(['freeze']);
    expect(iou(ev[0]!, 1.5, 3.5), show(ev)).toBeGreaterThan(0.8);
  }, 240_000);

  it('reads a 1.5-s flicker as one flicker event', async () => {
    const ev = await temporalEvents(fromCamera('flicker', `[0:v]eq=brightness='0.08*mod(n,2)-0.04':eval=frame:${on(2, 3.5)}[v]`));
    expect(ev.map((e) => e.type), show(ev)).toEqual(['flicker']);
    expect(iou(ev[0]!, 2, 3.5), show(ev)).toBeGreaterThan(0.8);
  }, 240_000);

  it('reads a 1-s black segment as black only: no blur, exposure or motion event over it', async () => {
    const report = await analyzeFileInNode(fromCamera('black', `[0:v]drawbox=x=0:y=0:w=iw:h=ih:color=black:t=fill:${on(2, 3)}[v]`), { tier: 1 });
    const over = report.artifacts.filter((a) => overlap(a, 2, 3) > 0);
    expect(show(over)).toMatch(/^black@/);
    expect(over.length, show(over)).toBe(1);
    expect(iou(over[0]!, 2, 3), show(over)).toBeGreaterThan(0.8);
  }, 240_000);
});
