import type { NextRequest } from "next/server";
import { instructionListFilter } from "@/lib/core/schemas/instructions";
import { listInstructionPage } from "@/lib/server/services/instructions";
import { readQuery, respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/instructions?q=&group=&category=&tool=&source=&run=&hasTree=yes|no&page=&pageSize=
 * One page of instructions and the total; unknown or malformed parameters answer 400.
 */
export async function GET(request: NextRequest) {
  return respond(async () => listInstructionPage(readQuery(instructionListFilter, request.nextUrl)));
}
