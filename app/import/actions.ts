"use server";

import { NotFoundError } from "@/lib/core/errors";
import { err, ok, type Result } from "@/lib/core/result";
import { runIdParam } from "@/lib/core/schemas/imports";
import { cancelRun } from "@/lib/server/services/runs";

/** Stops an import: a queued one at once, a running one after its current batch. */
export async function cancelImport(runId: unknown): Promise<Result<{ cancelled: boolean }>> {
  const id = runIdParam.safeParse(runId);
  if (!id.success) return err("INVALID_INPUT", "Not a run id");
  try {
    return ok({ cancelled: await cancelRun(id.data) });
  } catch (e) {
    if (e instanceof NotFoundError) return err("NOT_FOUND", e.message);
    console.error("[action] cancelImport", e);
    return err("INTERNAL", "The import could not be cancelled. The server log has the details.");
  }
}
