/**
 * Localization accuracy: our report.artifacts (tier 2 in the production build) on the localization
 * clips against their ground truth (bench/clips/loc/truth.json): per type precision, recall and F1
 * (a detection matches when the type is equal and the time IoU is at least 0.3, one to one), mean
 * region IoU of matched local artifacts, and false alarms per minute on clean clips. Peers on the same
 * clips: ffmpeg freezedetect and blackdetect (minimum duration 0.5 s).
 *
 *   npx tsx bench/accuracy-localization.ts [--tier 2] [--out bench/out/accuracy-localization.json]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ARTIFACT_TYPES, type ReportArtifact, type Tier } from '../src/report/types.ts';
import { analyzeTimed, openBenchApp, ROOT } from './lib/app.ts';
import { matchEvents, mergeEvents, regionIoU, score, type TimedEvent, type TypeScore } from './lib/events.ts';
import { nativeEvents } from './lib/native.ts';
import { argValue, mean } from './lib/stats.ts';
import type { TruthClip } from './lib/truth.ts';

/**
 * Clean clips besides the localization set's own, for false alarms. The real camera clip (cup) is not
 * one: its source repeats a frame every few frames (capture cadence), so it is analysed and listed
 * but not counted.
 */
const EXTRA_CLEAN = ['synth-360.mp4'];
const EXTRA_LISTED = ['cup-360.mp4'];

interface ClipResult {
  file: string;
  durationS: number;
  clean: boolean;
  /** False for clips that are analysed and listed but not scored. */
  scored: boolean;
  truth: TimedEvent[];
  ours: ReportArtifact[];
  peers: TimedEvent[];
}

/** Per-type scores of one detector over all clips, region IoU and false alarms per clean minute. */
function evaluate(clips: ClipResult[], pick: (c: ClipResult) => TimedEvent[], types: readonly string[]) {
  const counts = new Map<string, { tp: number; fp: number; fn: number; regionIoU: number[]; timeIoU: number[] }>();
  const get = (t: string) => counts.get(t) ?? (counts.set(t, { tp: 0, fp: 0, fn: 0, regionIoU: [], timeIoU: [] }), counts.get(t)!);
  let cleanMinutes = 0;
  let cleanAlarms = 0;
  for (const c of clips.filter((x) => x.scored)) {
    const found = mergeEvents(pick(c));
    const m = matchEvents(c.truth, found);
    for (const x of m.matches) {
      const k = get(x.truth.type);
      k.tp++;
      k.timeIoU.push(x.iou);
      if (x.truth.region) k.regionIoU.push(regionIoU(x.found.region, x.truth.region));
    }
    for (const x of m.missed) get(x.type).fn++;
    for (const x of m.extra) get(x.type).fp++;
    if (c.clean) {
      cleanMinutes += c.durationS / 60;
      cleanAlarms += found.length;
    }
  }
  const perType: Record<string, TypeScore & { meanTimeIoU: number; meanRegionIoU: number }> = {};
  for (const t of types) {
    const k = get(t);
    if (k.tp + k.fp + k.fn === 0) continue;
    perType[t] = { ...score(k.tp, k.fp, k.fn), meanTimeIoU: mean(k.timeIoU), meanRegionIoU: mean(k.regionIoU) };
  }
  return { perType, falseAlarmsPerMin: cleanMinutes > 0 ? cleanAlarms / cleanMinutes : NaN, cleanMinutes };
}

async function main(): Promise<void> {
  const tier = Number(argValue('tier', '2')) as Tier;
  const outFile = argValue('out', join(ROOT, 'bench/out/accuracy-localization.json'))!;
  const locDir = join(ROOT, 'bench/clips/loc');
  const truth = JSON.parse(readFileSync(join(locDir, 'truth.json'), 'utf8')) as TruthClip[];
  const inputs = truth.map((t) => ({ path: join(locDir, t.file), file: t.file, durationS: t.durationS, clean: t.clean, scored: true, truth: t.events as TimedEvent[] }));
  for (const f of EXTRA_CLEAN) {
    const path = join(ROOT, 'bench/clips', f);
    if (existsSync(path)) inputs.push({ path, file: f, durationS: 8, clean: true, scored: true, truth: [] });
  }
  for (const f of EXTRA_LISTED) {
    const path = join(ROOT, 'bench/clips', f);
    if (existsSync(path)) inputs.push({ path, file: f, durationS: 8, clean: false, scored: false, truth: [] });
  }
  const clips: ClipResult[] = [];
  const app = await openBenchApp();
  try {
    for (const i of inputs) {
      const { report } = await analyzeTimed(app, i.path, tier);
      const peers = await nativeEvents(i.path, report.input.durationS);
      clips.push({ file: i.file, durationS: report.input.durationS, clean: i.clean, scored: i.scored, truth: i.truth, ours: report.artifacts, peers });
      const fmt = (e: TimedEvent[]) => e.map((a) => `${a.type} ${a.startS.toFixed(1)}-${a.endS.toFixed(1)}`).join(', ') || 'none';
      console.log(`localization: ${i.file}: truth [${fmt(i.truth)}] ours [${fmt(mergeEvents(report.artifacts))}] ffmpeg [${fmt(mergeEvents(peers))}]`);
    }
  } finally {
    await app.close();
  }
  const ours = evaluate(clips, (c) => c.ours, ARTIFACT_TYPES);
  const peers = evaluate(clips, (c) => c.peers, ['freeze', 'black']);
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify({ tier, minIoU: 0.3, ours, peers, clips }, null, 2) + '\n');
  console.log(`localization: ours ${Object.entries(ours.perType).map(([t, s]) => `${t} F1 ${s.f1.toFixed(2)}`).join(', ')}; ${ours.falseAlarmsPerMin.toFixed(2)} false alarms/min`);
  console.log(`localization: wrote ${outFile}`);
}

await main();
