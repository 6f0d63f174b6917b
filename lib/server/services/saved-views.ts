// Saved views of the tree list: a user saves the current URL query under a name, lists, applies
// and deletes their own views. The stored query is the canonical form of the filter (fixed key
// order, defaults and page left out), so saving the same view twice stores the same text.
import { InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { MAX_SAVED_VIEWS, savedViewQuery } from "@/lib/core/schemas/trees";
import { deleteSavedViewOf, findSavedViews, upsertSavedView, type SavedViewRow } from "../repositories/saved-views";

export type { SavedViewRow };

export const TREE_VIEW_SCOPE = "trees";

export async function listTreeViews(userId: number): Promise<SavedViewRow[]> {
  return findSavedViews(userId, TREE_VIEW_SCOPE);
}

export async function saveTreeView(userId: number, input: { name: string; query: string }): Promise<SavedViewRow & { created: boolean }> {
  const views = await findSavedViews(userId, TREE_VIEW_SCOPE);
  if (!views.some((v) => v.name === input.name) && views.length >= MAX_SAVED_VIEWS) {
    throw new InvalidInputError(`You have ${MAX_SAVED_VIEWS} saved views, the most there can be: delete one first.`);
  }
  return upsertSavedView(userId, TREE_VIEW_SCOPE, input.name, savedViewQuery(input.query));
}

export async function deleteTreeView(userId: number, id: number): Promise<void> {
  if (!(await deleteSavedViewOf(userId, TREE_VIEW_SCOPE, id))) throw new NotFoundError(`You have no saved view #${id}.`);
}
