import type { NextRequest } from "next/server";
import { getTreeEvaluation } from "@/lib/server/services/evaluation-runs";
import { readId, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/trees/:id/evaluation — the tree's pass verdict and its latest judgements. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(() => getTreeEvaluation(readId(id, "Tree id")));
}
