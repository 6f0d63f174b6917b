import type { NextRequest } from "next/server";
import { sourceSuggestInput } from "@/lib/core/schemas/instructions";
import { listSourceSuggestions } from "@/lib/server/services/instructions";
import { readQuery, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/instructions/sources?q=G1 — source files with their instruction counts. */
export async function GET(request: NextRequest) {
  return respond(async () => listSourceSuggestions(readQuery(sourceSuggestInput, request.nextUrl)));
}
