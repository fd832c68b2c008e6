/** The facts about the machine and software that every result depends on. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** A description of this machine and its software versions. */
export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memGiB: number;
  load: string;
  browser: string;
  ffmpeg: string;
  node: string;
  commit: string;
}

function firstLine(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0]!.trim();
  } catch {
    return 'unknown';
  }
}

/** Reads /proc/cpuinfo, the browser and ffmpeg versions, and the git commit. */
export function machineInfo(): MachineInfo {
  let cpu = cpus()[0]?.model ?? 'unknown';
  let cores = cpus().length;
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    cpu = /^model name\s*:\s*(.+)$/m.exec(info)?.[1]?.trim() ?? cpu;
    cores = (info.match(/^processor\s*:/gm) ?? []).length || cores;
  } catch {
    // not Linux
  }
  return {
    date: new Date().toISOString().replace('T', ' ').slice(0, 16) + ' UTC',
    cpu,
    cores,
    memGiB: Math.round(totalmem() / 2 ** 30),
    load: loadavg().map((l) => l.toFixed(2)).join(', '),
    browser: firstLine(process.env.QROUTER_CHROMIUM ?? '/usr/bin/chromium', ['--version']),
    ffmpeg: firstLine('ffmpeg', ['-version']).replace(/ Copyright.*/, ''),
    node: process.version,
    commit: firstLine('git', ['rev-parse', '--short', 'HEAD']),
  };
}
