"use server";

import type { Result } from "@/lib/core/result";
import { deleteSavedViewInput, saveTreeViewInput } from "@/lib/core/schemas/trees";
import { requireUser } from "@/lib/server/auth/session";
import { deleteTreeView, saveTreeView } from "@/lib/server/services/saved-views";
import { parseInput, runAction } from "../../_lib/run-action";

/** Saves the list's current query under a name (replacing the user's view of that name). */
export async function saveTreeViewAction(input: unknown): Promise<Result<{ id: number; name: string; created: boolean }>> {
  return runAction("saveTreeView", async () => {
    const user = await requireUser("read");
    const view = await saveTreeView(user.id, parseInput(saveTreeViewInput, input));
    return { id: view.id, name: view.name, created: view.created };
  });
}

export async function deleteTreeViewAction(input: unknown): Promise<Result<null>> {
  return runAction("deleteTreeView", async () => {
    const user = await requireUser("read");
    await deleteTreeView(user.id, parseInput(deleteSavedViewInput, input).id);
    return null;
  });
}
