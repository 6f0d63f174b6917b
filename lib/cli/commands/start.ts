// `npm start`: build when sources changed, open the database (embedded unless DATABASE_URL is set),
// apply migrations, then run the web server and a worker until Ctrl-C / SIGTERM, which stops them in
// order: web and worker first, the embedded database last.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/server/env";
import { openDatabase, redactUrl } from "@/lib/server/db/bootstrap";

const log = (line: string) => console.log(`[arbor] ${line}`);

/** Newest modification time under the given paths (files or folders), skipping generated output. */
function newestMtime(root: string, entries: string[]): number {
  let newest = 0;
  const walk = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      const base = path.basename(p);
      if (base === "node_modules" || base === "generated" || base.startsWith(".")) return;
      for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    } else if (!/\.(test|spec)\.tsx?$/.test(p)) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const e of entries) walk(path.join(root, e));
  return newest;
}

function ensureGeneratedClient(root: string): void {
  if (fs.existsSync(path.join(root, "lib", "server", "db", "generated", "client.ts"))) return;
  log("Generating the Prisma client");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("prisma generate failed");
}

function ensureBuild(root: string): void {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "lib", "public", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestMtime(root, sources)) return;
  log("Building the web app (next build)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (r.status !== 0) throw new Error("next build failed");
}

export async function start(args: string[]): Promise<number> {
  const dev = args.includes("--dev");
  const e = env();
  const root = e.projectRoot;
  ensureGeneratedClient(root);
  if (!dev) ensureBuild(root);

  const db = await openDatabase({ log });
  log(`Database: ${db.embedded ? `embedded (${e.dataDir})` : redactUrl(db.url)}`);

  const childEnv = { ...process.env, DATABASE_URL: db.url, NEXT_TELEMETRY_DISABLED: "1", ARBOR_PROJECT_ROOT: root };
  const children: { name: string; proc: ChildProcess }[] = [];
  let stopping = false;
  let exitCode = 0;

  const stopAll = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    log(`Stopping (${reason})…`);
    await Promise.all(
      children.map(
        ({ proc }) =>
          new Promise<void>((resolve) => {
            if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
            const timer = setTimeout(() => proc.kill("SIGKILL"), 15_000);
            proc.once("exit", () => {
              clearTimeout(timer);
              resolve();
            });
            proc.kill("SIGTERM");
          }),
      ),
    );
    await db.stop();
    log("Stopped.");
  };

  const launch = (name: string, cmd: string[], extraEnv: Record<string, string> = {}) => {
    const proc = spawn(process.execPath, cmd, { cwd: root, env: { ...childEnv, ...extraEnv }, stdio: "inherit" });
    children.push({ name, proc });
    proc.on("exit", (code, signal) => {
      if (stopping) return;
      log(`${name} exited unexpectedly (${signal ?? `code ${code}`})`);
      exitCode = 1;
      void stopAll(`${name} exited`).then(() => process.exit(exitCode));
    });
  };

  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  launch("web", [nextBin, dev ? "dev" : "start", "-p", String(e.PORT), "-H", e.HOSTNAME]);
  launch("worker", [path.join(root, "lib", "cli", "bin.mjs"), "worker"]);
  log(`Arbor is starting on http://localhost:${e.PORT} (Ctrl-C stops it)`);

  await new Promise<void>((resolve) => {
    const onSignal = (sig: NodeJS.Signals) => void stopAll(sig).then(resolve);
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  });
  return exitCode;
}
