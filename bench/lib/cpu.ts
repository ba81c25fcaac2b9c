// CPU time spent by this process, this thread and the PostgreSQL server processes, read
// from /proc (Linux): where a benchmark's work went, beside how long it took. Null where
// /proc is not there.
import { readdirSync, readFileSync } from 'node:fs';

export interface CpuTimes {
  /** This thread (the server's, in the sync benchmarks). */
  thread: number;
  /** This process, every thread. */
  process: number;
  /** Every process named postgres on the machine. */
  postgres: number;
  /** Idle time of every core of the machine (/proc/stat), summed: what the work left unused. */
  idle: number;
}

const TICK_MS = 10;

/** utime + stime of a /proc stat line, in ms. */
function cpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

export function cpuTimes(): CpuTimes | null {
  try {
    let postgres = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        if (stat.includes('(postgres)')) postgres += cpuMs(stat);
      } catch {
        // The process ended meanwhile.
      }
    }
    // The first line of /proc/stat sums every core: user nice system idle iowait ...
    const idle = Number(readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/)[4]) * TICK_MS;
    return { thread: cpuMs(readFileSync('/proc/thread-self/stat', 'utf8')), process: cpuMs(readFileSync('/proc/self/stat', 'utf8')), postgres, idle };
  } catch {
    return null;
  }
}

export function cpuSince(start: CpuTimes | null): CpuTimes | null {
  const now = cpuTimes();
  return start && now ? { thread: now.thread - start.thread, process: now.process - start.process, postgres: now.postgres - start.postgres, idle: now.idle - start.idle } : null;
}
