import type { NextRequest } from "next/server";
import { getEvaluationReport } from "@/lib/server/services/evaluation-runs";
import { readId, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/evaluations/:id — an evaluation run's report: pass rate and score, or win / tie / loss, by group. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(() => getEvaluationReport(readId(id, "Run id")));
}
