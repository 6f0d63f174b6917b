// Reviewing against a real database: leases under concurrency, stale writes, several reviewers per
// tree, training paths, and bulk verdicts with undo. (Who is signed in is scripted here; sign-in itself
// is tested with the real auth library elsewhere.)
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ConflictError, InvalidInputError } from "@/lib/core/errors";
import { pool } from "@/lib/server/db/pool";
import { datasetsDir } from "@/lib/test/datasets";
import { createTestDatabase, type TestDatabase } from "@/lib/test/test-database";
import { expandInputs, importFiles } from "./import-files";

const as = vi.hoisted(() => ({ user: { id: 0, email: "", name: "", role: "reviewer" as string } }));
vi.mock("@/lib/server/auth/session", () => ({
  requireUser: vi.fn(async () => as.user),
  currentUser: vi.fn(async () => as.user),
}));

let db: TestDatabase;
const sql = async (text: string, params: unknown[] = []) => (await pool().query(text, params)).rows;
const users: Record<string, number> = {};
const actAs = (name: string, role = "reviewer") => (as.user = { id: users[name]!, email: `${name}@x.org`, name, role });
const tree = async (id: number) => (await sql(`select id, version, "reviewStatus", "reviewCount", "chosenNodeIdx", "chosenBy", "toolbenchNodeIdx" from "Tree" where id = $1`, [id]))[0];

beforeAll(async () => {
  db = await createTestDatabase();
  await importFiles(expandInputs([path.join(datasetsDir(), "toolbench", "answer")]).files);
  for (const name of ["ann", "ben", "cat", "admin"]) {
    const [u] = await sql(`insert into "User" (email, name, role, "updatedAt") values ($1, $2, $3, now()) returning id`, [`${name}@x.org`, name, name === "admin" ? "admin" : "reviewer"]);
    users[name] = u.id;
  }
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  await sql(`delete from "Review"; delete from "ReviewClaim"; delete from "Setting"; update "Tree" set "reviewStatus" = 'unreviewed', "reviewCount" = 0, "chosenNodeIdx" = "toolbenchNodeIdx", version = 0`);
});

describe("the review queue", () => {
  it("never gives two reviewers asking at once the same tree", async () => {
    const { nextInQueue } = await import("./reviews");
    // six requests at once, alternating reviewers (each call reads the signed-in user when it starts)
    const pending = Array.from({ length: 6 }, (_, i) => {
      const who = i % 2 ? "ann" : "ben";
      actAs(who);
      return nextInQueue({}).then((claim) => ({ who, claim }));
    });
    const claims = await Promise.all(pending);
    // a reviewer asking again gets the tree they already hold, not another one
    for (const who of ["ann", "ben"]) expect(new Set(claims.filter((c) => c.who === who).map((c) => c.claim!.treeId)).size).toBe(1);
    const annTree = claims.find((c) => c.who === "ann")!.claim!.treeId;
    const benTree = claims.find((c) => c.who === "ben")!.claim!.treeId;
    expect(annTree).not.toBe(benTree);
    expect(await sql(`select count(*)::int as n from "ReviewClaim" where "completedAt" is null and "expiresAt" > now()`)).toEqual([{ n: 2 }]);
  });

  it("returns a tree to the queue when its lease expires or it is skipped", async () => {
    const { nextInQueue, skipInQueue } = await import("./reviews");
    actAs("ann");
    const first = await nextInQueue({});
    await sql(`update "ReviewClaim" set "expiresAt" = now() - interval '1 minute'`);
    actAs("ben");
    expect((await nextInQueue({}))!.treeId).toBe(first!.treeId);
    await skipInQueue(first!.treeId);
    actAs("cat");
    expect((await nextInQueue({}))!.treeId).toBe(first!.treeId);
  });

  it("gives back a tree held from another queue when the reviewer opens a queue it is not in", async () => {
    const { nextInQueue } = await import("./reviews");
    actAs("ann");
    const g1 = await nextInQueue({ group: "G1" });
    expect(await nextInQueue({ group: "G1" })).toMatchObject({ treeId: g1!.treeId }); // the same queue: the same tree
    const g2 = await nextInQueue({ group: "G2" });
    expect((await sql(`select "group" from "Tree" where id = $1`, [g2!.treeId]))[0].group).toBe("G2");
    actAs("ben");
    expect((await nextInQueue({ group: "G1" }))!.treeId).toBe(g1!.treeId); // ann's G1 tree is free again
  });

  it("serves a tree to N reviewers when N are configured, never twice to one reviewer", async () => {
    const { nextInQueue, saveReview } = await import("./reviews");
    await sql(`insert into "Setting" (key, value, "updatedAt") values ('review', '{"reviewersPerTree": 2, "leaseMinutes": 15}', now())`);
    actAs("ann");
    const a = await nextInQueue({ group: "G1" });
    actAs("ben");
    const b = await nextInQueue({ group: "G1" });
    expect(b!.treeId).toBe(a!.treeId); // the second reviewer of the same tree
    actAs("cat");
    const c = await nextInQueue({ group: "G1" });
    expect(c!.treeId).not.toBe(a!.treeId); // two leases: full
    actAs("ann");
    const t = await tree(a!.treeId);
    await saveReview({ treeId: a!.treeId, verdict: "approve", reasons: [], chosenNodeIdx: null, expectedReviewId: null, baseVersion: t.version });
    expect((await tree(a!.treeId)).reviewStatus).toBe("in_review");
    const next = await nextInQueue({ group: "G1" });
    expect(next!.treeId).not.toBe(a!.treeId); // ann reviewed it already
  });
});

describe("saving reviews", () => {
  it("keeps both reviews when two reviewers save on one tree, and tells the later one", async () => {
    const { saveReview } = await import("./reviews");
    const id = (await sql(`select id from "Tree" where "validData" order by id limit 1`))[0].id;
    const { version } = await tree(id);
    actAs("ann");
    const r1 = await saveReview({ treeId: id, verdict: "approve", reasons: ["Good exploration"], chosenNodeIdx: null, expectedReviewId: null, baseVersion: version });
    expect(r1.concurrent).toEqual([]);
    actAs("ben");
    const r2 = await saveReview({ treeId: id, verdict: "reject", reasons: [], chosenNodeIdx: null, expectedReviewId: null, baseVersion: version });
    expect(r2.concurrent).toEqual([{ reviewer: "ann", verdict: "approve" }]);
    const current = await sql(`select "reviewerId" from "Review" where "treeId" = $1 and "supersededAt" is null order by id`, [id]);
    expect(current.map((r) => r.reviewerId)).toEqual([users.ann, users.ben]);
    expect((await tree(id)).reviewStatus).toBe("needs_fix"); // one approve, one reject, one reviewer needed: they disagree
  });

  it("detects a stale write of one's own review (two windows) instead of overwriting it", async () => {
    const { saveReview } = await import("./reviews");
    const id = (await sql(`select id from "Tree" where "validData" order by id limit 1`))[0].id;
    actAs("ann");
    const { version } = await tree(id);
    const first = await saveReview({ treeId: id, verdict: "approve", reasons: [], chosenNodeIdx: null, expectedReviewId: null, baseVersion: version });
    // the other window still thinks ann has no review
    await expect(saveReview({ treeId: id, verdict: "reject", reasons: [], chosenNodeIdx: null, expectedReviewId: null, baseVersion: version })).rejects.toBeInstanceOf(ConflictError);
    const revised = await saveReview({ treeId: id, verdict: "reject", reasons: [], chosenNodeIdx: null, expectedReviewId: first.reviewId, baseVersion: first.version });
    const history = await sql(`select id, "supersededAt" is not null as superseded, "replacesId" from "Review" where "treeId" = $1 order by id`, [id]);
    expect(history).toEqual([
      { id: first.reviewId, superseded: true, replacesId: null },
      { id: revised.reviewId, superseded: false, replacesId: first.reviewId },
    ]);
    expect((await tree(id)).reviewStatus).toBe("rejected");
  });

  it("stores the chosen training path, which must end at a Finish call", async () => {
    const { saveReview } = await import("./reviews");
    // a real tree with more than one finished leaf (e.g. a give-up tree with several give-up leaves)
    const [t] = await sql(
      `select t.id, t."toolbenchNodeIdx" from "Tree" t where t."toolbenchNodeIdx" is not null and (select count(*) from "Node" n where n."treeId" = t.id and n."functionName" = 'Finish' and n.type = 'ActionInput' and n."childCount" = 0 and n."observationCode" in (3, 4)) > 1 order by t.id limit 1`,
    );
    expect(t).toBeDefined();
    const leaves = await sql(`select idx from "Node" where "treeId" = $1 and "functionName" = 'Finish' and type = 'ActionInput' and "childCount" = 0 order by idx`, [t.id]);
    const other = leaves.map((l) => l.idx).find((i: number) => i !== t.toolbenchNodeIdx);
    actAs("ann");
    const { version } = await tree(t.id);
    await expect(saveReview({ treeId: t.id, verdict: "approve", reasons: [], chosenNodeIdx: 1, expectedReviewId: null, baseVersion: version })).rejects.toBeInstanceOf(InvalidInputError);
    await saveReview({ treeId: t.id, verdict: "approve", reasons: [], chosenNodeIdx: other, expectedReviewId: null, baseVersion: version });
    expect(await tree(t.id)).toMatchObject({ reviewStatus: "approved", chosenNodeIdx: other, chosenBy: "reviewer", toolbenchNodeIdx: t.toolbenchNodeIdx });
  });

  it("refuses to approve a tree without any training path", async () => {
    const { saveReview } = await import("./reviews");
    const [t] = await sql(`select id from "Tree" where not "validData" limit 1`);
    actAs("ann");
    await expect(saveReview({ treeId: t.id, verdict: "approve", reasons: [], chosenNodeIdx: null, expectedReviewId: null, baseVersion: 0 })).rejects.toThrow(/choose the training path/);
  });
});

describe("bulk verdicts", () => {
  it("apply to the confirmed set only, are recorded, and undo back to the reviews they replaced", async () => {
    const { previewBulk, applyBulk, undoBulk, listBulkActions } = await import("./review-bulk");
    const { saveReview } = await import("./reviews");
    const filter = { group: "G1", valid: "yes" as const, hasErrors: "no" as const };
    actAs("admin", "admin");
    const { count } = await previewBulk(filter);
    const expected = (await sql(`select count(*)::int as n from "Tree" where "group" = 'G1' and "validData" and "hallucinatedCount" + "apiErrorCount" = 0`))[0].n;
    expect(count).toBe(expected);
    expect(count).toBeGreaterThan(0);
    // the admin had reviewed one of them before: the bulk review replaces it, the undo restores it
    const first = (await sql(`select id from "Tree" where "group" = 'G1' and "validData" and "hallucinatedCount" + "apiErrorCount" = 0 order by id limit 1`))[0].id;
    const before = await saveReview({ treeId: first, verdict: "needs_fix", reasons: [], chosenNodeIdx: null, expectedReviewId: null, baseVersion: (await tree(first)).version });

    await expect(applyBulk({ filter, verdict: "approve", reasons: ["Good exploration"], expectedCount: count + 1 })).rejects.toBeInstanceOf(ConflictError);
    const { bulkId } = await applyBulk({ filter, verdict: "approve", reasons: ["Good exploration"], expectedCount: count });
    expect(await sql(`select count(*)::int as n from "Tree" where "reviewStatus" = 'approved'`)).toEqual([{ n: count }]);
    expect((await listBulkActions())[0]).toMatchObject({ bulkId, count, verdict: "approve", undone: false, actor: "admin" });

    expect(await undoBulk(bulkId)).toEqual({ count });
    expect(await sql(`select count(*)::int as n from "Tree" where "reviewStatus" = 'approved'`)).toEqual([{ n: 0 }]);
    expect((await tree(first)).reviewStatus).toBe("needs_fix");
    const restored = await sql(`select id from "Review" where "treeId" = $1 and "supersededAt" is null and "undoneAt" is null`, [first]);
    expect(restored).toEqual([{ id: before.reviewId }]);
    expect((await listBulkActions())[0]!.undone).toBe(true);
    await expect(undoBulk(bulkId)).rejects.toBeInstanceOf(ConflictError);
  });
});
