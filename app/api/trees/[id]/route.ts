import type { NextRequest } from "next/server";
import { getTreeView } from "@/lib/server/services/trees";
import { readId, respond } from "../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/trees/42 — the tree, every node as columns, its instruction and the catalog APIs it calls. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(async () => getTreeView(readId(id, "tree id")));
}
