// The worker threads a process keeps between jobs (the importer's preparing threads, the JSONL export
// threads). Idle threads keep a process running: a process stops them before it ends.
import { stopJsonlWorkers } from "./export/jsonl-workers";
import { stopPreparePool } from "./services/import-prepare-pool";

export async function stopBackgroundThreads(): Promise<void> {
  await Promise.all([stopPreparePool(), stopJsonlWorkers()]);
}
