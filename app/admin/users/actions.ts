"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/core/result";
import { createUserInput, setDisabledInput, setPasswordInput, setRoleInput } from "@/lib/core/schemas/users";
import { createUser, setUserDisabled, setUserPassword, setUserRole } from "@/lib/server/services/users";
import { parseInput, runAction } from "../../_lib/run-action";

export async function createUserAction(input: unknown): Promise<Result<{ id: number }>> {
  return runAction("createUser", async () => {
    const user = await createUser(parseInput(createUserInput, input));
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}

export async function setRoleAction(input: unknown): Promise<Result<null>> {
  return runAction("setRole", async () => {
    const { userId, role } = parseInput(setRoleInput, input);
    await setUserRole(userId, role);
    revalidatePath("/admin/users");
    return null;
  });
}

export async function setDisabledAction(input: unknown): Promise<Result<null>> {
  return runAction("setDisabled", async () => {
    const { userId, disabled } = parseInput(setDisabledInput, input);
    await setUserDisabled(userId, disabled);
    revalidatePath("/admin/users");
    return null;
  });
}

export async function setPasswordAction(input: unknown): Promise<Result<null>> {
  return runAction("setPassword", async () => {
    const { userId, password } = parseInput(setPasswordInput, input);
    await setUserPassword(userId, password);
    return null;
  });
}
