/**
 * CPU time of the browser: user + system time of every process descended from this Node process, read
 * from /proc. On a shared machine the wall time follows the load; the work done moves much less.
 */
import { readFileSync } from 'node:fs';
import { descendants } from './rss.ts';

/** CPU time so far of this process's descendants, in ms (a process's ended threads included). */
export function treeCpuMs(): number {
  const tick = 10; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of descendants()) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      // the process ended
    }
  }
  return total;
}
