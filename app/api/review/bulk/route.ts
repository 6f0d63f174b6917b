import type { NextRequest } from "next/server";
import { bulkReviewInput } from "@/lib/core/schemas/reviews";
import { listBulkActions, previewBulk } from "@/lib/server/services/review-bulk";
import { readQuery, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

const previewQuery = bulkReviewInput.shape.filter;

/** GET /api/review/bulk?group=…&valid=… — how many trees a bulk verdict would cover, and past bulk actions. */
export async function GET(request: NextRequest) {
  return respond(async () => {
    const filter = readQuery(previewQuery, request.nextUrl);
    const [preview, actions] = await Promise.all([previewBulk(filter), listBulkActions()]);
    return { ...preview, actions };
  }, "bulk_review");
}
