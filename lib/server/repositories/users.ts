// Users and sessions. Better Auth writes them through its Prisma adapter (given the client here);
// Arbor reads them through these functions.
import { prisma } from "../db/client";
import { pool } from "../db/pool";

/** The Prisma client Better Auth's adapter writes users, sessions and accounts with. */
export function authClient() {
  return prisma();
}

export interface UserRow {
  id: number;
  email: string;
  name: string;
  role: string;
  banned: boolean;
  createdAt: Date;
}

export async function countUsers(): Promise<number> {
  return prisma().user.count();
}

export async function listUsers(): Promise<UserRow[]> {
  const rows = await prisma().user.findMany({
    orderBy: { id: "asc" },
    select: { id: true, email: true, name: true, role: true, banned: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, banned: r.banned === true }));
}

export async function findUserById(id: number): Promise<UserRow | null> {
  const r = await prisma().user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, banned: true, createdAt: true } });
  return r ? { ...r, banned: r.banned === true } : null;
}

const SETUP_LOCK = 0x41524252; // "ARBR": first-run setup runs one at a time

/** Runs `fn` while holding the first-run setup lock (so two first users cannot both become admin). */
export async function withSetupLock<T>(fn: () => Promise<T>): Promise<T> {
  const client = await pool().connect();
  try {
    await client.query("select pg_advisory_lock($1)", [SETUP_LOCK]);
    return await fn();
  } finally {
    await client.query("select pg_advisory_unlock($1)", [SETUP_LOCK]).catch(() => undefined);
    client.release();
  }
}

export async function recordAudit(entry: { actorId: number | null; action: string; subject?: string; payload?: unknown }): Promise<void> {
  await prisma().auditEntry.create({
    data: { actorId: entry.actorId, action: entry.action, subject: entry.subject, payload: entry.payload === undefined ? undefined : (entry.payload as object) },
  });
}

export async function userNames(ids: number[]): Promise<Map<number, string>> {
  const rows = await prisma().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

export interface AuditRow {
  id: number;
  action: string;
  subject: string | null;
  payload: unknown;
  actor: string | null;
  createdAt: Date;
}

export async function listAudit(actions: string[], limit: number, subject?: string): Promise<AuditRow[]> {
  const rows = await prisma().auditEntry.findMany({
    where: { action: { in: actions }, ...(subject ? { subject } : {}) },
    orderBy: { id: "desc" },
    take: limit,
    select: { id: true, action: true, subject: true, payload: true, createdAt: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: Number(r.id), action: r.action, subject: r.subject, payload: r.payload, actor: r.actor?.name ?? null, createdAt: r.createdAt }));
}
