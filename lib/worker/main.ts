// The worker process: runs queued jobs (imports, and later solve / evaluate / export runs) with
// graphile-worker. Any number of workers, on this machine or others, can point at one database.
import os from "node:os";
import { run, type TaskList } from "graphile-worker";
import { env } from "@/lib/server/env";
import { openDatabase, quietLogger } from "@/lib/server/db/bootstrap";
import { taskList } from "./tasks";

const log = (line: string) => console.log(`[worker] ${line}`);

export async function runWorker(): Promise<number> {
  const e = env();
  // Standalone workers (`arbor worker` on another machine) open the database themselves.
  const db = await openDatabase({ log, migrate: !e.DATABASE_URL });
  const workerId = `${os.hostname()}:${process.pid}`;
  const tasks: TaskList = taskList(workerId);
  const runner = await run({
    connectionString: db.url,
    concurrency: e.ARBOR_WORKER_CONCURRENCY,
    pollInterval: 2000,
    taskList: tasks,
    parsedCronItems: [],
    logger: quietLogger(),
  });
  log(`ready (${workerId}, concurrency ${e.ARBOR_WORKER_CONCURRENCY}, tasks: ${Object.keys(tasks).join(", ") || "none"})`);
  // graphile-worker stops gracefully on SIGINT/SIGTERM: running jobs finish or are released.
  await runner.promise;
  await db.stop();
  log("stopped");
  return 0;
}
