import type { NextRequest } from "next/server";
import { getApiDetail } from "@/lib/server/services/catalog";
import { readId, respond } from "../../../_lib/respond";

export const dynamic = "force-dynamic";

/** GET /api/catalog/apis/7 — one API with its parameters, response schema, tool and category. */
export async function GET(_request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return respond(async () => getApiDetail(readId(id, "API id")));
}
