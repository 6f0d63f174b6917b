import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { processTreeSeconds } from "./cpu";

const onLinux = process.platform === "linux";

describe.runIf(onLinux)("processTreeSeconds", () => {
  it("counts this process's own CPU time", () => {
    const own = process.cpuUsage();
    const seconds = processTreeSeconds(process.pid)!;
    // /proc counts in ticks of 10 ms
    expect(seconds).toBeGreaterThanOrEqual((own.user + own.system) / 1e6 - 0.02);
  });

  it("adds the CPU time of the process's children", async () => {
    // The child spends 0.5 CPU s (its own measure), says so, and waits to be stopped.
    const child = spawn(
      process.execPath,
      ["-e", "const s = process.cpuUsage(); while (process.cpuUsage(s).user < 5e5); console.log('spent'); setInterval(() => {}, 1000);"],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const [chunk] = (await once(child.stdout!, "data")) as [Buffer];
      expect(chunk.toString()).toContain("spent");
      const own = process.cpuUsage();
      const withChild = processTreeSeconds(process.pid)!;
      expect(withChild - (own.user + own.system) / 1e6).toBeGreaterThanOrEqual(0.45);
    } finally {
      child.kill();
    }
  });

  it("knows no process that does not exist", () => {
    expect(processTreeSeconds(2 ** 22 + 12345)).toBeUndefined();
  });
});
