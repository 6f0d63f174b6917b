"use server";

import type { Result } from "@/lib/core/result";
import { runIdParam } from "@/lib/core/schemas/imports";
import { requireUser } from "@/lib/server/auth/session";
import { cancelRun } from "@/lib/server/services/runs";
import { parseInput, runAction } from "../_lib/run-action";

/** Stops an import: a queued one at once, a running one after its current batch. */
export async function cancelImport(runId: unknown): Promise<Result<{ cancelled: boolean }>> {
  return runAction("cancelImport", async () => {
    await requireUser("import");
    return { cancelled: await cancelRun(parseInput(runIdParam, runId)) };
  });
}
