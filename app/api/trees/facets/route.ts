import { getTreeFacets } from "@/lib/server/services/tree-list";
import { respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/trees/facets — groups, models, runs and reviewers (with tree counts) for the list's filters. */
export async function GET() {
  return respond(() => getTreeFacets());
}
