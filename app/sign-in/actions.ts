"use server";

import { redirect } from "next/navigation";
import type { Result } from "@/lib/core/result";
import { signInInput } from "@/lib/core/schemas/users";
import { signIn, signOut } from "@/lib/server/services/users";
import { parseInput, runAction } from "../_lib/run-action";

/** Signs in; the caller navigates on success (to `next`, a same-site path). */
export async function signInAction(input: unknown): Promise<Result<null>> {
  return runAction("signIn", async () => {
    await signIn(parseInput(signInInput, input));
    return null;
  });
}

export async function signOutAction(): Promise<void> {
  await signOut();
  redirect("/sign-in");
}
