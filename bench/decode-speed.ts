/**
 * Decoding speed of the two decoders on the same content, in one run: the same H.264 stream in MP4
 * (mediabunny + WebCodecs) and in AVI (a container mediabunny lacks, so ffmpeg.wasm decodes it), at
 * 360p and 720p, timed in the analysis worker (`measureDecode`: open + decode + pixel copy; the
 * ffmpeg.wasm figure includes loading its core). Then tier 1 end to end on the 360p AVI, against the
 * clip's duration: the real-time factor with the single-thread ffmpeg.wasm build.
 *
 *   tsx bench/decode-speed.ts [--runs 2] [--seconds 10] [--out bench/out/decode-speed.json]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, analyzeTimed, decodeTimed, openBenchApp, browserVersion } from './lib/app.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '2' },
    seconds: { type: 'string', default: '10' },
    out: { type: 'string', default: join(ROOT, 'bench/out/decode-speed.json') },
  },
});
const runs = Number(values.runs);
const seconds = Number(values.seconds);
const CLIPS = join(ROOT, 'bench/clips/decode-g60');
mkdirSync(CLIPS, { recursive: true });

/** Makes `<h>p.mp4` (H.264) and `<h>p.avi` (the same stream, copied) once. */
function clips(w: number, h: number): { mp4: string; avi: string } {
  const mp4 = join(CLIPS, `${h}p-${seconds}s.mp4`);
  const avi = join(CLIPS, `${h}p-${seconds}s.avi`);
  const ff = ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'];
  if (!existsSync(mp4)) {
    // A keyframe every 2 s, as cameras and phones record (x264's default of 250 frames would make
    // every ffmpeg.wasm chunk after the first re-decode from a keyframe seconds back).
    execFileSync('ffmpeg', [...ff, '-f', 'lavfi', '-i', `testsrc2=s=${w}x${h}:r=30:d=${seconds}`, '-c:v', 'libx264', '-preset', 'medium', '-crf', '20', '-g', '60', '-pix_fmt', 'yuv420p', '-x264-params', 'threads=1', mp4]);
  }
  if (!existsSync(avi)) execFileSync('ffmpeg', [...ff, '-i', mp4, '-c', 'copy', '-bsf:v', 'h264_mp4toannexb', avi]);
  return { mp4, avi };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const app = await openBenchApp();
const browser = browserVersion(app);
const rows: Record<string, unknown>[] = [];
let realtime: Record<string, unknown> | undefined;
try {
  for (const [w, h] of [[640, 360], [1280, 720]] as const) {
    const { mp4, avi } = clips(w, h);
    const wc: number[] = [];
    const ff: number[] = [];
    let frames = 0;
    for (let i = 0; i < runs; i++) {
      const a = await decodeTimed(app, mp4);
      const b = await decodeTimed(app, avi);
      frames = a.frames;
      if (b.frames < a.frames * 0.98) throw new Error(`ffmpeg.wasm decoded ${b.frames} of ${a.frames} frames of ${avi}`);
      wc.push(a.frames / (a.ms / 1000));
      ff.push(b.frames / (b.ms / 1000));
    }
    const row = { clip: `${h}p`, frames, webcodecsFps: Math.round(median(wc)), ffmpegWasmFps: Math.round(median(ff)), ratio: +(median(ff) / median(wc)).toFixed(3), runs };
    rows.push(row);
    console.log(`decode ${h}p: WebCodecs ${row.webcodecsFps} fps, ffmpeg.wasm ${row.ffmpegWasmFps} fps (ratio ${row.ratio}), ${frames} frames, median of ${runs}`);
  }
  const { avi, mp4 } = clips(640, 360);
  const viaFfmpeg = await analyzeTimed(app, avi, 1);
  const viaWc = await analyzeTimed(app, mp4, 1);
  realtime = {
    clip: '360p',
    durationS: seconds,
    ffmpegWasm: { wallMs: Math.round(viaFfmpeg.wallMs), decoder: viaFfmpeg.report.input.decoder, realTimeFactor: +((seconds * 1000) / viaFfmpeg.wallMs).toFixed(2), score: viaFfmpeg.report.score },
    webcodecs: { wallMs: Math.round(viaWc.wallMs), decoder: viaWc.report.input.decoder, realTimeFactor: +((seconds * 1000) / viaWc.wallMs).toFixed(2), score: viaWc.report.score },
  };
  console.log(
    `tier 1, ${seconds} s 360p: ffmpeg.wasm ${Math.round(viaFfmpeg.wallMs)} ms (${(realtime.ffmpegWasm as { realTimeFactor: number }).realTimeFactor}x real time), WebCodecs ${Math.round(viaWc.wallMs)} ms`,
  );
} finally {
  await app.close();
}
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, `${JSON.stringify({ browser, decode: rows, tier1: realtime }, null, 2)}\n`);
