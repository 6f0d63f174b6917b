// Prepares files on worker threads (at least two: parsing is most of an import's work, and the
// database side waits on it), falling back to this thread when workers cannot start (or die): the
// import result is the same either way, only slower. A process's imports share one pool (threads
// take a good half second of CPU to start): it starts with the first import and stops after a quiet
// minute, or with the process's database clients (closeDatabaseClients).
import os from "node:os";
import type { Worker } from "node:worker_threads";
import type { PreparedFile } from "@/lib/core/import/prepare";
import { startTsWorker } from "../ts-workers";
import { prepareFromDisk, type PrepareRequest, type PrepareResponse } from "./import-prepare-worker";

interface Pending {
  req: PrepareRequest;
  resolve: (r: PreparedFile) => void;
}

export class PreparePool {
  private workers: Worker[] = [];
  private pending = new Map<number, Pending & { worker: Worker }>();
  private nextId = 1;
  private turn = 0;
  private closed = false;

  constructor(readonly size = Math.max(2, Math.min(3, os.availableParallelism() - 1))) {
    for (let i = 0; i < size; i++) {
      try {
        const w: Worker = startTsWorker("lib/server/services/import-prepare-worker.ts", () => this.retire(w));
        w.on("message", (m: PrepareResponse) => {
          const p = this.pending.get(m.id);
          if (!p) return;
          this.pending.delete(m.id);
          p.resolve(m.result);
        });
        this.workers.push(w);
      } catch {
        // no worker threads here: prepare on this thread
      }
    }
  }

  /** A worker died: finish its files on this thread, and send no more to it. */
  private retire(w: Worker): void {
    this.workers = this.workers.filter((x) => x !== w);
    if (this.closed) return;
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue;
      this.pending.delete(id);
      p.resolve(prepareFromDisk(p.req));
    }
  }

  prepare(input: { absolutePath: string; displayPath: string }, now: string): Promise<PreparedFile> {
    const req: PrepareRequest = { id: this.nextId++, absolutePath: input.absolutePath, displayPath: input.displayPath, now };
    const worker = this.workers[this.turn++ % Math.max(1, this.workers.length)];
    if (!worker) return Promise.resolve(prepareFromDisk(req));
    return new Promise((resolve) => {
      this.pending.set(req.id, { req, resolve, worker });
      worker.postMessage(req);
    });
  }

  workerCount(): number {
    return this.workers.length;
  }

  /** Terminates the workers as a crash would (tests of the fallback). */
  async killWorkersForTest(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Stops the workers; files still being prepared are dropped (the import has ended). */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.pending.values()) p.resolve({ kind: "error", message: "the import ended before this file was read" });
    this.pending.clear();
    const ws = this.workers;
    this.workers = [];
    await Promise.all(ws.map((w) => w.terminate()));
  }
}

const IDLE_MS = 60_000;
let shared: { pool: PreparePool; users: number; timer?: NodeJS.Timeout } | undefined;

/** The process's shared pool, for one import; give it back with `releasePreparePool` when the import ends. */
export function acquirePreparePool(): PreparePool {
  if (shared && shared.users === 0 && shared.pool.workerCount() < shared.pool.size) {
    // threads died since the last import: start afresh rather than prepare on this thread
    void shared.pool.close();
    if (shared.timer) clearTimeout(shared.timer);
    shared = undefined;
  }
  shared ??= { pool: new PreparePool(), users: 0 };
  if (shared.timer) clearTimeout(shared.timer);
  shared.timer = undefined;
  shared.users++;
  return shared.pool;
}

/** An import has ended: once no import uses the pool for a minute, its threads stop. */
export function releasePreparePool(pool: PreparePool): void {
  const s = shared;
  if (!s || s.pool !== pool) return;
  s.users = Math.max(0, s.users - 1);
  if (s.users > 0) return;
  s.timer = setTimeout(() => {
    if (shared === s) shared = undefined;
    void s.pool.close();
  }, IDLE_MS);
  s.timer.unref();
}

/** Stops the shared pool's threads (a process must, to exit: idle worker threads keep it running). */
export async function stopPreparePool(): Promise<void> {
  const s = shared;
  shared = undefined;
  if (s?.timer) clearTimeout(s.timer);
  await s?.pool.close();
}
