// Worker thread of JSONL exports: reads parts of an export from the database (its own sessions) and
// writes them as lines; the bytes move to the exporting thread without a copy. It loads no more than
// that needs (no app settings, no Prisma client), so it starts quickly.
import { parentPort } from "node:worker_threads";
import pg from "pg";
import type { LineFormat } from "@/lib/core/export/formats";
import { writeJsonlPart, type JsonlPart } from "./jsonl-batch";
import { LINE_BUFFER_BYTES } from "./utf8-lines";

export type JsonlRequest =
  | { kind: "part"; id: number; databaseUrl: string; format: LineFormat; ids: number[] }
  /** buffers of parts already written to the file, given back to write further parts into */
  | { kind: "spare"; buffers: ArrayBuffer[] }
  | { kind: "release" };
export type JsonlResponse = { id: number; part: JsonlPart } | { id: number; error: string };

let db: { url: string; pool: pg.Pool } | undefined;
// Buffers come back once written: parts are written into the same few, so neither thread keeps making
// (and collecting) new ones.
const spare: ArrayBuffer[] = [];
const MAX_SPARE = 4; // two parts in flight per worker, a buffer or two each

function poolFor(url: string): pg.Pool {
  if (db?.url !== url) {
    void db?.pool.end().catch(() => undefined);
    // sessions close once idle for a few seconds: between exports, none stay open
    const pool = new pg.Pool({ connectionString: url, max: 4, idleTimeoutMillis: 5_000 });
    pool.on("error", () => undefined); // idle-session errors surface on the next query
    db = { url, pool };
  }
  return db.pool;
}

async function handle(m: JsonlRequest): Promise<void> {
  if (m.kind === "spare") {
    for (const b of m.buffers) if (spare.length < MAX_SPARE && b.byteLength === LINE_BUFFER_BYTES) spare.push(b);
    return;
  }
  if (m.kind === "release") {
    // an export has ended: its buffers go (another export may still be running: its sessions stay)
    spare.length = 0;
    return;
  }
  let response: JsonlResponse;
  let transfer: ArrayBuffer[] = [];
  try {
    const part = await writeJsonlPart(poolFor(m.databaseUrl), m.format, m.ids, spare);
    response = { id: m.id, part };
    transfer = [...new Set(part.chunks.map((c) => c.buffer as ArrayBuffer))];
  } catch (err) {
    response = { id: m.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort!.postMessage(response, transfer);
}

parentPort?.on("message", (m: JsonlRequest) => void handle(m));
