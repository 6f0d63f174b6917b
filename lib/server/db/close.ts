// Closes this process's database clients (CLI commands end with this so the process can exit).
import { disconnectPrisma } from "./client";
import { closePool } from "./pool";
import { closeRunPool } from "./run-pool";

export async function closeDatabaseClients(): Promise<void> {
  await Promise.all([disconnectPrisma(), closePool(), closeRunPool()]);
}
