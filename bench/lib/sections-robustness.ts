/**
 * RESULTS.md sections for the decoders (ffmpeg.wasm beside WebCodecs), the fuzz run, the viewer's
 * overlay draw time and the question answerer.
 */
import type { FuzzSummary } from '../../e2e/lib/fuzz.ts';
import { table } from './md.ts';
import type { Section } from './sections-perf.ts';
import { fmt } from './stats.ts';

interface DecodeSpeed {
  decode: { clip: string; frames: number; webcodecsFps: number; ffmpegWasmFps: number; ratio: number; runs: number }[];
  tier1?: { clip: string; durationS: number; ffmpegWasm: { wallMs: number; realTimeFactor: number; score: number }; webcodecs: { wallMs: number; realTimeFactor: number; score: number } };
}

/** ffmpeg.wasm against WebCodecs on the same streams. */
export function decodeSection(d?: DecodeSpeed): Section {
  if (!d) return { md: '## Decoders\n\nNot measured in this run (`npx tsx bench/decode-speed.ts`).', targets: [] };
  const t = d.tier1;
  const md = [
    '## Decoders',
    '',
    'The same H.264 stream decoded in the page by WebCodecs and by the ffmpeg.wasm fallback (single-thread core), frames per second of decoding with pixels copied; then a tier-1 analysis of a 360p clip through each (real-time factor = video seconds per second of analysis).',
    '',
    table(['clip', 'frames', 'WebCodecs fps', 'ffmpeg.wasm fps', 'ffmpeg.wasm / WebCodecs'], d.decode.map((r) => [r.clip, r.frames, r.webcodecsFps, r.ffmpegWasmFps, fmt(r.ratio, 3)])),
    ...(t ? ['', table(['tier 1, ' + t.clip, 'wall', 'real-time factor', 'score'], [['WebCodecs', `${fmt(t.webcodecs.wallMs / 1000, 2)} s`, fmt(t.webcodecs.realTimeFactor, 2), fmt(t.webcodecs.score, 1)], ['ffmpeg.wasm', `${fmt(t.ffmpegWasm.wallMs / 1000, 2)} s`, fmt(t.ffmpegWasm.realTimeFactor, 2), fmt(t.ffmpegWasm.score, 1)]])] : []),
  ].join('\n');
  return {
    md,
    targets: t
      ? [
          { target: 'ffmpeg.wasm keeps tier 1 at or faster than real time on a 360p clip (single-thread)', measured: `${fmt(t.ffmpegWasm.realTimeFactor, 2)}× real time`, ok: t.ffmpegWasm.realTimeFactor >= 1 },
          { target: 'same content through ffmpeg.wasm and WebCodecs: scores within 10 points', measured: `${fmt(t.ffmpegWasm.score, 1)} vs ${fmt(t.webcodecs.score, 1)}`, ok: Math.abs(t.ffmpegWasm.score - t.webcodecs.score) <= 10 },
        ]
      : [],
  };
}

interface Fuzz extends FuzzSummary {
  seed: number;
  limitS: number;
  seconds: number;
}

/** Mutated and truncated fixtures in the app. */
export function fuzzSection(d?: Fuzz): Section {
  if (!d) return { md: '## Fuzz\n\nNot run in this run (`npx tsx bench/fuzz.ts`).', targets: [] };
  const md = [
    '## Fuzz',
    '',
    `Seeded (${d.seed}) mutations and truncations of the fixtures, each analysed in the built app at tier 0 with a ${d.limitS}-s limit; ${d.seconds} s in all.`,
    '',
    table(['cases', 'reports', 'typed errors', 'hangs', 'crashes', 'slowest'], [[d.cases, d.reports, `${d.typedErrors} (${Object.entries(d.byCode).map(([k, v]) => `${k} ${v}`).join(', ')})`, d.hangs, d.crashes, `${fmt(d.maxMs / 1000, 1)} s`]]),
  ].join('\n');
  return { md, targets: [{ target: 'fuzz: every case ends in a report or a typed error (hangs = 0, crashes = 0)', measured: `${d.cases} cases, ${d.hangs} hangs, ${d.crashes} crashes`, ok: d.hangs === 0 && d.crashes === 0 }] };
}

interface Overlay {
  canvas: string;
  detailBytes: number;
  typesDrawn: number;
  seek: { n: number; medianMs: number; p95Ms: number };
  playback: { n: number; medianMs: number; p95Ms: number };
  targetMs: number;
}

/** The viewer's overlay draw time. */
export function overlaySection(d?: Overlay): Section {
  if (!d) return { md: '## Viewer overlay\n\nNot measured in this run (`npx tsx bench/overlay.ts`).', targets: [] };
  const md = [
    '## Viewer overlay',
    '',
    `Drawing one frame's overlay (${d.typesDrawn} artifact types, heat layer and event boxes) on a ${d.canvas} canvas in headless Chromium, from a detail document of ${fmt(d.detailBytes / 1e6, 2)} MB.`,
    '',
    table(['', 'draws', 'median', 'p95'], [
      ['during playback', d.playback.n, `${d.playback.medianMs} ms`, `${d.playback.p95Ms} ms`],
      ['after a seek', d.seek.n, `${d.seek.medianMs} ms`, `${d.seek.p95Ms} ms`],
    ]),
  ].join('\n');
  return { md, targets: [{ target: `overlay of one 1080p frame drawn in less than a frame time (${d.targetMs} ms, median during playback)`, measured: `${d.playback.medianMs} ms (p95 ${d.playback.p95Ms} ms)`, ok: d.playback.medianMs < d.targetMs }] };
}

interface Questions {
  tier: number;
  questions: number;
  right: number;
  accuracy: number;
  perKind: Record<string, { right: number; total: number }>;
}

/** The answerer on the question set. */
export function questionsSection(d?: Questions): Section {
  if (!d) return { md: '## Quality questions\n\nNot measured in this run (`npx tsx bench/questions/eval.ts`).', targets: [] };
  const md = [
    '## Quality questions',
    '',
    `The project's own answerer (no VLM) on ${d.questions} questions with expected answers about the localization clips, from tier-${d.tier} reports.`,
    '',
    table(['kind', 'right', 'of'], Object.entries(d.perKind).map(([k, v]) => [k, v.right, v.total])),
  ].join('\n');
  return { md, targets: [{ target: 'question answering accuracy (no set target; reported)', measured: `${d.right}/${d.questions} = ${fmt(100 * d.accuracy, 1)} %` }] };
}
