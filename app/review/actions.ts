"use server";

import { revalidatePath } from "next/cache";
import type { Result } from "@/lib/core/result";
import { addCommentInput, bulkReviewInput, queueFilter, reasonInput, reviewSettingsInput, saveReviewInput } from "@/lib/core/schemas/reviews";
import { requireUser } from "@/lib/server/auth/session";
import { addReason, setReasonActive, writeReviewSettings } from "@/lib/server/services/review-settings";
import { applyBulk, undoBulk } from "@/lib/server/services/review-bulk";
import { addComment, nextInQueue, saveReview, skipInQueue, type SaveReviewResult } from "@/lib/server/services/reviews";
import { z } from "zod";
import { parseInput, runAction } from "../_lib/run-action";

export async function saveReviewAction(input: unknown): Promise<Result<SaveReviewResult>> {
  return runAction("saveReview", async () => {
    await requireUser("review");
    return saveReview(parseInput(saveReviewInput, input));
  });
}

export async function addCommentAction(input: unknown): Promise<Result<{ id: number }>> {
  return runAction("addComment", async () => {
    await requireUser("comment");
    return { id: await addComment(parseInput(addCommentInput, input)) };
  });
}

/** Claims (or renews) this reviewer's next tree in the queue. */
export async function nextInQueueAction(input: unknown): Promise<Result<{ treeId: number } | null>> {
  return runAction("nextInQueue", async () => {
    await requireUser("review");
    const { filter, skip } = parseInput(z.object({ filter: queueFilter, skip: z.array(z.number().int().positive()).max(500).default([]) }), input);
    const claim = await nextInQueue(filter, skip);
    return claim && { treeId: claim.treeId };
  });
}

export async function skipInQueueAction(treeId: unknown): Promise<Result<null>> {
  return runAction("skipInQueue", async () => {
    await requireUser("review");
    await skipInQueue(parseInput(z.number().int().positive(), treeId));
    return null;
  });
}

export async function applyBulkAction(input: unknown): Promise<Result<{ bulkId: string; count: number }>> {
  return runAction("applyBulk", async () => {
    await requireUser("bulk_review");
    const r = await applyBulk(parseInput(bulkReviewInput, input));
    revalidatePath("/review/bulk");
    return r;
  });
}

export async function undoBulkAction(bulkId: unknown): Promise<Result<{ count: number }>> {
  return runAction("undoBulk", async () => {
    await requireUser("bulk_review");
    const r = await undoBulk(parseInput(z.string().uuid(), bulkId));
    revalidatePath("/review/bulk");
    return r;
  });
}

export async function saveReviewSettingsAction(input: unknown): Promise<Result<null>> {
  return runAction("saveReviewSettings", async () => {
    await requireUser("manage_settings");
    await writeReviewSettings(parseInput(reviewSettingsInput, input));
    revalidatePath("/admin/review");
    return null;
  });
}

export async function addReasonAction(input: unknown): Promise<Result<null>> {
  return runAction("addReason", async () => {
    await requireUser("manage_settings");
    await addReason(parseInput(reasonInput, input).label);
    revalidatePath("/admin/review");
    return null;
  });
}

export async function setReasonActiveAction(input: unknown): Promise<Result<null>> {
  return runAction("setReasonActive", async () => {
    await requireUser("manage_settings");
    const { id, active } = parseInput(z.object({ id: z.number().int().positive(), active: z.boolean() }), input);
    await setReasonActive(id, active);
    revalidatePath("/admin/review");
    return null;
  });
}
