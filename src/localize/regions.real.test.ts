/**
 * Regional events end to end on real footage: a clip made at test time from a real camera clip with a
 * Gaussian blur over a known rectangle for a known span, analysed by the whole pipeline in Node.
 * Skips, with a note, when the shared footage is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeFileInNode } from '../testing/node-engine.ts';
import type { Region } from '../report/types.ts';

const FOOTAGE = join(import.meta.dirname, '../../../shared/data/footage');
const SOURCE = join(FOOTAGE, 'natural_courtyard_woman_dog_720p.mp4');
const present = existsSync(SOURCE);
if (!present) console.log(`regions.real.test: ${SOURCE} is absent; skipping the real-footage region checks`);

function iou(a: Region, b: Region): number {
  const w = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const h = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = w * h;
  return inter / (a.w * a.h + b.w * b.h - inter);
}

function spanIou(a: { startS: number; endS: number }, b: { startS: number; endS: number }): number {
  const inter = Math.max(0, Math.min(a.endS, b.endS) - Math.max(a.startS, b.startS));
  return inter / (Math.max(a.endS, b.endS) - Math.min(a.startS, b.startS));
}

describe.skipIf(!present)('regional events on real footage', () => {
  const dir = present ? mkdtempSync(join(tmpdir(), 'qrouter-regions-')) : '';
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds a Gaussian blur over 36 % of the frame as a blur event with its region', async () => {
    // 640x360 from 0.5 s, blur σ 4 over x 0.2–0.8, y 0.2–0.8 from 1 s to 3 s.
    const clip = join(dir, 'local-blur.mp4');
    const graph = "[0:v]scale=640:360:flags=area,setsar=1,split[a][b];[b]crop=384:216:128:72,gblur=sigma=4[g];[a][g]overlay=128:72:enable='between(t,1,3)'[v]";
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-ss', '0.5', '-i', SOURCE, '-t', '4', '-filter_complex', graph, '-map', '[v]', '-c:v', 'libx264', '-crf', '16', '-preset', 'fast', '-threads', '1', '-an', clip]);
    const report = await analyzeFileInNode(clip, { tier: 1 });
    const truth = { startS: 1, endS: 3, region: { x: 0.2, y: 0.2, w: 0.6, h: 0.6 } };
    const blur = report.artifacts.filter((a) => a.type === 'blur');
    const hit = blur.find((a) => spanIou(a, truth) >= 0.3);
    expect(hit, JSON.stringify(report.artifacts)).toBeDefined();
    expect(hit!.region, JSON.stringify(hit)).toBeDefined();
    expect(iou(hit!.region!, truth.region)).toBeGreaterThanOrEqual(0.5);
    // Nothing blurred before the blur starts.
    expect(blur.filter((a) => a.endS < 0.9)).toEqual([]);
  }, 240_000);
});
