/** Native ffmpeg runs used as peers: detector timing and per-clip metric values. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The detector chain timed against our analysis. */
export const NATIVE_CHAIN = 'blockdetect,blurdetect,freezedetect,siti';

/** Runs `ffmpeg -i file -vf <chain> -f null -` and returns its wall time and stderr. */
export async function ffmpegFilter(file: string, chain: string, logLevel = 'error'): Promise<{ ms: number; log: string }> {
  const t0 = performance.now();
  const { stderr } = await run('ffmpeg', ['-hide_banner', '-nostdin', '-v', logLevel, '-i', file, '-vf', chain, '-f', 'null', '-'], {
    maxBuffer: 1 << 26,
  });
  return { ms: performance.now() - t0, log: stderr };
}

/** Mean blockdetect and blurdetect values of a clip (ffmpeg's own summaries) over every `step`-th frame. */
export async function nativeMetrics(file: string, step = 1): Promise<{ block: number; blur: number }> {
  const pick = step > 1 ? `select='not(mod(n\\,${step}))',` : '';
  const { log } = await ffmpegFilter(file, `${pick}blockdetect,blurdetect`, 'info');
  const block = Number(/block mean: ([\d.]+)/.exec(log)?.[1]);
  const blur = Number(/blur mean: ([\d.]+)/.exec(log)?.[1]);
  return { block, blur };
}

/** A detected event from freezedetect or blackdetect, in seconds. */
export interface NativeEvent {
  type: 'freeze' | 'black';
  startS: number;
  endS: number;
}

/**
 * Freeze and black events found by freezedetect and blackdetect (minimum duration `minS`; ffmpeg's
 * defaults are 2 s for freezes and 2 s for black, which would miss shorter inserted events).
 */
export async function nativeEvents(file: string, durationS: number, minS = 0.5): Promise<NativeEvent[]> {
  const { log } = await ffmpegFilter(file, `freezedetect=d=${minS},blackdetect=d=${minS}`, 'info');
  const events: NativeEvent[] = [];
  let freezeStart: number | undefined;
  for (const line of log.split('\n')) {
    const fs = /freeze_start: ([\d.]+)/.exec(line);
    if (fs) freezeStart = Number(fs[1]);
    const fe = /freeze_end: ([\d.]+)/.exec(line);
    if (fe && freezeStart !== undefined) {
      events.push({ type: 'freeze', startS: freezeStart, endS: Number(fe[1]) });
      freezeStart = undefined;
    }
    const b = /black_start:([\d.]+) black_end:([\d.]+)/.exec(line);
    if (b) events.push({ type: 'black', startS: Number(b[1]), endS: Number(b[2]) });
  }
  if (freezeStart !== undefined) events.push({ type: 'freeze', startS: freezeStart, endS: durationS });
  return events;
}
