// Review settings (reviewers per tree, lease length) and the list of reasons reviewers pick from.
import type { ReviewSettings } from "@/lib/core/schemas/reviews";
import { requireUser } from "../auth/session";
import * as meta from "../repositories/review-meta";

export type { ReasonRow } from "../repositories/review-meta";

export async function readReviewSettings(): Promise<ReviewSettings> {
  await requireUser("read");
  return meta.readReviewSettings();
}

export async function writeReviewSettings(s: ReviewSettings): Promise<void> {
  const user = await requireUser("manage_settings");
  await meta.writeReviewSettings(s);
  await meta.recordSettingAudit(user.id, "settings.review", s);
}

/** The reasons reviewers pick from (the active ones, in order). */
export async function listActiveReasons(): Promise<meta.ReasonRow[]> {
  await requireUser("read");
  return meta.listReasons();
}

export async function listAllReasons(): Promise<meta.ReasonRow[]> {
  await requireUser("read");
  return meta.listReasons(true);
}

export async function addReason(label: string): Promise<void> {
  await requireUser("manage_settings");
  await meta.addReason(label);
}

export async function setReasonActive(id: number, active: boolean): Promise<void> {
  await requireUser("manage_settings");
  await meta.setReasonActive(id, active);
}
