// Closes this process's database clients, and the export worker threads that hold some (CLI commands
// end with this so the process can exit).
import { disconnectPrisma } from "./client";
import { stopJsonlWorkers } from "../export/jsonl-workers";
import { closePool } from "./pool";
import { closeRunPool } from "./run-pool";

export async function closeDatabaseClients(): Promise<void> {
  await Promise.all([disconnectPrisma(), closePool(), closeRunPool(), stopJsonlWorkers()]);
}
