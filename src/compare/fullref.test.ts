/**
 * The full-reference model against ffmpeg's own `psnr` and `ssim` filters on pairs of encodes of one
 * source (e2e/fixtures/gen/crf18.mp4 and crf40.mp4, made by scripts/make-fixtures.sh; an odd-sized
 * 4:4:4 pair; the real-camera cup pair when present): the model built from model.ts, run through
 * onnxruntime in this thread, frames decoded by the ffmpeg CLI.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openFfmpegFrameSource } from '../testing/ffmpeg-frame-source.ts';
import { ffmpegFullRef, mean, spearman } from '../testing/ffmpeg-fullref.ts';
import { createSession, type ModelSession } from '../inference/ort.ts';
import { measureFullRef, planFullRef, psnrOf } from './fullref.ts';
import { buildModel } from './model.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const GEN = join(ROOT, 'e2e/fixtures/gen');

function gen(name: string): string {
  const path = join(GEN, name);
  if (!existsSync(path)) execFileSync('bash', [join(ROOT, 'scripts/make-fixtures.sh')], { stdio: 'inherit' });
  return path;
}

/** Pairs checked against ffmpeg: [label, A, B]; B made on the fly where a fixture has no partner. */
function pairs(): [string, string, string, boolean][] {
  const list: [string, string, string, boolean][] = [['CRF 18 vs CRF 40, 640x360 4:2:0, 60 frames', gen('crf18.mp4'), gen('crf40.mp4'), true]];
  // An odd size (not a multiple of 4): the windows' edges. Luma only: the Node frame source hands out
  // 4:2:0, while ffmpeg's filters see this file's 4:4:4 chroma.
  const odd = gen('odd321.mp4');
  const oddB = join(mkdtempSync(join(tmpdir(), 'qrouter-fullref-')), 'odd321-crf35.mp4');
  execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', odd, '-c:v', 'libx264', '-preset', 'fast', '-pix_fmt', 'yuv444p', '-crf', '35', '-x264-params', 'threads=1', oddB]);
  list.push(['321x241 vs its CRF 35 re-encode, 30 frames', odd, oddB, false]);
  // Real camera content, when the shared clip it is made from is present.
  const cup = [join(ROOT, 'e2e/fixtures/cup-crf18.mp4'), join(ROOT, 'e2e/fixtures/cup-crf45.mp4')] as const;
  if (existsSync(cup[0]) && existsSync(cup[1])) list.push(['real camera (cup) CRF 18 vs CRF 45, 640x480, 217 frames', cup[0], cup[1], true]);
  else console.log('fullref: e2e/fixtures/cup-*.mp4 are absent (made from ../shared/data/videos/cup.mp4); that pair is not checked');
  return list;
}

describe('full-reference PSNR and SSIM against ffmpeg', () => {
  let session: ModelSession;
  const cases = pairs();

  beforeAll(async () => {
    session = await createSession('fullref', buildModel(), 'wasm');
  });

  it.each(cases)('%s: mean PSNR within 0.1 dB, mean SSIM within 0.005, per-frame Spearman ≥ 0.95', async (label, a, b, chroma) => {
    const ours = await measureFullRef(openFfmpegFrameSource(a), openFfmpegFrameSource(b), session);
    const ref = ffmpegFullRef(a, b);
    expect(ours.frames.length).toBe(ref.psnrY.length);
    expect(ours.downscaled).toBe(false);
    expect(ours.unpaired).toBe(0);
    const psnr = ours.frames.map((f) => f.psnrY);
    const ssim = ours.frames.map((f) => f.ssimY);
    const dPsnr = Math.abs(ours.mean.psnrY - mean(ref.psnrY));
    const dSsim = Math.abs(ours.mean.ssimY - mean(ref.ssimY));
    const dAvg = Math.abs(ours.mean.psnrAvg! - mean(ref.psnrAvg));
    const dAll = Math.abs(ours.mean.ssimAll! - mean(ref.ssimAll));
    const rhoP = spearman(psnr, ref.psnrY);
    const rhoS = spearman(ssim, ref.ssimY);
    const worstP = Math.max(...psnr.map((v, i) => Math.abs(v - ref.psnrY[i]!)));
    const worstS = Math.max(...ssim.map((v, i) => Math.abs(v - ref.ssimY[i]!)));
    console.log(
      `fullref vs ffmpeg, ${label}: PSNR-Y ${ours.mean.psnrY.toFixed(4)} vs ${mean(ref.psnrY).toFixed(4)} dB (|Δ| ${dPsnr.toExponential(2)}, worst frame ${worstP.toExponential(2)}, ρ ${rhoP.toFixed(4)}); ` +
        `SSIM-Y ${ours.mean.ssimY.toFixed(6)} vs ${mean(ref.ssimY).toFixed(6)} (|Δ| ${dSsim.toExponential(2)}, worst frame ${worstS.toExponential(2)}, ρ ${rhoS.toFixed(4)}); ` +
        `PSNR avg |Δ| ${dAvg.toExponential(2)}, SSIM All |Δ| ${dAll.toExponential(2)}; ${ours.ms.toFixed(0)} ms`,
    );
    expect(dPsnr).toBeLessThan(0.1);
    expect(dSsim).toBeLessThan(0.005);
    if (chroma) {
      expect(dAvg).toBeLessThan(0.1);
      expect(dAll).toBeLessThan(0.005);
    }
    expect(rhoP).toBeGreaterThanOrEqual(0.95);
    expect(rhoS).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('gives the cap for identical encodes and SSIM 1', async () => {
    const a = gen('crf18.mp4');
    const same = await measureFullRef(openFfmpegFrameSource(a), openFfmpegFrameSource(a), session);
    expect(same.mean.psnrY).toBe(psnrOf(0));
    expect(same.mean.ssimY).toBeCloseTo(1, 6);
  });
});

describe('planFullRef', () => {
  const base = { width: 640, height: 360, frameCount: 60, durationS: 2, fps: 30 };
  it('accepts equal sizes and counts, or durations within a frame', () => {
    expect(planFullRef(base, base)).toEqual({ ok: true, width: 640, height: 360, downscaled: false });
    expect(planFullRef(base, { ...base, frameCount: 61, durationS: 2.03 }).ok).toBe(true);
  });
  it('says why when sizes or frame counts differ', () => {
    const size = planFullRef(base, { ...base, width: 320, height: 180 });
    expect(size.ok).toBe(false);
    if (!size.ok) expect(size.reason).toMatch(/640×360.*320×180/);
    const count = planFullRef(base, { ...base, frameCount: 90, durationS: 3 });
    expect(count.ok).toBe(false);
    if (!count.ok) expect(count.reason).toMatch(/60 frames.*90/);
  });
  it('downscales above 1920x1080 and says so', () => {
    const big = { ...base, width: 3840, height: 2160 };
    expect(planFullRef(big, big)).toEqual({ ok: true, width: 1920, height: 1080, downscaled: true });
  });
});
