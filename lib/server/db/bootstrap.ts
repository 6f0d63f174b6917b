// Opens Arbor's database for a process that needs one (launcher, CLI, worker, tests):
// DATABASE_URL when set, else the embedded server in the data folder; then applies migrations.
import { Logger, runMigrations } from "graphile-worker";
import { env, setDatabaseUrl } from "../env";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { migrateDeploy } from "./migrate";

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

export async function openDatabase(opts: { log?: (line: string) => void; migrate?: boolean } = {}): Promise<OpenDatabase> {
  const log = opts.log ?? (() => undefined);
  const e = env();
  let url = e.DATABASE_URL;
  let stop = async () => {};
  let embedded = false;
  if (!url) {
    const server = await startEmbeddedPostgres({ dataDir: e.dataDir, log });
    url = server.url;
    stop = server.stop;
    embedded = true;
  } else {
    log(`Using the database at ${redactUrl(url)}`);
  }
  try {
    if (opts.migrate !== false) {
      log(await migrateDeploy(e.projectRoot, url));
      await runMigrations({ connectionString: url, logger: quietLogger() });
    }
  } catch (err) {
    await stop();
    throw err;
  }
  setDatabaseUrl(url);
  return { url, embedded, stop };
}

/** A connection string with its password hidden, for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    return u.toString();
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

export function quietLogger(): Logger {
  return new Logger(() => () => undefined);
}
