import type { NextRequest } from "next/server";
import { runListFilter } from "@/lib/core/schemas/runs";
import { listRecentRuns } from "@/lib/server/services/run-launch";
import { readQuery, respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/runs?kind=&limit= — the latest runs, newest first. */
export async function GET(request: NextRequest) {
  return respond(async () => {
    const { kind, limit } = readQuery(runListFilter, request.nextUrl);
    return listRecentRuns(kind, limit);
  });
}
