// Bulk verdicts over a filtered set (e.g. approve every valid G1 tree without errors): previewed
// with the count, applied only if the set still has that count, recorded, and undoable as a group.
import { randomUUID } from "node:crypto";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { treeReviewState } from "@/lib/core/review/tree-state";
import type { BulkFilter, BulkReviewInput } from "@/lib/core/schemas/reviews";
import { requireUser } from "../auth/session";
import { readReviewSettings } from "../repositories/review-meta";
import {
  applyTreeStates,
  audit,
  countMatching,
  currentReviewIdsBy,
  currentReviews,
  inTransaction,
  insertReviews,
  lockMatching,
  lockTreesOfBulk,
  undoBulkReviews,
  type Db,
} from "../repositories/reviews";
import { listAudit } from "../repositories/users";

export const MAX_BULK = 100_000;

export async function previewBulk(filter: BulkFilter): Promise<{ count: number }> {
  await requireUser("bulk_review");
  return { count: await countMatching(filter) };
}

async function recompute(db: Db, trees: { id: number; toolbenchNodeIdx: number | null }[], reviewersPerTree: number) {
  const reviews = await currentReviews(db, trees.map((t) => t.id));
  await applyTreeStates(db, trees.map((t) => ({ treeId: t.id, ...treeReviewState(reviews.get(t.id) ?? [], reviewersPerTree, t.toolbenchNodeIdx) })));
}

export async function applyBulk(input: BulkReviewInput): Promise<{ bulkId: string; count: number }> {
  const user = await requireUser("bulk_review");
  const settings = await readReviewSettings();
  return inTransaction(async (db) => {
    const trees = await lockMatching(db, input.filter);
    if (trees.length !== input.expectedCount) {
      throw new ConflictError(`The filter now matches ${trees.length} trees, not the ${input.expectedCount} you confirmed. Check the set and confirm again.`);
    }
    if (trees.length === 0) throw new InvalidInputError("No tree matches this filter.");
    if (trees.length > MAX_BULK) throw new InvalidInputError(`At most ${MAX_BULK} trees per bulk action; narrow the filter.`);
    if (input.verdict === "approve" && trees.some((t) => t.toolbenchNodeIdx === null)) {
      throw new InvalidInputError("Some of these trees have no training path (ToolBench chose none): add valid = yes to the filter, or review them one by one.");
    }
    const bulkId = randomUUID();
    const mine = await currentReviewIdsBy(db, trees.map((t) => t.id), user.id);
    await insertReviews(
      db,
      trees.map((t) => ({
        treeId: t.id,
        reviewerId: user.id,
        verdict: input.verdict,
        reasons: input.reasons,
        comment: input.comment || undefined,
        chosenNodeIdx: null,
        replacesId: mine.get(t.id) ?? null,
        baseVersion: null,
        bulkId,
      })),
    );
    await recompute(db, trees, settings.reviewersPerTree);
    await audit(db, user.id, "review.bulk", `bulk:${bulkId}`, { bulkId, count: trees.length, verdict: input.verdict, reasons: input.reasons, filter: input.filter });
    return { bulkId, count: trees.length };
  });
}

export async function undoBulk(bulkId: string): Promise<{ count: number }> {
  const user = await requireUser("bulk_review");
  const settings = await readReviewSettings();
  return inTransaction(async (db) => {
    const trees = await lockTreesOfBulk(db, bulkId);
    if (trees.length === 0) throw new NotFoundError(`There is no bulk action ${bulkId}`);
    const count = await undoBulkReviews(db, bulkId);
    if (count === 0) throw new ConflictError("This bulk action was already undone.");
    await recompute(db, trees, settings.reviewersPerTree);
    await audit(db, user.id, "review.bulk_undo", `bulk:${bulkId}`, { bulkId, count });
    return { count };
  });
}

export interface BulkActionRow {
  bulkId: string;
  count: number;
  verdict: string;
  filter: unknown;
  actor: string | null;
  createdAt: Date;
  undone: boolean;
}

/** Bulk actions, newest first, with whether each was undone. */
export async function listBulkActions(limit = 50): Promise<BulkActionRow[]> {
  await requireUser("bulk_review");
  const entries = await listAudit(["review.bulk", "review.bulk_undo"], limit * 2);
  const undone = new Set(entries.filter((e) => e.action === "review.bulk_undo").map((e) => e.subject));
  return entries
    .filter((e) => e.action === "review.bulk")
    .slice(0, limit)
    .map((e) => {
      const p = (e.payload ?? {}) as { bulkId?: string; count?: number; verdict?: string; filter?: unknown };
      return { bulkId: p.bulkId ?? "", count: p.count ?? 0, verdict: p.verdict ?? "", filter: p.filter, actor: e.actor, createdAt: e.createdAt, undone: undone.has(e.subject) };
    });
}
