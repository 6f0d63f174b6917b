// The connections run workers write through. Their commits do not wait for the disk
// (synchronous_commit off): a database crash can lose the last moment of a run's events, which a
// resumed item simply asks for again, never half of a write; and each LLM step costs one commit.
import pg from "pg";
import { databaseUrl } from "../env";
import "./pool"; // its type parsers: int8 and numeric as numbers

const holder = globalThis as unknown as { __arborRunPool?: pg.Pool; __arborRunPoolUrl?: string };

export function runPool(): pg.Pool {
  const url = databaseUrl();
  if (!holder.__arborRunPool || holder.__arborRunPoolUrl !== url) {
    void holder.__arborRunPool?.end().catch(() => undefined);
    holder.__arborRunPool = new pg.Pool({ connectionString: url, max: 20, allowExitOnIdle: true, options: "-c synchronous_commit=off" });
    holder.__arborRunPool.on("error", () => undefined);
    holder.__arborRunPoolUrl = url;
  }
  return holder.__arborRunPool;
}

export async function closeRunPool(): Promise<void> {
  const p = holder.__arborRunPool;
  holder.__arborRunPool = undefined;
  holder.__arborRunPoolUrl = undefined;
  if (p) await p.end();
}

/** A transaction on a run connection; rolled back when `fn` throws. */
export async function inRunTransaction<T>(fn: (db: pg.PoolClient) => Promise<T>): Promise<T> {
  const db = await runPool().connect();
  try {
    await db.query("begin");
    const result = await fn(db);
    await db.query("commit");
    return result;
  } catch (err) {
    await db.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    db.release();
  }
}
