"use server";

import type { Result } from "@/lib/core/result";
import { setupInput } from "@/lib/core/schemas/users";
import { createFirstAdmin } from "@/lib/server/services/users";
import { parseInput, runAction } from "../_lib/run-action";

/** First run only: the first account becomes admin (refused once any account exists). */
export async function setupAction(input: unknown): Promise<Result<null>> {
  return runAction("setup", async () => {
    await createFirstAdmin(parseInput(setupInput, input));
    return null;
  });
}
