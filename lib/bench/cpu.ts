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

export const formatBusy = (busy: number) => (Number.isNaN(busy) ? "–" : `${Math.round(busy * 100)}%`);
