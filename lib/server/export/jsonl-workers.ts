// Worker threads that write the parts of JSONL exports (see jsonl-worker.ts): one per core, so parts
// are read and written on several cores at once while the exporting thread only pages tree ids and
// writes the file in order. The threads start with the first export and stop after a quiet minute,
// or with the process's database clients (closeDatabaseClients).
// Parts are written on this thread when no worker can start, and a dying worker's parts are
// written again here: the file is the same either way, only slower.
import os from "node:os";
import type { Worker } from "node:worker_threads";
import type { LineFormat } from "@/lib/core/export/formats";
import { pool } from "../db/pool";
import { databaseUrl } from "../env";
import { startTsWorker } from "../ts-workers";
import { writeJsonlPart, type JsonlPart } from "./jsonl-batch";
import { LINE_BUFFER_BYTES } from "./utf8-lines";
import type { JsonlRequest, JsonlResponse } from "./jsonl-worker";

const IDLE_MS = 60_000;
// A part makes many short-lived strings; a young generation larger than V8's default collects them in
// fewer scavenges: measured 10–20% faster exports for some 30 MB more memory per thread (192 MB was no faster).
const YOUNG_GENERATION_MB = 96;

interface Pending {
  format: LineFormat;
  ids: number[];
  worker: Worker;
  resolve: (p: JsonlPart) => void;
  reject: (e: Error) => void;
}

export class JsonlWorkers {
  private workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  /** the worker each part came from, to give its buffers back to */
  private readonly origin = new WeakMap<JsonlPart, Worker>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  /** no export has sent a part since the last one ended */
  private released = false;
  private closed = false;

  constructor(size = Math.max(1, Math.min(4, os.availableParallelism()))) {
    for (let i = 0; i < size; i++) {
      try {
        const w: Worker = startTsWorker("lib/server/export/jsonl-worker.ts", () => this.retire(w), { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB });
        w.on("message", (m: JsonlResponse) => this.settle(m));
        this.workers.push(w);
      } catch {
        // no worker threads here: parts are written on this thread
      }
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Reads the trees with these ids and writes their lines (on a worker when one runs). */
  write(format: LineFormat, ids: number[]): Promise<JsonlPart> {
    this.stopIdleTimer();
    this.released = false;
    const worker = this.leastBusy();
    if (!worker) return writeJsonlPart(pool(), format, ids);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { format, ids, worker, resolve, reject });
      worker.postMessage({ kind: "part", id, databaseUrl: databaseUrl(), format, ids } satisfies JsonlRequest);
    });
  }

  /** The part's bytes are written (to the file, and no longer needed): its buffers go back to its worker. */
  giveBack(part: JsonlPart): void {
    const worker = this.origin.get(part);
    if (!worker || !this.workers.includes(worker)) return;
    const buffers = [...new Set(part.chunks.map((c) => c.buffer as ArrayBuffer))].filter((b) => b.byteLength === LINE_BUFFER_BYTES);
    if (buffers.length > 0) worker.postMessage({ kind: "spare", buffers } satisfies JsonlRequest, buffers);
  }

  /** An export has ended: the workers drop their spare buffers, and stop once quiet for a while. */
  release(): void {
    for (const w of this.workers) w.postMessage({ kind: "release" } satisfies JsonlRequest);
    this.released = true;
    if (this.pending.size === 0) this.startIdleTimer();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopIdleTimer();
    const ws = this.workers;
    this.workers = [];
    for (const p of this.pending.values()) p.reject(new Error("The export's worker threads were stopped"));
    this.pending.clear();
    await Promise.all(ws.map((w) => w.terminate()));
  }

  /** Terminates the workers as a crash would (tests of the fallback). */
  async killWorkersForTest(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private leastBusy(): Worker | undefined {
    let best: Worker | undefined;
    let bestLoad = Infinity;
    for (const w of this.workers) {
      let load = 0;
      for (const p of this.pending.values()) if (p.worker === w) load++;
      if (load < bestLoad) [best, bestLoad] = [w, load];
    }
    return best;
  }

  private settle(m: JsonlResponse): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    // the last part of an export that ended before it (a cancel, a failure): now the threads are quiet
    if (this.released && this.pending.size === 0) this.startIdleTimer();
    if ("error" in m) p.reject(new Error(m.error));
    else {
      this.origin.set(m.part, p.worker);
      p.resolve(m.part);
    }
  }

  /** A worker died: its parts are written on this thread, and no more go to it. */
  private retire(w: Worker): void {
    this.workers = this.workers.filter((x) => x !== w);
    if (this.closed) return;
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue;
      this.pending.delete(id);
      writeJsonlPart(pool(), p.format, p.ids).then(p.resolve, p.reject);
    }
  }

  private startIdleTimer(): void {
    this.stopIdleTimer();
    this.idleTimer = setTimeout(() => {
      if (shared === this) shared = undefined;
      void this.close();
    }, IDLE_MS);
    this.idleTimer.unref();
  }

  private stopIdleTimer(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }
}

let shared: JsonlWorkers | undefined;

/** This process's export workers (started on first use). */
export function jsonlWorkers(): JsonlWorkers {
  shared ??= new JsonlWorkers();
  return shared;
}

/** Stops this process's export workers (a process must, to exit: idle worker threads keep it running). */
export async function stopJsonlWorkers(): Promise<void> {
  const workers = shared;
  shared = undefined;
  await workers?.close();
}
