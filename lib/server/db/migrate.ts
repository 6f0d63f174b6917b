// Applies Prisma migrations (prisma/migrations) with the Prisma CLI's WebAssembly engine.
import { spawn } from "node:child_process";
import path from "node:path";

export interface PrismaCliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the Prisma CLI against a database. Output is captured, not printed. */
export function runPrismaCli(projectRoot: string, args: string[], databaseUrl: string): Promise<PrismaCliResult> {
  const cli = path.join(projectRoot, "node_modules", "prisma", "build", "index.js");
  const preload = path.join(projectRoot, "lib", "cli", "unref-timers.cjs");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["-r", preload, cli, ...args], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** `prisma migrate deploy`: applies pending migrations; throws with Prisma's message on failure. */
export async function migrateDeploy(projectRoot: string, databaseUrl: string): Promise<string> {
  const r = await runPrismaCli(projectRoot, ["migrate", "deploy"], databaseUrl);
  if (r.code !== 0) {
    throw new Error(`Database migration failed:\n${(r.stderr || r.stdout).trim()}`);
  }
  const applied = r.stdout.match(/following migration\(s\) have been applied[\s\S]*/)?.[0];
  return applied ? applied.trim() : "Database schema is up to date";
}
