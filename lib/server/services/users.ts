// Signing in, the first-run setup (the first user becomes admin) and user management by admins.
import { headers } from "next/headers";
import { APIError } from "better-auth/api";
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from "@/lib/core/errors";
import type { Role } from "@/lib/core/auth/permissions";
import type { CreateUserInput, SetupInput, SignInInput } from "@/lib/core/schemas/users";
import { auth } from "../auth/auth";
import { requireUser, type CurrentUser } from "../auth/session";
import { countUsers, findUserById, listUsers, recordAudit, withSetupLock, type UserRow } from "../repositories/users";

export type { UserRow };

export async function needsSetup(): Promise<boolean> {
  return (await countUsers()) === 0;
}

function authMessage(err: unknown, fallback: string): string {
  return err instanceof APIError ? (err.body?.message ?? fallback) : fallback;
}

export async function signIn(input: SignInInput): Promise<void> {
  try {
    await auth().api.signInEmail({ body: { email: input.email, password: input.password }, headers: await headers() });
  } catch (err) {
    if (err instanceof APIError) {
      const banned = /banned/i.test(err.body?.message ?? "");
      throw new InvalidInputError(banned ? "This account is disabled. Ask an admin to enable it." : "Wrong email or password.");
    }
    throw err;
  }
}

export async function signOut(): Promise<void> {
  await auth().api.signOut({ headers: await headers() });
}

/** First run: creates the first account, as admin, and signs it in. Refused once any user exists. */
export async function createFirstAdmin(input: SetupInput): Promise<void> {
  await withSetupLock(async () => {
    if ((await countUsers()) > 0) throw new ConflictError("Arbor already has an admin. Sign in, or ask the admin for an account.");
    const { user } = await auth().api.createUser({ body: { email: input.email, password: input.password, name: input.name, role: "admin" } });
    await recordAudit({ actorId: Number(user.id), action: "user.setup", subject: `user:${user.id}` });
  });
  await signIn({ email: input.email, password: input.password });
}

export async function listAllUsers(): Promise<UserRow[]> {
  await requireUser("manage_users");
  return listUsers();
}

export async function createUser(input: CreateUserInput): Promise<UserRow> {
  const actor = await requireUser("manage_users");
  try {
    const { user } = await auth().api.createUser({
      body: { email: input.email, password: input.password, name: input.name, role: input.role },
      headers: await headers(),
    });
    await recordAudit({ actorId: actor.id, action: "user.create", subject: `user:${user.id}`, payload: { email: input.email, role: input.role } });
    return (await findUserById(Number(user.id)))!;
  } catch (err) {
    if (err instanceof APIError) throw new InvalidInputError(authMessage(err, "The user could not be created."));
    throw err;
  }
}

async function otherActiveAdmins(actor: CurrentUser): Promise<number> {
  return (await listUsers()).filter((u) => u.role === "admin" && !u.banned && u.id !== actor.id).length;
}

async function targetUser(userId: number): Promise<UserRow> {
  const user = await findUserById(userId);
  if (!user) throw new NotFoundError(`There is no user #${userId}`);
  return user;
}

export async function setUserRole(userId: number, role: Role): Promise<void> {
  const actor = await requireUser("manage_users");
  const user = await targetUser(userId);
  if (user.id === actor.id && role !== "admin" && (await otherActiveAdmins(actor)) === 0) {
    throw new ForbiddenError("You are the only admin: make someone else admin first.");
  }
  await auth().api.setRole({ body: { userId: String(userId), role }, headers: await headers() });
  await recordAudit({ actorId: actor.id, action: "user.role", subject: `user:${userId}`, payload: { from: user.role, to: role } });
}

export async function setUserDisabled(userId: number, disabled: boolean): Promise<void> {
  const actor = await requireUser("manage_users");
  await targetUser(userId);
  if (userId === actor.id) throw new ForbiddenError("You cannot disable your own account.");
  const h = await headers();
  if (disabled) await auth().api.banUser({ body: { userId: String(userId) }, headers: h });
  else await auth().api.unbanUser({ body: { userId: String(userId) }, headers: h });
  await recordAudit({ actorId: actor.id, action: disabled ? "user.disable" : "user.enable", subject: `user:${userId}` });
}

export async function setUserPassword(userId: number, password: string): Promise<void> {
  const actor = await requireUser("manage_users");
  await targetUser(userId);
  await auth().api.setUserPassword({ body: { userId: String(userId), newPassword: password }, headers: await headers() });
  await recordAudit({ actorId: actor.id, action: "user.password", subject: `user:${userId}` });
}

/** `arbor users add` on the server: an operator at the machine, not a browser session. */
export async function createUserFromCommandLine(input: CreateUserInput): Promise<UserRow> {
  try {
    const { user } = await auth().api.createUser({ body: { email: input.email, password: input.password, name: input.name, role: input.role } });
    await recordAudit({ actorId: null, action: "user.create", subject: `user:${user.id}`, payload: { email: input.email, role: input.role, via: "cli" } });
    return (await findUserById(Number(user.id)))!;
  } catch (err) {
    if (err instanceof APIError) throw new InvalidInputError(authMessage(err, "The user could not be created."));
    throw err;
  }
}

/** `arbor users list`. */
export function listUsersFromCommandLine(): Promise<UserRow[]> {
  return listUsers();
}
