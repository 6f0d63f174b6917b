import type { NextRequest } from "next/server";
import { importedResultsQuery } from "@/lib/core/schemas/evaluations";
import { getImportedResultsReport } from "@/lib/server/services/evaluation-runs";
import { readQuery, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/evaluations/imported?kind=pass_rate|preference&model=… — the report of labels imported
 * from ToolEval result files: pass rate and score, or win / tie / loss, by test set.
 */
export async function GET(request: NextRequest) {
  return respond(async () => getImportedResultsReport(readQuery(importedResultsQuery, request.nextUrl)));
}
