/**
 * Overlay draw time for one 1080p frame, in the built app in headless Chromium: a worst-case detail
 * document of a 10-minute 1080p video (every shipped artifact expert, every map cell beyond its
 * threshold, the maximum number of stored maps, eight events with regions under way at once) is made
 * in Node by the engine's own `buildDetail`, then the page's `OverlayModel` draws it onto a 1920×1080
 * canvas with all types switched on. Each draw is timed together with a one-pixel read-back, which
 * forces the canvas to finish drawing. "Seek" draws jump to a new time each (the heat composite is
 * rebuilt, the first visit of a map also decodes it); "playback" draws step frame by frame at 30 fps,
 * as the player does while the video plays. Target: under 33 ms (one frame at 30 fps). The machine's
 * load average is recorded beside the figures: the canvas is rasterized on the CPU here.
 *
 *   npx tsx bench/overlay.ts [--draws 400] [--out bench/out/overlay.json]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { EXPERTS } from '../src/experts/registry.ts';
import { buildDetail } from '../src/pipeline/detail.ts';
import { ExpertResults } from '../src/pipeline/expert-results.ts';
import { makePlan } from '../src/pipeline/plan.ts';
import type { ReportArtifact } from '../src/report/types.ts';
import { openBenchApp, ROOT } from './lib/app.ts';
import { argValue } from './lib/stats.ts';

const video = { width: 1920, height: 1080, durationS: 600, frameCount: 18_000, fps: 30 };

/** Every artifact expert's maps beyond threshold everywhere, at the grid size tier 2 gives 1080p. */
function worstCaseDetail() {
  const plan = makePlan(2, video, EXPERTS, 'wasm');
  const results = EXPERTS.filter((m) => m.artifact && m.threshold !== undefined).map((meta) => {
    const res = new ExpertResults(meta);
    const size = meta.inputs.stream === 'temporal' ? plan.temporalSize : meta.inputs.keepRows ? plan.rowsSize : plan.analysisSize;
    const ph = Math.floor(size.height / meta.inputs.patch);
    const pw = Math.floor(size.width / meta.inputs.patch);
    const bad = meta.lowerIsBetter ? Math.max(...meta.range, meta.threshold!) * 1.5 + 1 : Math.min(...meta.range, meta.threshold!) / 2;
    const frames = 400;
    for (let i = 0; i < frames; i++) res.add((i / frames) * video.durationS, bad, new Float32Array(ph * pw).fill(bad), ph, pw, true);
    return res;
  });
  return buildDetail(results, { plan, durationS: video.durationS, fps: video.fps });
}

function events(): ReportArtifact[] {
  const types = ['blur', 'blocking', 'noise', 'banding', 'overexposure', 'underexposure', 'interlacing', 'freeze'] as const;
  return types.map((type, i) => ({ type, startS: 0, endS: video.durationS, severity: 0.6, confidence: 0.9, region: { x: 0.05 + 0.1 * i, y: 0.1, w: 0.2, h: 0.5 } }));
}

const stats = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
  return { n: s.length, medianMs: +q(0.5).toFixed(2), p95Ms: +q(0.95).toFixed(2), maxMs: +s[s.length - 1]!.toFixed(2) };
};

async function main(): Promise<void> {
  const draws = Number(argValue('draws', '400'));
  const outFile = argValue('out', join(ROOT, 'bench/out/overlay.json'))!;
  const detail = worstCaseDetail();
  const detailBytes = new TextEncoder().encode(JSON.stringify(detail)).length;
  const app = await openBenchApp();
  // tsx keeps function names with a __name() helper, also inside page functions.
  await app.page.evaluate('globalThis.__name = (f) => f');
  try {
    const timings = await app.page.evaluate(
      ({ detail, events, draws, durationS }) => {
        const canvas = document.createElement('canvas');
        canvas.width = 1920;
        canvas.height = 1080;
        document.body.append(canvas);
        const ctx = canvas.getContext('2d')!;
        const model = new window.qrouter.OverlayModel(detail, events);
        const types = new Set(model.heatTypes.concat(events.map((e) => e.type)));
        const seekMs: number[] = [];
        const playMs: number[] = [];
        const maps = detail.experts.find((e) => e.maps)?.maps?.frames.length ?? 1;
        const timed = (t: number, into: number[]) => {
          const t0 = performance.now();
          model.draw(ctx, canvas.width, canvas.height, t, { types, opacity: 0.6 });
          ctx.getImageData(0, 0, 1, 1);
          into.push(performance.now() - t0);
        };
        // Seeks: a different stored map each time (every map visited, then again).
        for (let i = 0; i < draws / 2; i++) timed((((i * 37) % maps) + 0.5) / maps * durationS, seekMs);
        // Playback: consecutive frames around a stored map's time, crossing into the next ones.
        const start = (0.5 / maps) * durationS;
        for (let i = 0; i < draws / 2; i++) timed(start + i / 30, playMs);
        // The JavaScript part alone (compositing and recording the draw calls, no rasterization).
        const jsMs: number[] = [];
        for (let i = 0; i < draws / 4; i++) {
          const t0 = performance.now();
          model.draw(ctx, canvas.width, canvas.height, (((i * 53) % maps) + 0.5) / maps * durationS, { types, opacity: 0.6 });
          jsMs.push(performance.now() - t0);
        }
        return { seekMs, playMs, jsMs, types: types.size };
      },
      { detail, events: events(), draws, durationS: video.durationS },
    );
    const seek = stats(timings.seekMs);
    const playback = stats(timings.playMs);
    const script = stats(timings.jsMs);
    const result = {
      canvas: '1920x1080',
      detailBytes,
      typesDrawn: timings.types,
      seek,
      playback,
      seekScriptOnly: script,
      targetMs: 33,
      meetsTarget: playback.medianMs < 33 && seek.medianMs < 33,
      loadAverage: loadavg().map((v) => +v.toFixed(1)),
      cpus: cpus().length,
    };
    mkdirSync(dirname(outFile), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
    console.log(
      `overlay 1080p, ${result.typesDrawn} types: playback median ${playback.medianMs} ms (p95 ${playback.p95Ms}, max ${playback.maxMs}), ` +
        `seek median ${seek.medianMs} ms (p95 ${seek.p95Ms}, max ${seek.maxMs}; script alone ${script.medianMs} ms); detail of a 10-minute 1080p video ${(detailBytes / 1e6).toFixed(2)} MB; ` +
        `target median < 33 ms: ${result.meetsTarget ? 'met' : 'missed'} (load ${result.loadAverage.join(', ')} on ${result.cpus} CPUs)`,
    );
  } finally {
    await app.close();
  }
}

await main();
