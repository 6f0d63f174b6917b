import type { NextRequest } from "next/server";
import { getRunItems } from "@/lib/server/services/run-live";
import { readId, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/runs/:id/items — a run's items, running ones first. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(() => getRunItems(readId(id, "Run id")));
}
