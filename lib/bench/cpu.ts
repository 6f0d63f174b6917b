// CPU use while a benchmark runs: this process's CPU time (all its threads) and how busy all the
// machine's cores were (Linux /proc/stat), which tells whether a figure is bound by the CPU.
import fs from "node:fs";

function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const cpu = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = cpu.reduce((a, b) => a + b, 0);
    const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

export interface CpuUse {
  /** this process's CPU seconds */
  processSeconds: number;
  /** the share of all cores' time that was busy (NaN where unknown) */
  busy: number;
}

/** Starts measuring; the function returned ends it. */
export function measureCpu(): () => CpuUse {
  const before = process.cpuUsage();
  const ticks = machineTicks();
  return () => {
    const cpu = process.cpuUsage(before);
    const after = machineTicks();
    return {
      processSeconds: (cpu.user + cpu.system) / 1e6,
      busy: ticks && after ? (after.busy - ticks.busy) / Math.max(1, after.total - ticks.total) : NaN,
    };
  };
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux builds). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by a process and its living children (a database server and its backends),
 * from Linux /proc; undefined elsewhere. Children that have exited are not counted.
 */
export function processTreeSeconds(pid: number): number | undefined {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return undefined;
  }
  let ticks = 0;
  let found = false;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // exited meanwhile
    }
    // after "pid (comm) ": state, ppid, …; utime and stime are the 12th and 13th fields from there
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(entry) !== pid && Number(f[1]) !== pid) continue;
    found = true;
    ticks += Number(f[11]) + Number(f[12]);
  }
  return found ? ticks / TICKS_PER_SECOND : undefined;
}

export const formatBusy = (busy: number) => (Number.isNaN(busy) ? "–" : `${Math.round(busy * 100)}%`);
