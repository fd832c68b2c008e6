/**
 * Banding against blocking on clips made at test time from real footage: a graded sky quantised in
 * steps (banding) and a starved MPEG-2 encode whose flat blocks also show steps (blocking, not
 * banding). Skips, with a note, when the shared footage is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertRange } from '../../frames/frame-planes.ts';
import { asYuv, metaOf, runOn, type Plane } from '../../testing/expert-harness.ts';
import { readPlanes } from '../../testing/media.ts';

const FOOTAGE = join(import.meta.dirname, '../../../../shared/data/footage');
const SKY = join(FOOTAGE, 'natural_outdoor_airplane_field_handheld.mp4');
const COURTYARD = join(FOOTAGE, 'natural_courtyard_woman_dog_720p.mp4');
const present = existsSync(SKY) && existsSync(COURTYARD);
if (!present) console.log(`banding.real.test: ${FOOTAGE} is absent; skipping the real-footage banding checks`);

const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
const X264 = ['-c:v', 'libx264', '-crf', '16', '-preset', 'fast', '-threads', '1', '-an'];

/** Three frames of a clip (15, 30, 45: past the first I-frame) as the pipeline sees them: video-range Y converted to full range. */
function framesOf(path: string): Plane[] {
  return readPlanes(path, { filter: "select='gte(n\\,15)*not(mod(n\\,15))'", frames: 3 }).map((p) => ({ ...p, data: convertRange(p.data, 'limited', 'full') }));
}

/** The expert reads the `yuv` plane; these tests give it luma with neutral chroma. */
const runBanding = (planes: Plane[]) => runOn('banding', planes.map(asYuv));

const median = (v: Float32Array) => [...v].sort((a, b) => a - b)[v.length >> 1]!;

describe.skipIf(!present)('banding and blocking on real footage', () => {
  const dir = present ? mkdtempSync(join(tmpdir(), 'qrouter-banding-')) : '';
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sees banding in a real sky quantised in steps of 10, not in the clean sky', async () => {
    const base = join(dir, 'sky.mp4');
    const banded = join(dir, 'sky-banded.mp4');
    ffmpeg(['-ss', '0.5', '-i', SKY, '-t', '2', '-vf', 'scale=640:360:flags=area,setsar=1', ...X264, base]);
    const q = "lutyuv=y='floor(val/10)*10+5':u='floor(val/5)*5':v='floor(val/5)*5'";
    ffmpeg(['-i', base, '-filter_complex', `[0:v]split[a][b];[b]crop=640:216:0:0,gblur=sigma=1.5,${q}[g];[a][g]overlay=0:0[v]`, '-map', '[v]', ...X264, banded]);
    const t = metaOf('banding').threshold!;
    expect(median((await runBanding(framesOf(base))).score)).toBeLessThan(t / 2);
    expect(median((await runBanding(framesOf(banded))).score)).toBeGreaterThan(t);
  });

  it('reads the flat blocks of MPEG-2 at 250 kbit/s as blocking, not banding', async () => {
    const mpeg2 = join(dir, 'starved.mpg');
    const back = join(dir, 'starved.mp4');
    ffmpeg(['-ss', '0.5', '-i', COURTYARD, '-t', '2', '-vf', 'scale=640:360:flags=area,setsar=1', '-c:v', 'mpeg2video', '-b:v', '250k', '-maxrate', '250k', '-bufsize', '250k', '-g', '12', '-an', mpeg2]);
    ffmpeg(['-i', mpeg2, '-c:v', 'libx264', '-crf', '12', '-preset', 'fast', '-threads', '1', back]);
    const planes = framesOf(back);
    expect(median((await runOn('blocking', planes)).score)).toBeGreaterThan(metaOf('blocking').threshold!);
    expect(median((await runBanding(planes)).score)).toBeLessThan(metaOf('banding').threshold!);
  });
});
