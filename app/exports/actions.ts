"use server";

import type { Result } from "@/lib/core/result";
import { runIdParam } from "@/lib/core/schemas/imports";
import { requireUser } from "@/lib/server/auth/session";
import { queueExport } from "@/lib/server/services/exports";
import { cancelRun } from "@/lib/server/services/runs";
import { parseInput, runAction } from "../_lib/run-action";

/** Queues an export of the trees a filter selects; the service checks format and filter. */
export async function startExport(input: unknown): Promise<Result<{ runId: number }>> {
  return runAction("startExport", async () => {
    const user = await requireUser("export");
    return { runId: await queueExport(input, user.id) };
  });
}

/** Stops an export: a queued one at once, a running one after its current batch (nothing is kept). */
export async function cancelExport(runId: unknown): Promise<Result<{ cancelled: boolean }>> {
  return runAction("cancelExport", async () => {
    await requireUser("export");
    return { cancelled: await cancelRun(parseInput(runIdParam, runId)) };
  });
}
