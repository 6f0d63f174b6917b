// Closes this process's database clients, and the worker threads it keeps (which hold some; CLI
// commands end with this so the process can exit).
import { disconnectPrisma } from "./client";
import { stopBackgroundThreads } from "../background-threads";
import { closePool } from "./pool";
import { closeRunPool } from "./run-pool";

export async function closeDatabaseClients(): Promise<void> {
  await Promise.all([disconnectPrisma(), closePool(), closeRunPool(), stopBackgroundThreads()]);
}
