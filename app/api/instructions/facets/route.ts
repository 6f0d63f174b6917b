import { getInstructionFacets } from "@/lib/server/services/instructions";
import { respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/instructions/facets — groups, categories and generation runs for the list's filters. */
export async function GET() {
  return respond(() => getInstructionFacets());
}
