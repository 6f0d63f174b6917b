// Pages call this first: it sends signed-out visitors to the sign-in page and shows a plain
// "not allowed" panel to users whose role lacks the permission.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { can, forbiddenMessage, type Permission } from "@/lib/core/auth/permissions";
import { currentUser, type CurrentUser } from "@/lib/server/auth/session";
import { EmptyState } from "../_components/empty-state";

export type Gate = { user: CurrentUser; denied: null } | { user: CurrentUser; denied: React.ReactNode };

export async function gatePage(permission: Permission = "read"): Promise<Gate> {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  if (can(user.role, permission)) return { user, denied: null };
  return {
    user,
    denied: (
      <EmptyState title="Not allowed">
        <p>{forbiddenMessage(user.role, permission)} An admin can change your role.</p>
      </EmptyState>
    ),
  };
}

/** Page titles name data: only signed-in users get them. */
export async function gatedMetadata(fn: () => Promise<Metadata>): Promise<Metadata> {
  return (await currentUser()) ? fn() : { title: "Arbor" };
}
