// Reviewing a tree: verdicts with reasons, the training path, comments — and the review queue.
import { can } from "@/lib/core/auth/permissions";
import { ConflictError, InvalidInputError, NotFoundError } from "@/lib/core/errors";
import { treeReviewState, type TreeReviewState } from "@/lib/core/review/tree-state";
import type { QueueFilter, SaveReviewInput } from "@/lib/core/schemas/reviews";
import { requireUser } from "../auth/session";
import { claimNext, completeClaim, recentQueueTrees, releaseClaim } from "../repositories/review-claims";
import {
  insertComment,
  listComments,
  listReasons,
  listReviewHistory,
  readReviewSettings,
  readTreeReviewFields,
  type CommentRow,
  type ReasonRow,
  type ReviewHistoryRow,
  type TreeReviewFields,
} from "../repositories/review-meta";
import { applyTreeStates, audit, currentReviewBy, currentReviews, finishedLeafIdxs, inTransaction, insertReviews, lockTree } from "../repositories/reviews";
import { userNames } from "../repositories/users";

export interface SaveReviewResult {
  reviewId: number;
  state: TreeReviewState;
  version: number;
  /** other reviewers' current reviews, when the tree changed after this reviewer opened it */
  concurrent: { reviewer: string; verdict: string }[];
}

export async function saveReview(input: SaveReviewInput): Promise<SaveReviewResult> {
  const user = await requireUser("review");
  const settings = await readReviewSettings();
  return inTransaction(async (db) => {
    const tree = await lockTree(db, input.treeId);
    if (!tree) throw new NotFoundError(`There is no tree #${input.treeId}`);
    const mine = await currentReviewBy(db, input.treeId, user.id);
    if ((mine?.id ?? null) !== input.expectedReviewId) {
      throw new ConflictError("Your review of this tree changed since you opened it (in another window?). Reload to see it, then save again.");
    }
    if (input.chosenNodeIdx !== null && !(await finishedLeafIdxs(db, input.treeId)).has(input.chosenNodeIdx)) {
      throw new InvalidInputError("A training path must end at a Finish call (a final answer or a give-up).");
    }
    if (input.verdict === "approve" && input.chosenNodeIdx === null && tree.toolbenchNodeIdx === null) {
      throw new InvalidInputError("ToolBench chose no path in this tree: choose the training path before approving it.");
    }
    const [reviewId] = await insertReviews(db, [
      {
        treeId: input.treeId,
        reviewerId: user.id,
        verdict: input.verdict,
        reasons: input.reasons,
        comment: input.comment || undefined,
        chosenNodeIdx: input.chosenNodeIdx,
        replacesId: mine?.id ?? null,
        baseVersion: input.baseVersion,
      },
    ]);
    const reviews = (await currentReviews(db, [input.treeId])).get(input.treeId) ?? [];
    const state = treeReviewState(reviews, settings.reviewersPerTree, tree.toolbenchNodeIdx);
    await applyTreeStates(db, [{ treeId: input.treeId, ...state }]);
    await completeClaim(db, user.id, input.treeId);
    await audit(db, user.id, `review.${input.verdict}`, `tree:${input.treeId}`, { reviewId, reasons: input.reasons, chosenNodeIdx: input.chosenNodeIdx });
    const others = reviews.filter((r) => r.reviewerId !== user.id);
    const names = tree.version !== input.baseVersion && others.length ? await userNames(others.map((r) => r.reviewerId)) : new Map<number, string>();
    return {
      reviewId: reviewId!,
      state,
      version: tree.version + 1,
      concurrent: tree.version !== input.baseVersion ? others.map((r) => ({ reviewer: names.get(r.reviewerId) ?? `user #${r.reviewerId}`, verdict: r.verdict })) : [],
    };
  });
}

export async function addComment(input: { treeId: number; nodeIdx: number; body: string }): Promise<number> {
  const user = await requireUser("comment");
  return insertComment({ ...input, authorId: user.id });
}

export interface ReviewContext {
  tree: TreeReviewFields;
  myReview: ReviewHistoryRow | null;
  history: ReviewHistoryRow[];
  comments: CommentRow[];
  reasons: ReasonRow[];
  reviewersPerTree: number;
  canReview: boolean;
  canComment: boolean;
}

/** What the review panel of a tree shows. */
export async function getReviewContext(treeId: number): Promise<ReviewContext> {
  const user = await requireUser("read");
  const [tree, history, comments, reasons, settings] = await Promise.all([
    readTreeReviewFields(treeId),
    listReviewHistory(treeId),
    listComments(treeId),
    listReasons(),
    readReviewSettings(),
  ]);
  if (!tree) throw new NotFoundError(`There is no tree #${treeId}`);
  return {
    tree,
    myReview: history.find((r) => r.reviewerId === user.id && r.current) ?? null,
    history,
    comments,
    reasons,
    reviewersPerTree: settings.reviewersPerTree,
    canReview: can(user.role, "review"),
    canComment: can(user.role, "comment"),
  };
}

/** The next tree for this reviewer (their claimed one, or a newly claimed one), or null when the queue is empty. */
export async function nextInQueue(filter: QueueFilter, skip: number[] = []): Promise<{ treeId: number; expiresAt: Date } | null> {
  const user = await requireUser("review");
  const settings = await readReviewSettings();
  return claimNext(user.id, filter, { leaseMinutes: settings.leaseMinutes, reviewersPerTree: settings.reviewersPerTree, skip });
}

/** Gives a claimed tree back to the queue. */
export async function skipInQueue(treeId: number): Promise<void> {
  const user = await requireUser("review");
  await releaseClaim(user.id, treeId);
}

/** The trees this reviewer was served, most recent first (for stepping back). */
export async function queueHistory(limit = 50): Promise<number[]> {
  const user = await requireUser("review");
  return recentQueueTrees(user.id, limit);
}
