import { getReviewDashboard } from "@/lib/server/services/review-dashboard";
import { respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/review/dashboard — progress, verdicts by group and category, codes, reviewers, agreement. */
export async function GET() {
  return respond(() => getReviewDashboard());
}
