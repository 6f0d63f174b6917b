// `npm test`: every suite — typecheck, lint, unit and database tests (Vitest), browser tests
// (Playwright in Debian's Chromium, installed with apt when missing) — then one closing line
// "N passed, N failed" summed over all of them (also written to .test-results/summary.txt).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "@/lib/server/env";

interface SuiteResult {
  name: string;
  passed: number;
  failed: number;
  note?: string;
}

const say = (line: string) => console.log(`[test] ${line}`);

function run(cmd: string, args: string[], opts: { env?: Record<string, string> } = {}): number {
  const r = spawnSync(cmd, args, { cwd: projectRoot(), stdio: "inherit", env: { ...process.env, ...opts.env } });
  return r.status ?? 1;
}

function node(bin: string, args: string[], env?: Record<string, string>): number {
  return run(process.execPath, [path.join(projectRoot(), "node_modules", ...bin.split("/")), ...args], { env });
}

function check(name: string, code: number): SuiteResult {
  return { name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 };
}

function vitestSuite(resultsDir: string): SuiteResult {
  const out = path.join(resultsDir, "vitest.json");
  fs.rmSync(out, { force: true });
  const code = node("vitest/vitest.mjs", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`]);
  if (!fs.existsSync(out)) return { name: "vitest", passed: 0, failed: 1, note: `vitest exited ${code} without results` };
  const r = JSON.parse(fs.readFileSync(out, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numFailedTestSuites: number;
  };
  // A file that fails to load counts as a failure even though it ran no test.
  const failed = r.numFailedTests + (r.numFailedTests === 0 && code !== 0 ? Math.max(1, r.numFailedTestSuites) : 0);
  return { name: "unit + database (vitest)", passed: r.numPassedTests, failed };
}

function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean) as string[];
  return candidates.find((p) => fs.existsSync(p));
}

function ensureChromium(): string | undefined {
  const found = chromiumPath();
  if (found) return found;
  if (process.getuid?.() !== 0) {
    say("Chromium is missing and this user cannot install it (run: sudo apt-get install -y chromium)");
    return undefined;
  }
  say("Installing Debian's chromium (apt-get)…");
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update"], { env }) !== 0) return undefined;
  if (run("apt-get", ["install", "-y", "--no-install-recommends", "chromium", "fonts-liberation"], { env }) !== 0) return undefined;
  return chromiumPath();
}

interface PlaywrightStats {
  expected: number;
  unexpected: number;
  flaky: number;
  skipped: number;
}

function playwrightSuite(resultsDir: string): SuiteResult {
  const chromium = ensureChromium();
  if (!chromium) return { name: "browser (playwright)", passed: 0, failed: 1, note: "Chromium unavailable" };
  const out = path.join(resultsDir, "playwright.json");
  fs.rmSync(out, { force: true });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-e2e-"));
  fs.chmodSync(dataDir, 0o755);
  try {
    const code = node("@playwright/test/cli.js", ["test", "-c", "e2e/playwright.config.ts"], {
      CHROMIUM_PATH: chromium,
      ARBOR_E2E_DATA_DIR: dataDir,
    });
    if (!fs.existsSync(out)) return { name: "browser (playwright)", passed: 0, failed: 1, note: `exited ${code} without results` };
    const r = JSON.parse(fs.readFileSync(out, "utf8")) as { stats: PlaywrightStats; errors?: unknown[] };
    const failed = r.stats.unexpected + (r.errors?.length ?? 0);
    return { name: "browser (playwright)", passed: r.stats.expected + r.stats.flaky, failed };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function testCommand(args: string[]): Promise<number> {
  const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
  const want = (s: string) => !only || only.includes(s);
  const root = projectRoot();
  const resultsDir = path.join(root, ".test-results");
  fs.mkdirSync(resultsDir, { recursive: true });
  const results: SuiteResult[] = [];

  if (want("typecheck")) {
    say("typecheck (tsc --noEmit)");
    results.push(check("typecheck", node("typescript/bin/tsc", ["--noEmit", "-p", "tsconfig.json"])));
  }
  if (want("lint")) {
    say("lint (eslint)");
    results.push(check("lint", node("eslint/bin/eslint.js", [".", "--max-warnings=0"])));
  }
  if (want("vitest")) results.push(vitestSuite(resultsDir));
  if (want("e2e")) results.push(playwrightSuite(resultsDir));

  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log("");
  for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ""}`);
  const line = `${passed} passed, ${failed} failed`;
  fs.writeFileSync(path.join(resultsDir, "summary.txt"), `${line}\n`);
  console.log(line);
  return failed === 0 && passed > 0 ? 0 : 1;
}
