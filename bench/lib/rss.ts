/**
 * Memory of the browser: the summed resident set (RSS) and proportional set (PSS, shared pages split
 * between processes) of every process descended from this Node process (Chromium's browser, GPU,
 * renderer and utility processes), read from /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 4 follows the command name in parentheses, which may itself hold spaces.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** Process ids descended from `root` (not including it). */
export function descendants(root = process.pid): number[] {
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const ppid = parentOf(pid);
    if (ppid !== undefined) parents.set(pid, ppid);
  }
  const out: number[] = [];
  const frontier = [root];
  while (frontier.length) {
    const p = frontier.pop()!;
    for (const [pid, ppid] of parents) if (ppid === p) (out.push(pid), frontier.push(pid));
  }
  return out;
}

function kb(text: string, key: string): number {
  const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

/** Summed RSS and PSS of the given processes, in MiB (processes that ended are skipped). */
export function memoryOf(pids: number[]): { rssMiB: number; pssMiB: number } {
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    try {
      const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      rss += kb(text, 'Rss');
      pss += kb(text, 'Pss');
    } catch {
      // gone
    }
  }
  return { rssMiB: rss / 1024, pssMiB: pss / 1024 };
}

/** A running sampler of the browser's memory. */
export interface MemorySampler {
  /** Stops sampling and returns the peaks and the samples (seconds since start, MiB). */
  stop(): { peakRssMiB: number; peakPssMiB: number; samples: { tS: number; rssMiB: number; pssMiB: number }[] };
}

/** Samples every `everyMs` (re-listing the process tree every tenth sample, as processes come and go). */
export function sampleMemory(everyMs = 200): MemorySampler {
  const t0 = performance.now();
  const samples: { tS: number; rssMiB: number; pssMiB: number }[] = [];
  let pids = descendants();
  let n = 0;
  const tick = () => {
    if (n++ % 10 === 0) pids = descendants();
    samples.push({ tS: (performance.now() - t0) / 1000, ...memoryOf(pids) });
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return {
        peakRssMiB: Math.max(...samples.map((s) => s.rssMiB)),
        peakPssMiB: Math.max(...samples.map((s) => s.pssMiB)),
        samples,
      };
    },
  };
}
