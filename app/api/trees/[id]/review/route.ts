import type { NextRequest } from "next/server";
import { getReviewContext } from "@/lib/server/services/reviews";
import { readId, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/trees/:id/review — the signed-in user's review, the history, comments and reasons. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(() => getReviewContext(readId(id, "Tree id")));
}
