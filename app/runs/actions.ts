"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/core/result";
import { retryRunInput, runIdInput, startGenerationRunInput, startSolveRunInput } from "@/lib/core/schemas/runs";
import { requireUser } from "@/lib/server/auth/session";
import { retryRun, startGenerationRun, startSolveRun } from "@/lib/server/services/run-launch";
import { cancelRun } from "@/lib/server/services/runs";
import { parseInput, runAction } from "../_lib/run-action";

/** Queues a solve run over the instructions the filter selects. */
export async function startSolveRunAction(input: unknown): Promise<Result<{ runId: number; items: number }>> {
  return runAction("startSolveRun", async () => {
    const user = await requireUser("run");
    const r = await startSolveRun(parseInput(startSolveRunInput, input), user.id);
    revalidatePath("/runs");
    return r;
  });
}

/** Queues an instruction-generation run. */
export async function startGenerationRunAction(input: unknown): Promise<Result<{ runId: number; items: number }>> {
  return runAction("startGenerationRun", async () => {
    const user = await requireUser("run");
    const r = await startGenerationRun(parseInput(startGenerationRunInput, input), user.id);
    revalidatePath("/runs");
    return r;
  });
}

/** Stops a run: a queued one at once, a running one after the steps in flight. */
export async function cancelRunAction(runId: unknown): Promise<Result<{ cancelled: boolean }>> {
  return runAction("cancelRun", async () => {
    await requireUser("run");
    return { cancelled: await cancelRun(parseInput(runIdInput, runId)) };
  });
}

/** Queues a finished run's failed and skipped items again, optionally with a new cost cap. */
export async function retryRunAction(input: unknown): Promise<Result<{ items: number }>> {
  return runAction("retryRun", async () => {
    await requireUser("run");
    const { runId, costCapUsd } = parseInput(retryRunInput, input);
    return retryRun(runId, costCapUsd);
  });
}
