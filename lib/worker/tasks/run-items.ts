// Jobs "solve_run" and "generate_instructions": a run queued from the Runs page. The job starts this
// worker on the run's items; other workers join through their scouts.
import type { Task } from "graphile-worker";
import { z } from "zod";
import { workOnRun } from "@/lib/server/services/run-worker";

const payload = z.object({ runId: z.number().int().positive() });

export function runItemsTask(workerId: string): Task {
  return async (raw) => {
    const { runId } = payload.parse(raw);
    await workOnRun(runId, workerId);
  };
}
