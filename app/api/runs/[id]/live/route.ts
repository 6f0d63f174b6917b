import type { NextRequest } from "next/server";
import { getLiveTree } from "@/lib/server/services/run-live";
import { readId, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/runs/:id/live?item= — the tree of the item being solved, as far as it has grown (null when none has started). */
export async function GET(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const item = request.nextUrl.searchParams.get("item");
  return respond(async () => ({ live: await getLiveTree(readId(id, "Run id"), item ? readId(item, "Item id") : undefined) }));
}
