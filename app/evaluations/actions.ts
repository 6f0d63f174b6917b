"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/core/result";
import { startEvaluationRunInput } from "@/lib/core/schemas/evaluations";
import { requireUser } from "@/lib/server/auth/session";
import { startEvaluationRun } from "@/lib/server/services/evaluation-runs";
import { parseInput, runAction } from "../_lib/run-action";

/** Queues an evaluation run: the pass rate of chosen trees, or the win rate of one side against another. */
export async function startEvaluationRunAction(input: unknown): Promise<Result<{ runId: number; items: number }>> {
  return runAction("startEvaluationRun", async () => {
    const user = await requireUser("run");
    const r = await startEvaluationRun(parseInput(startEvaluationRunInput, input), user.id);
    revalidatePath("/runs");
    revalidatePath("/evaluations");
    return r;
  });
}
