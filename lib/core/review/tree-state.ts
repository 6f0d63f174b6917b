// What a tree's reviews add up to. Each reviewer has one current review; the tree's status, and the
// path that becomes training data, follow from them (so concurrent saves never overwrite each other:
// every save recomputes this from all current reviews).

export type Verdict = "approve" | "reject" | "needs_fix";
export type ReviewStatus = "unreviewed" | "in_review" | "approved" | "rejected" | "needs_fix";

export interface CurrentReview {
  reviewerId: number;
  verdict: Verdict;
  chosenNodeIdx: number | null;
  /** larger = later (a timestamp in ms, or an id) */
  order: number;
}

export interface TreeReviewState {
  reviewStatus: ReviewStatus;
  reviewCount: number;
  chosenNodeIdx: number | null;
  chosenBy: "toolbench" | "reviewer" | null;
}

const STATUS_OF: Record<Verdict, ReviewStatus> = { approve: "approved", reject: "rejected", needs_fix: "needs_fix" };

/**
 * - no review: unreviewed; fewer than `reviewersPerTree`: in review;
 * - then the majority verdict, and a tie (reviewers disagree) needs a fix;
 * - the training path: the latest approving review's choice, else ToolBench's.
 */
export function treeReviewState(reviews: readonly CurrentReview[], reviewersPerTree: number, toolbenchNodeIdx: number | null): TreeReviewState {
  const latestApproval = reviews.filter((r) => r.verdict === "approve" && r.chosenNodeIdx !== null).sort((a, b) => b.order - a.order)[0];
  const chosen = latestApproval
    ? { chosenNodeIdx: latestApproval.chosenNodeIdx, chosenBy: latestApproval.chosenNodeIdx === toolbenchNodeIdx ? ("toolbench" as const) : ("reviewer" as const) }
    : { chosenNodeIdx: toolbenchNodeIdx, chosenBy: toolbenchNodeIdx === null ? null : ("toolbench" as const) };
  if (reviews.length === 0) return { reviewStatus: "unreviewed", reviewCount: 0, ...chosen };
  if (reviews.length < Math.max(1, reviewersPerTree)) return { reviewStatus: "in_review", reviewCount: reviews.length, ...chosen };
  const counts = new Map<Verdict, number>();
  for (const r of reviews) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const tie = ranked.length > 1 && ranked[0]![1] === ranked[1]![1];
  return { reviewStatus: tie ? "needs_fix" : STATUS_OF[ranked[0]![0]], reviewCount: reviews.length, ...chosen };
}
