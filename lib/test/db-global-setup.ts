// Starts one throwaway embedded Postgres for the database test suite and prepares a migrated
// template database; each test file clones it (see test-database.ts), so files never share data.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/lib/server/db/embedded-postgres";
import { migrateDeploy } from "@/lib/server/db/migrate";
import { runMigrations } from "graphile-worker";
import { quietLogger } from "@/lib/server/db/bootstrap";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-dbtest-"));
  fs.chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir, database: "arbor_template", fast: true });
  const root = path.resolve(import.meta.dirname, "..", "..");
  await migrateDeploy(root, server.url);
  await runMigrations({ connectionString: server.url, logger: quietLogger() });
  // A template must have no open connections while it is cloned.
  const admin = new pg.Client({ connectionString: server.url.replace(/\/arbor_template$/, "/postgres") });
  await admin.connect();
  await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'arbor_template' and pid <> pg_backend_pid()");
  await admin.end();
  project.provide("pgAdminUrl", server.url.replace(/\/arbor_template$/, "/postgres"));
  project.provide("pgTemplate", "arbor_template");
  return async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}
