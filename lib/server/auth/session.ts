// The signed-in user, checked on every server action, route handler and page.
import { headers } from "next/headers";
import { ForbiddenError, UnauthenticatedError } from "@/lib/core/errors";
import { can, forbiddenMessage, roleOf, type Permission, type Role } from "@/lib/core/auth/permissions";
import { auth } from "./auth";

export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
}

/** The user of this request, or null. Banned users and expired sessions have none. */
export async function currentUser(): Promise<CurrentUser | null> {
  const requestHeaders = await headers(); // first: makes the page dynamic before anything touches the database
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const u = session.user as { id: string | number; email: string; name: string; role?: string | null; banned?: boolean | null };
  if (u.banned) return null;
  return { id: Number(u.id), email: u.email, name: u.name, role: roleOf(u.role) };
}

/** The user of this request, who must be signed in and (when given) have the permission. */
export async function requireUser(permission: Permission = "read"): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) throw new UnauthenticatedError();
  if (!can(user.role, permission)) throw new ForbiddenError(forbiddenMessage(user.role, permission));
  return user;
}
