import type { NextRequest } from "next/server";
import { getInstructionDetail } from "@/lib/server/services/instruction-detail";
import { readId, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/instructions/42 — the instruction, its APIs and its trees with their chosen paths. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(async () => getInstructionDetail(readId(id, "instruction id")));
}
