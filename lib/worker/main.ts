// The worker process: runs queued jobs (imports, instruction generation, solving) with
// graphile-worker, and a scout that joins runs other workers started or left behind. Any number of
// workers, on this machine or others, can point at one database.
import os from "node:os";
import { run, type TaskList } from "graphile-worker";
import { env } from "@/lib/server/env";
import { openDatabase, quietLogger } from "@/lib/server/db/bootstrap";
import { closeDatabaseClients } from "@/lib/server/db/close";
import { cleanUpAbandonedExports } from "@/lib/server/services/export-execution";
import { stopWorkingOnRuns } from "@/lib/server/services/run-worker";
import { releaseItemsOfDeadLocalWorkers } from "@/lib/server/services/worker-liveness";
import { startRunScout } from "./run-scout";
import { taskList } from "./tasks";

const log = (line: string) => console.log(`[worker] ${line}`);

export async function runWorker(): Promise<number> {
  const e = env();
  // Standalone workers (`arbor worker` on another machine) open the database themselves.
  const db = await openDatabase({ log, migrate: !e.DATABASE_URL });
  const workerId = `${os.hostname()}:${process.pid}`;
  const released = await releaseItemsOfDeadLocalWorkers(workerId);
  if (released > 0) log(`${released} run items of a worker that died here are queued again`);
  // exports a dead process left "running" are marked failed and their partial files removed
  const abandoned = await cleanUpAbandonedExports().catch((err: unknown) => {
    log(`could not clean up abandoned exports: ${err instanceof Error ? err.message : String(err)}`);
    return { failedRuns: [], removedFiles: [] };
  });
  if (abandoned.failedRuns.length > 0 || abandoned.removedFiles.length > 0) {
    log(`${abandoned.failedRuns.length} abandoned export runs marked failed, ${abandoned.removedFiles.length} partial export files removed`);
  }
  const tasks: TaskList = taskList(workerId);
  const runner = await run({
    connectionString: db.url,
    concurrency: e.ARBOR_WORKER_CONCURRENCY,
    pollInterval: 2000,
    taskList: tasks,
    parsedCronItems: [],
    logger: quietLogger(),
  });
  const scout = startRunScout({
    workerId,
    pollSeconds: e.ARBOR_RUN_POLL_SECONDS,
    staleSeconds: e.ARBOR_RUN_ITEM_TIMEOUT_SECONDS,
    maxRuns: e.ARBOR_WORKER_CONCURRENCY,
    log,
  });
  // On SIGINT/SIGTERM graphile-worker waits for running jobs: run items in progress are given back
  // to the queue after their current step, so the jobs end soon and another worker resumes them.
  runner.events.on("pool:gracefulShutdown", () => {
    void scout.stop();
    void stopWorkingOnRuns();
  });
  log(`ready (${workerId}, concurrency ${e.ARBOR_WORKER_CONCURRENCY}, tasks: ${Object.keys(tasks).join(", ") || "none"})`);
  await runner.promise;
  await scout.stop();
  await stopWorkingOnRuns();
  await closeDatabaseClients().catch(() => undefined); // and the export threads, which would keep this process running
  await db.stop();
  log("stopped");
  return 0;
}
