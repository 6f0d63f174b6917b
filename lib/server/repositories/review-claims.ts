// The review queue: a reviewer claims the next tree with a lease. The claim locks candidate tree rows
// with FOR UPDATE SKIP LOCKED, so two reviewers asking at the same moment get different trees; an
// expired lease simply stops counting, which returns the tree to the queue.
import type { QueueFilter } from "@/lib/core/schemas/reviews";
import { inTransaction, treeFilterSql, type Db } from "./reviews";

const CLAIM_LOCK = 0x52455649; // "REVI"

export interface Claim {
  treeId: number;
  expiresAt: Date;
}

async function activeClaim(db: Db, userId: number): Promise<Claim | null> {
  const r = await db.query<Claim>(
    `select "treeId", "expiresAt" from "ReviewClaim" where "userId" = $1 and "completedAt" is null and "expiresAt" > now() order by id desc limit 1`,
    [userId],
  );
  return r.rows[0] ?? null;
}

/**
 * The reviewer's claimed tree (its lease renewed), or the next tree of the filter that still needs
 * reviewers, that they have not reviewed, and that is not claimed by as many reviewers as it needs.
 */
export async function claimNext(userId: number, filter: QueueFilter, opts: { leaseMinutes: number; reviewersPerTree: number; skip?: number[] }): Promise<Claim | null> {
  return inTransaction(async (db) => {
    // one claim at a time per reviewer: a double "next" returns the same tree instead of holding two
    await db.query(`select pg_advisory_xact_lock(${CLAIM_LOCK}, $1)`, [userId]);
    const params: unknown[] = [userId, opts.reviewersPerTree, opts.leaseMinutes, opts.skip ?? []];
    const where = treeFilterSql(filter, params);
    const mine = await activeClaim(db, userId);
    // a tree held from another queue (another filter) goes back: this queue serves its own trees
    const mineParams: unknown[] = [mine?.treeId];
    if (mine && !(await db.query(`select 1 from "Tree" t where t.id = $1 and ${treeFilterSql(filter, mineParams)}`, mineParams)).rowCount) {
      await db.query(`update "ReviewClaim" set "expiresAt" = now() where "userId" = $1 and "treeId" = $2 and "completedAt" is null`, [userId, mine.treeId]);
    } else if (mine && !(opts.skip ?? []).includes(mine.treeId)) {
      const r = await db.query<Claim>(
        `update "ReviewClaim" set "expiresAt" = now() + make_interval(mins => $3) where "userId" = $1 and "treeId" = $2 and "completedAt" is null
         returning "treeId", "expiresAt"`,
        [userId, mine.treeId, opts.leaseMinutes],
      );
      return r.rows[0] ?? null;
    }
    const r = await db.query<Claim>(
      `with candidate as (
         select t.id from "Tree" t
         where ${where}
           and t."reviewStatus" in ('unreviewed', 'in_review')
           and t.id <> all($4::int[])
           and not exists (select 1 from "Review" r where r."treeId" = t.id and r."reviewerId" = $1 and r."supersededAt" is null and r."undoneAt" is null)
           and not exists (select 1 from "ReviewClaim" c where c."treeId" = t.id and c."userId" = $1 and c."completedAt" is null and c."expiresAt" > now())
           and (select count(*) from "Review" r where r."treeId" = t.id and r."supersededAt" is null and r."undoneAt" is null)
             + (select count(*) from "ReviewClaim" c where c."treeId" = t.id and c."completedAt" is null and c."expiresAt" > now()) < $2
         order by t.id
         limit 1
         for update of t skip locked)
       insert into "ReviewClaim" ("treeId", "userId", "expiresAt")
       select id, $1, now() + make_interval(mins => $3) from candidate
       returning "treeId", "expiresAt"`,
      params,
    );
    return r.rows[0] ?? null;
  });
}

/** Gives a claimed tree back to the queue (skip). */
export async function releaseClaim(userId: number, treeId: number): Promise<void> {
  await inTransaction((db) => db.query(`update "ReviewClaim" set "expiresAt" = now() where "userId" = $1 and "treeId" = $2 and "completedAt" is null`, [userId, treeId]));
}

export async function completeClaim(db: Db, userId: number, treeId: number): Promise<void> {
  await db.query(`update "ReviewClaim" set "completedAt" = now() where "userId" = $1 and "treeId" = $2 and "completedAt" is null`, [userId, treeId]);
}

/** Trees this reviewer was served most recently (for stepping back through the queue). */
export async function recentQueueTrees(userId: number, limit: number): Promise<number[]> {
  return inTransaction(async (db) => {
    const r = await db.query<{ treeId: number }>(
      `select "treeId" from (select "treeId", max(id) as last from "ReviewClaim" where "userId" = $1 group by "treeId") s order by last desc limit $2`,
      [userId, limit],
    );
    return r.rows.map((x) => x.treeId);
  });
}
