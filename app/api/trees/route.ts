import type { NextRequest } from "next/server";
import { treeListFilter } from "@/lib/core/schemas/trees";
import { listTreePage } from "@/lib/server/services/tree-list";
import { readQuery, respond } from "../_lib/respond";

export const dynamic = "force-dynamic";

/**
 * GET /api/trees?q=&group=&category=&tool=&method=&model=&run=&finish=&valid=&status=&reviewer=
 *   &hallucinated=&apiError=&giveUp=&check=&sizeMin=&sizeMax=&depthMin=&depthMax=&sort=&dir=&page=&pageSize=
 * One page of trees with the total (exact up to 10,000 for a filtered list); bad parameters answer 400.
 */
export async function GET(request: NextRequest) {
  return respond(async () => listTreePage(readQuery(treeListFilter, request.nextUrl)));
}
