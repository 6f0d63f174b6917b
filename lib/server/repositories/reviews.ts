// Reviews, the review queue's leases, and bulk verdicts — the writes run in transactions that lock
// the tree rows they change, so concurrent reviewers serialize per tree and never lose a review.
import type pg from "pg";
import type { CurrentReview, TreeReviewState, Verdict } from "@/lib/core/review/tree-state";
import type { BulkFilter, QueueFilter } from "@/lib/core/schemas/reviews";
import { pool } from "../db/pool";

export type Db = pg.PoolClient;

export async function inTransaction<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await pool().connect();
  try {
    await db.query("begin");
    const r = await fn(db);
    await db.query("commit");
    return r;
  } catch (err) {
    await db.query("rollback").catch(() => undefined);
    throw err;
  } finally {
    db.release();
  }
}

/** SQL conditions on "Tree" t for a queue / bulk filter (parameters appended to `params`). */
export function treeFilterSql(f: BulkFilter | QueueFilter, params: unknown[]): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = ["true"];
  if (f.group) where.push(`t."group" = ${p(f.group)}`);
  if (f.method) where.push(`t.method = ${p(f.method)}::"TreeMethod"`);
  if (f.finishType) where.push(f.finishType === "none" ? `t."finishType" is null` : `t."finishType" = ${p(f.finishType)}`);
  if (f.valid) where.push(`t."validData" = ${p(f.valid === "yes")}`);
  if (f.runId) where.push(`t."runId" = ${p(f.runId)}`);
  if ("reviewStatus" in f && f.reviewStatus) where.push(`t."reviewStatus" = ${p(f.reviewStatus)}::"ReviewStatus"`);
  if ("hasErrors" in f && f.hasErrors) where.push(`(t."hallucinatedCount" + t."apiErrorCount") ${f.hasErrors === "yes" ? ">" : "="} 0`);
  return where.join(" and ");
}

const CURRENT = `r."supersededAt" is null and r."undoneAt" is null`;

export interface TreeLock {
  id: number;
  version: number;
  toolbenchNodeIdx: number | null;
}

export async function lockTree(db: Db, treeId: number): Promise<TreeLock | null> {
  const r = await db.query<TreeLock>(`select id, version, "toolbenchNodeIdx" from "Tree" where id = $1 for update`, [treeId]);
  return r.rows[0] ?? null;
}

/** Trees' current reviews (one per reviewer), for recomputing their state. */
export async function currentReviews(db: Db, treeIds: number[]): Promise<Map<number, (CurrentReview & { id: number })[]>> {
  const r = await db.query<{ id: number; treeId: number; reviewerId: number; verdict: Verdict; chosenNodeIdx: number | null }>(
    `select r.id, r."treeId", r."reviewerId", r.verdict::text as verdict, r."chosenNodeIdx" from "Review" r
     where r."treeId" = any($1::int[]) and ${CURRENT} order by r.id`,
    [treeIds],
  );
  const out = new Map<number, (CurrentReview & { id: number })[]>();
  for (const row of r.rows) out.set(row.treeId, [...(out.get(row.treeId) ?? []), { ...row, order: row.id }]);
  return out;
}

export async function currentReviewBy(db: Db, treeId: number, reviewerId: number): Promise<{ id: number } | null> {
  const r = await db.query<{ id: number }>(`select r.id from "Review" r where r."treeId" = $1 and r."reviewerId" = $2 and ${CURRENT} order by r.id desc limit 1`, [treeId, reviewerId]);
  return r.rows[0] ?? null;
}

export interface NewReview {
  treeId: number;
  reviewerId: number;
  verdict: Verdict;
  reasons: string[];
  comment?: string;
  chosenNodeIdx: number | null;
  replacesId: number | null;
  baseVersion: number | null;
  bulkId?: string;
}

/** Inserts reviews and supersedes the ones they replace. */
export async function insertReviews(db: Db, reviews: NewReview[]): Promise<number[]> {
  if (reviews.length === 0) return [];
  const replaced = reviews.map((r) => r.replacesId).filter((x): x is number => x !== null);
  if (replaced.length) await db.query(`update "Review" set "supersededAt" = now() where id = any($1::int[])`, [replaced]);
  const r = await db.query<{ id: number }>(
    `insert into "Review" ("treeId", "reviewerId", verdict, reasons, comment, "chosenNodeIdx", "replacesId", "baseVersion", "bulkId")
     select t, u, v::"Verdict", array(select jsonb_array_elements_text(rs::jsonb)), c, n, rp, bv, b
     from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::int[], $9::text[])
       with ordinality as x(t, u, v, rs, c, n, rp, bv, b, k)
     order by k
     returning id`,
    [
      reviews.map((x) => x.treeId),
      reviews.map((x) => x.reviewerId),
      reviews.map((x) => x.verdict),
      reviews.map((x) => JSON.stringify(x.reasons)),
      reviews.map((x) => x.comment ?? null),
      reviews.map((x) => x.chosenNodeIdx),
      reviews.map((x) => x.replacesId),
      reviews.map((x) => x.baseVersion),
      reviews.map((x) => x.bulkId ?? null),
    ],
  );
  return r.rows.map((x) => x.id);
}

/** Writes recomputed review states and bumps each tree's version (what stale writes are checked against). */
export async function applyTreeStates(db: Db, states: (TreeReviewState & { treeId: number })[]): Promise<void> {
  if (states.length === 0) return;
  await db.query(
    `update "Tree" t set "reviewStatus" = x.s::"ReviewStatus", "reviewCount" = x.c, "chosenNodeIdx" = x.n, "chosenBy" = x.b,
       version = t.version + 1, "updatedAt" = now()
     from unnest($1::int[], $2::text[], $3::int[], $4::int[], $5::text[]) as x(id, s, c, n, b)
     where t.id = x.id`,
    [states.map((s) => s.treeId), states.map((s) => s.reviewStatus), states.map((s) => s.reviewCount), states.map((s) => s.chosenNodeIdx), states.map((s) => s.chosenBy)],
  );
}

export async function finishedLeafIdxs(db: Db, treeId: number): Promise<Set<number>> {
  const r = await db.query<{ idx: number }>(
    `select idx from "Node" where "treeId" = $1 and type = 'ActionInput' and "functionName" = 'Finish' and "childCount" = 0 and "observationCode" in (3, 4)`,
    [treeId],
  );
  return new Set(r.rows.map((x) => x.idx));
}

export async function audit(db: Db, actorId: number, action: string, subject: string, payload?: unknown): Promise<void> {
  await db.query(`insert into "AuditEntry" ("actorId", action, subject, payload) values ($1, $2, $3, $4::jsonb)`, [
    actorId,
    action,
    subject,
    payload === undefined ? null : JSON.stringify(payload),
  ]);
}

export async function countMatching(filter: BulkFilter): Promise<number> {
  const params: unknown[] = [];
  const where = treeFilterSql(filter, params);
  const r = await pool().query<{ n: number }>(`select count(*)::int as n from "Tree" t where ${where}`, params);
  return r.rows[0]!.n;
}

/** Locks the trees a bulk action covers, in id order (the order every writer locks in). */
export async function lockMatching(db: Db, filter: BulkFilter): Promise<{ id: number; toolbenchNodeIdx: number | null }[]> {
  const params: unknown[] = [];
  const where = treeFilterSql(filter, params);
  const r = await db.query<{ id: number; toolbenchNodeIdx: number | null }>(`select t.id, t."toolbenchNodeIdx" from "Tree" t where ${where} order by t.id for update`, params);
  return r.rows;
}

export async function currentReviewIdsBy(db: Db, treeIds: number[], reviewerId: number): Promise<Map<number, number>> {
  const r = await db.query<{ treeId: number; id: number }>(
    `select distinct on (r."treeId") r."treeId", r.id from "Review" r
     where r."treeId" = any($1::int[]) and r."reviewerId" = $2 and ${CURRENT} order by r."treeId", r.id desc`,
    [treeIds, reviewerId],
  );
  return new Map(r.rows.map((x) => [x.treeId, x.id]));
}

export async function lockTreesOfBulk(db: Db, bulkId: string): Promise<{ id: number; toolbenchNodeIdx: number | null }[]> {
  const r = await db.query<{ id: number; toolbenchNodeIdx: number | null }>(
    `select t.id, t."toolbenchNodeIdx" from "Tree" t where t.id in (select "treeId" from "Review" where "bulkId" = $1) order by t.id for update`,
    [bulkId],
  );
  return r.rows;
}

/**
 * Undoes a bulk action's reviews: each becomes undone, and where it was still the reviewer's current
 * review, the review it replaced becomes current again. Returns how many were undone.
 */
export async function undoBulkReviews(db: Db, bulkId: string): Promise<number> {
  const r = await db.query<{ id: number; replacesId: number | null; wasCurrent: boolean }>(
    `update "Review" r set "undoneAt" = now()
     from (select id, "supersededAt" is null as "wasCurrent" from "Review" where "bulkId" = $1 and "undoneAt" is null) s
     where r.id = s.id
     returning r.id, r."replacesId", s."wasCurrent"`,
    [bulkId],
  );
  const restore = r.rows.filter((x) => x.wasCurrent && x.replacesId !== null).map((x) => x.replacesId!);
  if (restore.length) await db.query(`update "Review" set "supersededAt" = null where id = any($1::int[])`, [restore]);
  return r.rowCount ?? 0;
}
