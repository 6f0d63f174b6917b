// Saved views: a user's named URL queries of a list ("trees", …). Every read and write is scoped to
// the user, so one user can neither see nor delete another's views.
import { prisma } from "../db/client";

export interface SavedViewRow {
  id: number;
  name: string;
  /** the URL search string, without "?" */
  query: string;
  createdAt: Date;
}

const columns = { id: true, name: true, query: true, createdAt: true } as const;

export async function findSavedViews(userId: number, scope: string): Promise<SavedViewRow[]> {
  return prisma().savedView.findMany({ where: { userId, scope }, select: columns, orderBy: [{ name: "asc" }, { id: "asc" }] });
}

/** Saves under the name, replacing the query of a view of the same name. */
export async function upsertSavedView(userId: number, scope: string, name: string, query: string): Promise<SavedViewRow & { created: boolean }> {
  const existing = await prisma().savedView.findUnique({ where: { userId_scope_name: { userId, scope, name } }, select: { id: true } });
  const row = await prisma().savedView.upsert({
    where: { userId_scope_name: { userId, scope, name } },
    create: { userId, scope, name, query },
    update: { query },
    select: columns,
  });
  return { ...row, created: existing === null };
}

/** Deletes the user's view; false when the user has no view with that id. */
export async function deleteSavedViewOf(userId: number, scope: string, id: number): Promise<boolean> {
  const r = await prisma().savedView.deleteMany({ where: { id, userId, scope } });
  return r.count > 0;
}
