import { listTreeViews } from "@/lib/server/services/saved-views";
import { respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/trees/views — the signed-in user's saved views of the tree list. */
export async function GET() {
  return respond((user) => listTreeViews(user.id));
}
