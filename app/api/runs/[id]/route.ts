import type { NextRequest } from "next/server";
import { getRun } from "@/lib/server/services/runs";
import { readId, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/runs/:id — a run's status, progress and result. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(() => getRun(readId(id, "Run id")));
}
