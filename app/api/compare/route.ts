import type { NextRequest } from "next/server";
import { compareQuery } from "@/lib/core/schemas/compare";
import { compareTrees } from "@/lib/server/services/compare";
import { readQuery, respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/compare?a=<treeId>&b=<treeId> — two trees of one instruction: their calls aligned step by
 * step, how each ended, its cost and judge labels. Without b, tree a alone and the trees to pick from.
 */
export async function GET(request: NextRequest) {
  return respond(async () => {
    const q = readQuery(compareQuery, request.nextUrl);
    return compareTrees(q.a, q.b ?? null);
  });
}
