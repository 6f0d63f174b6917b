// Closes this process's database clients (CLI commands end with this so the process can exit).
import { disconnectPrisma } from "./client";
import { closePool } from "./pool";

export async function closeDatabaseClients(): Promise<void> {
  await Promise.all([disconnectPrisma(), closePool()]);
}
