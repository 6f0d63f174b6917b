// A node-postgres pool for the few places that need what Prisma does not offer: bulk COPY/unnest
// writes in the importer, LISTEN/NOTIFY, and job enqueueing inside hand-rolled transactions.
import pg from "pg";
import { databaseUrl } from "../env";

const holder = globalThis as unknown as { __arborPool?: pg.Pool; __arborPoolUrl?: string };

// Postgres int8 (e.g. count(*)) as JS numbers: Arbor's counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// numeric as JS numbers (costs, averages)
pg.types.setTypeParser(1700, (v) => Number(v));

export function pool(): pg.Pool {
  const url = databaseUrl();
  if (!holder.__arborPool || holder.__arborPoolUrl !== url) {
    holder.__arborPool = new pg.Pool({ connectionString: url, max: 10, allowExitOnIdle: true });
    holder.__arborPool.on("error", () => undefined); // idle-client errors surface on the next query
    holder.__arborPoolUrl = url;
  }
  return holder.__arborPool;
}

export async function closePool(): Promise<void> {
  const p = holder.__arborPool;
  holder.__arborPool = undefined;
  holder.__arborPoolUrl = undefined;
  if (p) await p.end();
}
