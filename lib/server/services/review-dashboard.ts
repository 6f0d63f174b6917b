// The review dashboard: progress over time, verdicts by group and category, where searches fail
// (observation codes), reviewer throughput and agreement between reviewers.
import { cohensKappa, fleissKappa, type Rating } from "@/lib/core/review/agreement";
import { describeObservationCode } from "@/lib/core/toolbench/status-codes";
import { requireUser } from "../auth/session";
import { currentVerdicts } from "../repositories/review-meta";
import { observationCodeCounts, reviewerThroughput, reviewsPerDay, statusByCategory, statusByGroup } from "../repositories/review-stats";
import { userNames } from "../repositories/users";

export interface ReviewDashboard {
  perDay: { day: string; reviews: number; treesFirstReviewed: number }[];
  byGroup: { group: string; status: string; trees: number }[];
  byCategory: { category: string; status: string; trees: number }[];
  codes: { code: number; label: string; nodes: number }[];
  reviewers: { reviewer: string; reviewerId: number; reviews: number; approvals: number; lastAt: Date }[];
  agreement: {
    fleiss: { kappa: number | null; items: number; raters: number };
    pairs: { a: string; b: string; kappa: number | null; items: number }[];
  };
}

// Counting observation codes reads every node; the figure barely moves between page loads.
let codesCache: { at: number; value: { code: number; nodes: number }[] } | undefined;
const CODES_TTL_MS = 60_000;

export async function getReviewDashboard(days = 30): Promise<ReviewDashboard> {
  await requireUser("read");
  const codesFresh = codesCache && Date.now() - codesCache.at < CODES_TTL_MS ? codesCache.value : undefined;
  const [perDay, byGroup, byCategory, codes, reviewers, verdicts] = await Promise.all([
    reviewsPerDay(days),
    statusByGroup(),
    statusByCategory(12),
    codesFresh ? Promise.resolve(codesFresh) : observationCodeCounts(),
    reviewerThroughput(days),
    currentVerdicts(),
  ]);
  if (!codesFresh) codesCache = { at: Date.now(), value: codes };
  const ratings: Rating[] = verdicts.map((v) => ({ itemId: v.treeId, raterId: v.reviewerId, category: v.verdict }));
  const raters = [...new Set(ratings.map((r) => r.raterId))].sort((a, b) => a - b);
  const names = await userNames(raters);
  const pairs: ReviewDashboard["agreement"]["pairs"] = [];
  for (let i = 0; i < raters.length; i++) {
    for (let j = i + 1; j < raters.length; j++) {
      const k = cohensKappa(ratings, raters[i]!, raters[j]!);
      if (k.items > 0) pairs.push({ a: names.get(raters[i]!) ?? `#${raters[i]}`, b: names.get(raters[j]!) ?? `#${raters[j]}`, ...k });
    }
  }
  return {
    perDay,
    byGroup,
    byCategory,
    codes: codes.map((c) => ({ ...c, label: describeObservationCode(c.code).label })),
    reviewers,
    agreement: { fleiss: fleissKappa(ratings), pairs },
  };
}
