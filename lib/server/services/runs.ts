// Runs of every kind, as the web app reads and controls them.
import { NotFoundError } from "@/lib/core/errors";
import { findRun, requestRunCancel, type RunView } from "../repositories/runs";

export type { RunView };

export async function getRun(id: number): Promise<RunView> {
  const run = await findRun(id);
  if (!run) throw new NotFoundError(`There is no run #${id}`);
  return run;
}

/** Asks a queued or running run to stop; false when it had already ended. */
export async function cancelRun(id: number): Promise<boolean> {
  await getRun(id);
  return requestRunCancel(id);
}
