import type { NextRequest } from "next/server";
import { getToolSuggestion } from "@/lib/server/services/catalog";
import { readId, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/catalog/tools/12 — one tool's name and category (to label a selected tool filter). */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(async () => getToolSuggestion(readId(id, "tool id")));
}
