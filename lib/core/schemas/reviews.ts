// Inputs of reviewing: verdicts, comments, the review queue, bulk actions, reasons and settings.
import { z } from "zod";

export const VERDICTS = ["approve", "reject", "needs_fix"] as const;
const id = z.coerce.number().int().positive().max(2_147_483_647);

export const saveReviewInput = z.object({
  treeId: id,
  verdict: z.enum(VERDICTS),
  reasons: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  comment: z.string().trim().max(4000).optional(),
  /** leaf of the training path the reviewer chose (null: keep ToolBench's) */
  chosenNodeIdx: z.number().int().min(0).nullable().default(null),
  /** the reviewer's current review when they opened the tree (null: none): detects a stale write */
  expectedReviewId: id.nullable(),
  /** the tree version the reviewer saw */
  baseVersion: z.number().int().min(0),
});
export type SaveReviewInput = z.infer<typeof saveReviewInput>;

export const addCommentInput = z.object({
  treeId: id,
  nodeIdx: z.number().int().min(0),
  body: z.string().trim().min(1, "write a comment").max(4000),
});

/** Which trees the review queue serves (a subset of the list's filters). */
export const queueFilter = z.object({
  group: z.string().max(20).optional(),
  method: z.enum(["dfsdt", "dfs", "react", "other"]).optional(),
  finishType: z.enum(["give_answer", "give_up", "none"]).optional(),
  valid: z.enum(["yes", "no"]).optional(),
  runId: id.optional(),
});
export type QueueFilter = z.infer<typeof queueFilter>;

export const bulkReviewInput = z.object({
  filter: queueFilter.extend({
    reviewStatus: z.enum(["unreviewed", "in_review", "approved", "rejected", "needs_fix"]).optional(),
    hasErrors: z.enum(["yes", "no"]).optional(),
  }),
  verdict: z.enum(VERDICTS),
  reasons: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  comment: z.string().trim().max(4000).optional(),
  /** the count the user confirmed: refused if the set changed meanwhile */
  expectedCount: z.number().int().min(0),
});
export type BulkReviewInput = z.infer<typeof bulkReviewInput>;
export type BulkFilter = BulkReviewInput["filter"];

export const reviewSettingsInput = z.object({
  reviewersPerTree: z.number().int().min(1).max(10),
  leaseMinutes: z.number().int().min(1).max(240),
});
export type ReviewSettings = z.infer<typeof reviewSettingsInput>;
export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { reviewersPerTree: 1, leaseMinutes: 15 };

export const reasonInput = z.object({ label: z.string().trim().min(1).max(100) });
