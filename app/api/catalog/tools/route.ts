import type { NextRequest } from "next/server";
import { toolSuggestInput } from "@/lib/core/schemas/catalog";
import { listToolSuggestions } from "@/lib/server/services/catalog";
import { readQuery, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/catalog/tools?q=squ&category=Logistics — the tool picker's suggestions. */
export async function GET(request: NextRequest) {
  return respond(async () => listToolSuggestions(readQuery(toolSuggestInput, request.nextUrl)));
}
